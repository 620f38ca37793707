import { Validator } from "@cfworker/json-schema";
import type { ChatCompletionRequest, ChatMessage, Translation, Warning } from "@switchyard/core";

/** The `json_schema` response format a request asks for: its name, schema and `strict`. */
export interface RequestedJsonSchema {
  name: string;
  schema: Record<string, unknown>;
  strict: boolean;
}

/** The JSON schema of the request's `response_format`, when it asks for one. */
export function requestedJsonSchema(request: ChatCompletionRequest): RequestedJsonSchema | undefined {
  const format = request.response_format;
  if (format?.type !== "json_schema") return undefined;
  const jsonSchema = format.json_schema as {
    name?: string;
    schema?: Record<string, unknown>;
    strict?: boolean | null;
  };
  return {
    name: jsonSchema.name ?? "response",
    schema: jsonSchema.schema ?? {},
    strict: jsonSchema.strict === true,
  };
}

/** The instruction that gives the model the schema; JSON mode needs the word "json" in the prompt. */
export const schemaInstruction = (requested: RequestedJsonSchema): string =>
  `Answer with a single JSON object, and nothing else, that conforms to this JSON schema ` +
  `(named "${requested.name}"):\n${JSON.stringify(requested.schema)}`;

/**
 * Serves `response_format: json_schema` through DeepSeek's JSON mode, as DeepSeek has no JSON-schema
 * output (https://api-docs.deepseek.com/guides/json_mode: `{"type": "json_object"}`, with the word "json"
 * and the wanted format in the prompt): the format becomes `json_object` and the schema is given to the
 * model in a system message placed before the conversation. The answer is checked against the schema
 * afterwards (`schemaMismatch`), by the DeepSeek provider. A warning says so.
 */
export function emulateJsonSchema(request: ChatCompletionRequest): Translation<ChatCompletionRequest> {
  const requested = requestedJsonSchema(request);
  if (requested === undefined) return { value: request, warnings: [] };
  const instruction: ChatMessage = { role: "system", content: schemaInstruction(requested) };
  const warning: Warning = {
    type: "adjusted_parameter",
    code: "response_format",
    message:
      "DeepSeek has JSON mode, not JSON schemas: the schema was given to the model in the prompt, JSON mode " +
      "was asked for and the answer is checked against it.",
  };
  return {
    value: {
      ...request,
      response_format: { type: "json_object" },
      messages: [instruction, ...request.messages],
    },
    warnings: [warning],
  };
}

/**
 * Why `text` does not match the schema (`not JSON`, or the first validation errors), or `undefined` when it
 * does. Draft 2020-12, the draft OpenAI's structured outputs take.
 */
export function schemaMismatch(
  text: string | null | undefined,
  schema: Record<string, unknown>,
): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch {
    return "the answer is not JSON";
  }
  const result = new Validator(schema, "2020-12", false).validate(value);
  if (result.valid) return undefined;
  return result.errors
    .slice(0, 3)
    .map((error) => `${error.instanceLocation}: ${error.error}`)
    .join("; ");
}
