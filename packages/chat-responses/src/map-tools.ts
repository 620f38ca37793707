import {
  type ChatTool,
  operationNotAllowed,
  type ResponsesCustomTool,
  type ResponsesFunctionTool,
  type ResponsesTool,
  type Warning,
} from "@switchyard/core";
import { cacheControlWarning } from "./map-content-parts";

/** Whether a Responses tool is a function tool (the union's built-in branch also types `type` as string). */
export const isFunctionTool = (tool: ResponsesTool): tool is ResponsesFunctionTool =>
  tool.type === "function";

/** Whether a Responses tool is a custom (free-form input) tool. */
export const isCustomTool = (tool: ResponsesTool): tool is ResponsesCustomTool => tool.type === "custom";

/**
 * Responses tools (flat `{type, name, parameters, strict}`) -> Chat tools (nested `{type, function}`).
 * Built-in tools (web_search, file_search, mcp, ...) run only on OpenAI's servers: a 400 naming the tool.
 */
export function responsesToolsToChat(tools: readonly ResponsesTool[]): ChatTool[] {
  return tools.map((tool, index): ChatTool => {
    if (isFunctionTool(tool)) {
      const { type: _type, name, description, parameters, strict, ...rest } = tool;
      return {
        type: "function",
        function: {
          name,
          ...(description == null ? {} : { description }),
          ...(parameters == null ? {} : { parameters }),
          ...(strict == null ? {} : { strict }),
          ...rest,
        },
      };
    }
    if (isCustomTool(tool)) {
      const { type: _type, ...custom } = tool;
      return { type: "custom", custom };
    }
    throw operationNotAllowed(
      `tools[${index}].type`,
      `tools[${index}]: the built-in tool '${tool.type}' runs only on OpenAI's Responses servers and cannot be served by a Chat Completions upstream.`,
    );
  });
}

/** Chat tools (nested) -> Responses tools (flat). `cache_control` hints become warnings. */
export function chatToolsToResponses(tools: readonly ChatTool[], warnings: Warning[]): ResponsesTool[] {
  return tools.map((tool, index): ResponsesTool => {
    if (tool.cache_control !== undefined) warnings.push(cacheControlWarning(`tools[${index}]`));
    if (tool.type === "custom") return { type: "custom", ...tool.custom };
    const { name, description, parameters, strict, ...rest } = tool.function;
    return {
      type: "function",
      name,
      ...(description === undefined ? {} : { description }),
      ...(parameters === undefined ? {} : { parameters }),
      ...(strict == null ? {} : { strict }),
      ...rest,
    };
  });
}
