import {
  type ChatToolChoice,
  invalidRequest,
  operationNotAllowed,
  type ResponsesToolChoice,
} from "@switchyard/core";

type ToolReference = Record<string, unknown>;

const nameOf = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string"
    ? (value as { name: string }).name
    : undefined;

/** One `allowed_tools` entry, flat `{type, name}` -> nested `{type, function: {name}}`. */
function allowedToolToChat(tool: ToolReference, path: string): ToolReference {
  const name = nameOf(tool);
  if ((tool.type === "function" || tool.type === "custom") && name !== undefined) {
    return { type: tool.type, [tool.type]: { name } };
  }
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
 * `{type:"function", function:{name}}`, likewise custom and `allowed_tools`. Forcing a built-in tool
 * (`{type:"web_search"}`, ...) is a 400.
 */
export function responsesToolChoiceToChat(choice: ResponsesToolChoice): ChatToolChoice {
  if (typeof choice === "string") return choice;
  const name = nameOf(choice);
  if ((choice.type === "function" || choice.type === "custom") && name !== undefined) {
    return choice.type === "function"
      ? { type: "function", function: { name } }
      : { type: "custom", custom: { name } };
  }
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
          allowedToolToChat(tool, `tool_choice.tools[${index}]`),
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
