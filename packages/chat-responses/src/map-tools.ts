import type {
  ChatFunctionTool,
  ChatTool,
  ResponsesCustomTool,
  ResponsesFunctionTool,
  ResponsesNamespaceTool,
  ResponsesTool,
  Warning,
} from "@switchyard/core";
import { cacheControlWarning } from "./map-content-parts";
import { chatCustomFormatToResponses, customToolToChatFunction } from "./tools/custom-tool";
import { isWebSearchTool, removeHostedTool, webSearchOptionsOf } from "./tools/hosted-tools";
import { localShellFunction, shellFunction } from "./tools/shell-tools";
import { createToolSurface, type ToolOrigin, type ToolSurface } from "./tools/tool-surface";

/** Whether a Responses tool is a function tool (the union's built-in branch also types `type` as string). */
export const isFunctionTool = (tool: ResponsesTool): tool is ResponsesFunctionTool =>
  tool.type === "function";

/** Whether a Responses tool is a custom (free-form input) tool. */
export const isCustomTool = (tool: ResponsesTool): tool is ResponsesCustomTool => tool.type === "custom";

/** Whether a Responses tool is a `namespace` tool. */
export const isNamespaceTool = (tool: ResponsesTool): tool is ResponsesNamespaceTool =>
  tool.type === "namespace";

/** Options of `responsesToolsToChat`. */
export interface ResponsesToolsToChatOptions {
  /** The request's tool surface; built from `tools` when absent. */
  surface?: ToolSurface;
  /** `gateway.strict_tools`: a hosted tool no Chat upstream runs is a 400 instead of a warning. */
  strictTools?: boolean;
}

/** The Chat side of a Responses request's tools. */
export interface ChatToolsPlan {
  tools: ChatTool[];
  /** Chat `web_search_options` standing for a hosted web search tool, when the request has one. */
  webSearchOptions?: Record<string, unknown>;
}

function functionToChat(tool: ResponsesFunctionTool, chatName: string): ChatFunctionTool {
  const { type: _type, name: _name, description, parameters, strict, ...rest } = tool;
  return {
    type: "function",
    function: {
      name: chatName,
      ...(description == null ? {} : { description }),
      ...(parameters == null ? {} : { parameters }),
      ...(strict == null ? {} : { strict }),
      ...rest,
    },
  };
}

function memberToChat(
  tool: ResponsesFunctionTool | ResponsesCustomTool,
  origin: ToolOrigin,
  surface: ToolSurface,
  path: string,
  warnings: Warning[],
): ChatFunctionTool {
  const chatName = surface.chatNameOf(origin)!;
  if (isCustomTool(tool)) return customToolToChatFunction(tool, chatName, path, warnings);
  return functionToChat(tool, chatName);
}

/**
 * Responses tools -> Chat function tools, for upstreams that know only functions. Function tools change
 * shape (flat `{type, name, parameters, strict}` -> nested `{type, function}`); a `namespace` tool's members
 * become functions named `namespace__name`; custom tools become functions with one string argument; the
 * `local_shell` and `shell` tools become functions whose arguments are their call's action. A hosted web
 * search becomes `webSearchOptions`; any other hosted tool is removed with a warning, or is a 400 with
 * `strictTools`. The names are the request's `ToolSurface`, which maps the model's calls back.
 */
export function responsesToolsToChat(
  tools: readonly ResponsesTool[],
  warnings: Warning[],
  options: ResponsesToolsToChatOptions = {},
): ChatToolsPlan {
  const surface = options.surface ?? createToolSurface(tools);
  const plan: ChatToolsPlan = { tools: [] };
  tools.forEach((tool, index) => {
    const path = `tools[${index}]`;
    if (isFunctionTool(tool) || isCustomTool(tool)) {
      plan.tools.push(memberToChat(tool, { kind: tool.type, name: tool.name }, surface, path, warnings));
    } else if (isNamespaceTool(tool)) {
      tool.tools.forEach((member, memberIndex) => {
        const origin = { kind: member.type, name: member.name, namespace: tool.name };
        plan.tools.push(memberToChat(member, origin, surface, `${path}.tools[${memberIndex}]`, warnings));
      });
    } else if (tool.type === "local_shell") {
      plan.tools.push(localShellFunction(surface.chatNameOf({ kind: "local_shell" })!));
    } else if (tool.type === "shell") {
      plan.tools.push(shellFunction(surface.chatNameOf({ kind: "shell" })!));
    } else if (isWebSearchTool(tool)) {
      if (plan.webSearchOptions === undefined)
        plan.webSearchOptions = webSearchOptionsOf(tool, path, warnings);
      else
        warnings.push({
          type: "dropped_content",
          code: path,
          message: `${path}: a second web search tool; the first one's settings are used.`,
        });
    } else {
      warnings.push(removeHostedTool(tool, path, options.strictTools === true));
    }
  });
  return plan;
}

/** Chat tools (nested) -> Responses tools (flat). `cache_control` hints become warnings. */
export function chatToolsToResponses(tools: readonly ChatTool[], warnings: Warning[]): ResponsesTool[] {
  return tools.map((tool, index): ResponsesTool => {
    if (tool.cache_control !== undefined) warnings.push(cacheControlWarning(`tools[${index}]`));
    if (tool.type === "custom") {
      const { format, ...custom } = tool.custom;
      return {
        type: "custom",
        ...custom,
        ...(format === undefined ? {} : { format: chatCustomFormatToResponses(format) }),
      };
    }
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
