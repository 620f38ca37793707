import type { ModelInfo, ResponsesRequest, Warning } from "@switchyard/core";
import { openAIModelProfile } from "@switchyard/provider-openai";

/** The `include` value that returns a reasoning model's state inline, for a stateless next turn. */
export const ENCRYPTED_REASONING_INCLUDE = "reasoning.encrypted_content";

/** Fields the gateway resolves itself: the upstream never sees them, whatever the client sent. */
const GATEWAY_OWNED_FIELDS = ["store", "previous_response_id", "conversation", "background"] as const;

/** Whether a native call reasons: a reasoning model whose effort is not turned off. */
function reasons(request: ResponsesRequest, providerModelId: string, model: ModelInfo | undefined): boolean {
  const effort = request.reasoning?.effort;
  if (effort === "none" || effort === "off") return false;
  return openAIModelProfile(providerModelId, model).reasoning;
}

/**
 * The body of a native Responses call with every piece of state owned by the gateway: `store: false`, no
 * `previous_response_id`, `conversation` or `background` (the gateway already turned them into `input`
 * and runs the work itself), and on a reasoning model `include: ["reasoning.encrypted_content"]`, so the
 * reasoning comes back inline and can go into the next turn's input
 * (https://platform.openai.com/docs/guides/reasoning#encrypted-reasoning-items). An `extensions.openai`
 * `store` (which the provider would merge last) is removed with a warning; core's schema already refuses
 * the other state fields there.
 */
export function statelessNativeRequest(
  request: ResponsesRequest,
  providerModelId: string,
  model: ModelInfo | undefined,
): { request: ResponsesRequest; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const body: ResponsesRequest = { ...request, model: providerModelId, store: false };
  for (const field of GATEWAY_OWNED_FIELDS) if (field !== "store") delete body[field];
  const openai = request.extensions?.openai;
  if (openai !== undefined && GATEWAY_OWNED_FIELDS.some((field) => field in openai)) {
    const kept = { ...openai };
    for (const field of GATEWAY_OWNED_FIELDS) {
      if (!(field in kept)) continue;
      delete kept[field];
      warnings.push({
        type: "adjusted_parameter",
        code: `extensions.openai.${field}`,
        message: `extensions.openai.${field} was not sent: the gateway owns response state and calls OpenAI with store: false.`,
      });
    }
    body.extensions = { ...request.extensions, openai: kept };
  }
  if (reasons(request, providerModelId, model)) {
    const include = request.include ?? [];
    if (!include.includes(ENCRYPTED_REASONING_INCLUDE))
      body.include = [...include, ENCRYPTED_REASONING_INCLUDE];
  }
  return { request: body, warnings };
}
