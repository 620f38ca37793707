import type { z } from "zod";

/**
 * The fields of each provider's body that the gateway owns: the model, the input, streaming, the
 * translated tools and every field whose value decides routing, cost or the shape of the answer. A
 * provider extension (`extensions.<provider>`) may set anything else, but never these: the router and the
 * cost would describe one request while the upstream ran another. Dotted names are nested fields.
 * `openai` covers both its Chat and its Responses body; it also applies to every other extension key
 * (DeepSeek and the OpenAI-compatible servers speak Chat).
 */
export const GATEWAY_OWNED_EXTENSION_FIELDS = {
  openai: [
    "model",
    "messages",
    "input",
    "instructions",
    "previous_response_id",
    "conversation",
    "stream",
    "stream_options",
    "background",
    "tools",
    "tool_choice",
    "functions",
    "function_call",
    "n",
    "response_format",
    "text.format",
    "modalities",
    "audio",
    "service_tier",
  ],
  anthropic: [
    "model",
    "messages",
    "system",
    "stream",
    "tools",
    "tool_choice",
    "output_format",
    "output_config.format",
    "service_tier",
  ],
  google: [
    "model",
    "contents",
    "systemInstruction",
    "system_instruction",
    "tools",
    "toolConfig",
    "tool_config",
    "generationConfig.candidateCount",
    "generationConfig.responseMimeType",
    "generationConfig.responseSchema",
    "generationConfig.responseJsonSchema",
    "generation_config.candidate_count",
    "generation_config.response_mime_type",
    "generation_config.response_schema",
    "generation_config.response_json_schema",
  ],
} as const satisfies Record<string, readonly string[]>;

const ownedFieldsOf = (provider: string): readonly string[] =>
  provider === "anthropic" || provider === "google"
    ? GATEWAY_OWNED_EXTENSION_FIELDS[provider]
    : GATEWAY_OWNED_EXTENSION_FIELDS.openai;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Whether the dotted field is present in the body. */
function hasField(body: Record<string, unknown>, field: string): boolean {
  let current: unknown = body;
  for (const key of field.split(".")) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return false;
    current = current[key];
  }
  return true;
}

/**
 * Rejects a provider extension that sets a gateway-owned field; the issue's path names it
 * (`extensions.anthropic.model`). Used as a zod `superRefine` on the `extensions` object.
 */
export function refuseGatewayOwnedFields(
  extensions: Record<string, unknown>,
  context: z.RefinementCtx,
): void {
  for (const [provider, body] of Object.entries(extensions)) {
    if (!isObject(body)) continue;
    for (const field of ownedFieldsOf(provider)) {
      if (!hasField(body, field)) continue;
      context.addIssue({
        code: "custom",
        path: [provider, ...field.split(".")],
        message:
          "set by the gateway, not by a provider extension: routing, cost or the answer's shape depend on it; use the request's own field",
      });
    }
  }
}
