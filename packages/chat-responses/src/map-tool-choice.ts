import {
  type ChatToolChoice,
  invalidRequest,
  operationNotAllowed,
  type ResponsesToolChoice,
} from "@switchyard/core";
import { createToolSurface, type ToolOrigin, type ToolSurface } from "./tools/tool-surface";

type ToolReference = Record<string, unknown>;

const nameOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
    ? (value as { name: string }).name
    : undefined;

/**
 * The tool a Responses tool choice or `allowed_tools` entry names, as a Chat function: function and custom
 * tools (with their `namespace`, if any) and the shell tools, which all become Chat functions.
 */
function chatFunctionNameOf(reference: ToolReference, surface: ToolSurface): string | undefined {
  const name = nameOf(reference);
  const namespace = typeof reference.namespace === "string" ? reference.namespace : undefined;
  let origin: ToolOrigin | undefined;
  if ((reference.type === "function" || reference.type === "custom") && name !== undefined)
    origin = { kind: reference.type, name, ...(namespace === undefined ? {} : { namespace }) };
  else if (reference.type === "local_shell" || reference.type === "shell") origin = { kind: reference.type };
  if (origin === undefined) return undefined;
  return surface.chatNameOf(origin) ?? name ?? origin.kind;
}

/** One `allowed_tools` entry, flat `{type, name}` -> nested `{type: "function", function: {name}}`. */
function allowedToolToChat(tool: ToolReference, path: string, surface: ToolSurface): ToolReference {
  const chatName = chatFunctionNameOf(tool, surface);
  if (chatName !== undefined) return { type: "function", function: { name: chatName } };
  throw operationNotAllowed(
    `${path}.type`,
    `${path}: the built-in tool '${String(tool.type)}' cannot be served by a Chat Completions upstream.`,
  );
}

/** One `allowed_tools` entry, nested `{type, function: {name}}` -> flat `{type, name}`. */
function allowedToolToResponses(tool: ToolReference): ToolReference {
  if (tool.type !== "function" && tool.type !== "custom") return tool;
  const name = nameOf(tool[tool.type]);
  return name === undefined ? tool : { type: tool.type, name };
}

/**
 * Responses `tool_choice` -> Chat `tool_choice`: modes as they are, `{type:"function", name}` ->
 * `{type:"function", function:{name}}` under the tool's Chat name (see `responsesToolsToChat`), likewise
 * custom, `local_shell`, `shell` and the `allowed_tools` entries. Forcing a hosted tool
 * (`{type:"web_search"}`, ...) is a 400.
 */
export function responsesToolChoiceToChat(
  choice: ResponsesToolChoice,
  surface: ToolSurface = createToolSurface(undefined),
): ChatToolChoice {
  if (typeof choice === "string") return choice;
  const chatName = chatFunctionNameOf(choice, surface);
  if (chatName !== undefined) return { type: "function", function: { name: chatName } };
  if (choice.type === "function" || choice.type === "custom") {
    throw invalidRequest(
      `tool_choice.name: is required for a '${choice.type}' tool choice.`,
      "tool_choice.name",
    );
  }
  if (choice.type === "allowed_tools") {
    // The schema's catch-all branch also admits a malformed allowed_tools choice; check it here.
    const { mode, tools } = choice as { mode?: unknown; tools?: unknown };
    if (mode !== "auto" && mode !== "required") {
      throw invalidRequest('tool_choice.mode: expected one of "auto", "required".', "tool_choice.mode");
    }
    if (!Array.isArray(tools) || !tools.every((tool) => typeof tool === "object" && tool !== null)) {
      throw invalidRequest("tool_choice.tools: expected an array of tool references.", "tool_choice.tools");
    }
    return {
      type: "allowed_tools",
      allowed_tools: {
        mode,
        tools: (tools as ToolReference[]).map((tool, index) =>
          allowedToolToChat(tool, `tool_choice.tools[${index}]`, surface),
        ),
      },
    };
  }
  throw operationNotAllowed(
    "tool_choice.type",
    `tool_choice: forcing the built-in tool '${choice.type}' cannot be served by a Chat Completions upstream.`,
  );
}

/** Chat `tool_choice` -> Responses `tool_choice`, the inverse of `responsesToolChoiceToChat`. */
export function chatToolChoiceToResponses(choice: ChatToolChoice): ResponsesToolChoice {
  if (typeof choice === "string") return choice;
  switch (choice.type) {
    case "function":
      return { type: "function", name: choice.function.name };
    case "custom":
      return { type: "custom", name: choice.custom.name };
    case "allowed_tools":
      return {
        type: "allowed_tools",
        mode: choice.allowed_tools.mode,
        tools: choice.allowed_tools.tools.map(allowedToolToResponses),
      };
  }
}
