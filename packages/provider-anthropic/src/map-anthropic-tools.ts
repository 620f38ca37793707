import type { AnthropicTool, AnthropicToolChoice } from "@switchyard/anthropic-api";
import {
  type ChatCompletionRequest,
  type ChatFunctionTool,
  operationNotAllowed,
  type Warning,
} from "@switchyard/core";
import type { ToolNameMap } from "./anthropic-tool-ids";
import { toAnthropicCacheControl } from "./map-anthropic-cache-control";

/** The tools and tool choice of a request in Anthropic's shape. */
export interface AnthropicToolsPlan {
  tools: AnthropicTool[];
  toolChoice: AnthropicToolChoice | undefined;
}

/** A function tool's `parameters` as an `input_schema`; Anthropic requires `type: "object"`. */
export function toInputSchema(parameters: Record<string, unknown> | undefined): Record<string, unknown> {
  if (parameters === undefined) return { type: "object", properties: {} };
  return parameters.type === undefined ? { type: "object", ...parameters } : parameters;
}

function mapTool(
  tool: ChatFunctionTool,
  names: ToolNameMap,
  strictSupported: boolean,
  warnings: Warning[],
): AnthropicTool {
  const mapped: AnthropicTool = {
    name: names.toAnthropic(tool.function.name),
    input_schema: toInputSchema(tool.function.parameters),
  };
  if (tool.function.description !== undefined) mapped.description = tool.function.description;
  if (tool.function.strict === true) {
    if (strictSupported) mapped.strict = true;
    else
      warnings.push({
        type: "unsupported_parameter",
        code: "tools.function.strict",
        message: `Strict tool use is not supported by this Anthropic model; tool '${tool.function.name}' is sent without it.`,
      });
  }
  if (tool.cache_control !== undefined) mapped.cache_control = toAnthropicCacheControl(tool.cache_control);
  return mapped;
}

const allowedNames = (tools: ReadonlyArray<Record<string, unknown>>): Set<string> =>
  new Set(
    tools.flatMap((tool) => {
      const fn = tool.function as { name?: unknown } | undefined;
      const name = fn?.name ?? tool.name;
      return typeof name === "string" ? [name] : [];
    }),
  );

/**
 * Maps `tools`, `tool_choice` and `parallel_tool_calls`: function tools to `{name, description,
 * input_schema}`; auto/none/required/named to auto/none/any/tool; `parallel_tool_calls: false` to
 * `disable_parallel_tool_use`. `allowed_tools` narrows the tool list to the allowed ones. Custom
 * (free-form) tools have no Anthropic equivalent and are refused.
 */
export function mapAnthropicTools(
  request: ChatCompletionRequest,
  names: ToolNameMap,
  strictSupported: boolean,
  warnings: Warning[],
): AnthropicToolsPlan {
  const chatTools = request.tools ?? [];
  let choice = request.tool_choice;
  let functionTools: ChatFunctionTool[] = chatTools.map((tool, index) => {
    if (tool.type !== "function")
      throw operationNotAllowed(
        `tools[${index}]`,
        "Custom (free-form) tools are not supported by Anthropic.",
      );
    return tool;
  });
  if (typeof choice === "object" && choice.type === "allowed_tools") {
    const allowed = allowedNames(choice.allowed_tools.tools);
    functionTools = functionTools.filter((tool) => allowed.has(tool.function.name));
    choice = choice.allowed_tools.mode;
  }
  if (typeof choice === "object" && choice.type === "custom")
    throw operationNotAllowed("tool_choice", "Custom (free-form) tools are not supported by Anthropic.");
  const tools = functionTools.map((tool) => mapTool(tool, names, strictSupported, warnings));
  if (tools.length === 0) {
    if (choice !== undefined && choice !== "none" && choice !== "auto")
      warnings.push({
        type: "unsupported_parameter",
        code: "tool_choice",
        message: "Parameter 'tool_choice' was ignored: the request has no tools to choose from.",
      });
    return { tools, toolChoice: undefined };
  }
  const disableParallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  let toolChoice: AnthropicToolChoice | undefined;
  if (choice === "none") toolChoice = { type: "none" };
  else if (choice === "required") toolChoice = { type: "any", ...disableParallel };
  else if (typeof choice === "object" && choice.type === "function")
    toolChoice = { type: "tool", name: names.toAnthropic(choice.function.name), ...disableParallel };
  else if (choice === "auto" || request.parallel_tool_calls === false)
    toolChoice = { type: "auto", ...disableParallel };
  return { tools, toolChoice };
}

/** Whether a tool choice forces a tool call (`any` or a named `tool`). */
export const isForcedToolChoice = (choice: AnthropicToolChoice | undefined): boolean =>
  choice?.type === "any" || choice?.type === "tool";
