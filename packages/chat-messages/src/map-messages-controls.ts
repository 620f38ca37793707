import type {
  AnthropicMessagesRequest,
  AnthropicThinkingConfig,
  AnthropicToolChoice,
} from "@switchyard/anthropic-api";
import type {
  CacheControl,
  ChatCompletionRequest,
  ChatFunctionTool,
  ChatToolChoice,
  ReasoningEffort,
  Warning,
} from "@switchyard/core";
import { operationNotAllowed } from "@switchyard/core";

/** Client tools as Chat function tools; server tools (web search, code execution, ...) cannot be served. */
export function mapMessagesTools(tools: NonNullable<AnthropicMessagesRequest["tools"]>): ChatFunctionTool[] {
  return tools.map((tool, index) => {
    if (tool.type && tool.type !== "custom") {
      throw operationNotAllowed(
        `tools[${index}].type`,
        `tools[${index}].type: the Anthropic server tool '${tool.type}' can only be served by an Anthropic upstream.`,
      );
    }
    const custom = tool as {
      name: string;
      description?: string;
      input_schema: Record<string, unknown>;
      strict?: boolean;
      cache_control?: CacheControl | null;
    };
    const chatTool: ChatFunctionTool = {
      type: "function",
      function: {
        name: custom.name,
        ...(custom.description !== undefined ? { description: custom.description } : {}),
        parameters: custom.input_schema,
        ...(custom.strict !== undefined ? { strict: custom.strict } : {}),
      },
    };
    if (custom.cache_control) chatTool.cache_control = custom.cache_control;
    return chatTool;
  });
}

/** `tool_choice` auto/any/tool/none as Chat's auto/required/named/none, plus `parallel_tool_calls`. */
export function mapMessagesToolChoice(
  choice: AnthropicToolChoice,
): Pick<ChatCompletionRequest, "tool_choice" | "parallel_tool_calls"> {
  const parallel =
    "disable_parallel_tool_use" in choice && choice.disable_parallel_tool_use === true
      ? { parallel_tool_calls: false }
      : {};
  switch (choice.type) {
    case "auto":
      return { tool_choice: "auto", ...parallel };
    case "any":
      return { tool_choice: "required", ...parallel };
    case "tool":
      return {
        tool_choice: { type: "function", function: { name: choice.name } } satisfies ChatToolChoice,
        ...parallel,
      };
    case "none":
      return { tool_choice: "none" };
  }
}

// Budget thresholds for turning an Anthropic thinking budget into an effort. They follow the effort-to-budget
// table of @switchyard/provider-anthropic in reverse, so a budget survives Messages -> Chat -> Messages.
const effortForBudget = (budget: number): ReasoningEffort => {
  if (budget < 4_096) return "low";
  if (budget < 16_384) return "medium";
  return "high";
};

/** `thinking` and `output_config.effort` as a `reasoning_effort`. */
export function mapMessagesThinking(
  thinking: AnthropicThinkingConfig | undefined,
  effort: NonNullable<AnthropicMessagesRequest["output_config"]>["effort"],
  warnings: Warning[],
): ReasoningEffort | undefined {
  if (thinking?.type === "disabled") return "none";
  if (effort) return effort;
  if (thinking === undefined) return undefined;
  if (thinking.type === "enabled") return effortForBudget(thinking.budget_tokens);
  if (thinking.type === "between_tools") {
    warnings.push({
      type: "adjusted_parameter",
      code: "thinking.type",
      message:
        "thinking.type 'between_tools' has no Chat equivalent; reasoning is requested at medium effort.",
    });
  }
  return "medium";
}
