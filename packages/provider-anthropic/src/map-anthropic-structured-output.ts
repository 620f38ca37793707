import type { AnthropicOutputConfig, AnthropicTool, AnthropicToolChoice } from "@switchyard/anthropic-api";
import type { ChatCompletionRequest, Warning } from "@switchyard/core";
import type { AnthropicModelProfile } from "./anthropic-model-profile";
import type { ToolNameMap } from "./anthropic-tool-ids";
import type { AnthropicToolsPlan } from "./map-anthropic-tools";
import { toInputSchema } from "./map-anthropic-tools";

/** Tools, tool choice and output format once `response_format` is served. */
export interface StructuredOutputPlan {
  tools: AnthropicTool[];
  toolChoice: AnthropicToolChoice | undefined;
  format?: NonNullable<AnthropicOutputConfig["format"]>;
  /** The Anthropic name of the tool standing in for `response_format`, when one was added. */
  tool?: string;
}

const JSON_OBJECT_TOOL = "json_response";

/**
 * Serves `response_format`. `json_schema` goes to native structured output (`output_config.format`, GA
 * since the 4.5 models: https://platform.claude.com/docs/en/build-with-claude/structured-outputs) where the
 * model has it; elsewhere, and for `json_object` (which has no schema), a tool whose input schema is the
 * requested schema is added and forced, and its input comes back as the message content.
 */
export function mapStructuredOutput(
  request: ChatCompletionRequest,
  profile: AnthropicModelProfile,
  toolsPlan: AnthropicToolsPlan,
  names: ToolNameMap,
  warnings: Warning[],
): StructuredOutputPlan {
  const format = request.response_format;
  if (format === undefined || format.type === "text") return { ...toolsPlan };
  if (format.type === "json_schema" && profile.nativeStructuredOutput)
    return {
      ...toolsPlan,
      format: { type: "json_schema", schema: format.json_schema.schema ?? { type: "object" } },
    };
  if (!profile.forcedToolChoice) {
    warnings.push({
      type: "unsupported_parameter",
      code: "response_format",
      message:
        "response_format 'json_object' is not supported by this Anthropic model; the answer is not constrained to JSON.",
    });
    return { ...toolsPlan };
  }
  const taken = new Set(toolsPlan.tools.map((tool) => tool.name));
  let name = format.type === "json_schema" ? names.toAnthropic(format.json_schema.name) : JSON_OBJECT_TOOL;
  while (taken.has(name)) name = `${name}_output`;
  const tool: AnthropicTool = {
    name,
    description:
      format.type === "json_schema" && format.json_schema.description !== undefined
        ? format.json_schema.description
        : "Give the final answer as this tool's input.",
    input_schema:
      format.type === "json_schema" ? toInputSchema(format.json_schema.schema) : { type: "object" },
  };
  if (toolsPlan.toolChoice !== undefined && toolsPlan.toolChoice.type !== "auto")
    warnings.push({
      type: "adjusted_parameter",
      code: "tool_choice",
      message: `tool_choice was replaced: response_format is served on this model by forcing the tool '${name}'.`,
    });
  return { tools: [...toolsPlan.tools, tool], toolChoice: { type: "tool", name }, tool: name };
}
