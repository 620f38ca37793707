/**
 * Finish reasons some Chat Completions servers send that are not Chat's own, mapped to Chat's, so the hub
 * only ever sees Chat's vocabulary (`stop`, `length`, `tool_calls`, `content_filter`, `function_call`):
 * vLLM and TGI report `eos`, Mistral `model_length`, and servers that wrap Anthropic models relay its
 * `end_turn`, `stop_sequence` and `max_tokens`. Any other value passes through (the hub keeps it as an
 * incomplete reason rather than lose it).
 */
const CHAT_FINISH_REASONS: Readonly<Record<string, string>> = {
  eos: "stop",
  end_turn: "stop",
  stop_sequence: "stop",
  model_length: "length",
  max_tokens: "length",
};

/** A server's finish reason in Chat's vocabulary. */
export function normalizeFinishReason(reason: unknown): unknown {
  return typeof reason === "string" ? (CHAT_FINISH_REASONS[reason] ?? reason) : reason;
}
