import type { AnthropicCountTokensRequest } from "@switchyard/anthropic-api";
import { countTokens } from "gpt-tokenizer";

/** What `/v1/messages/count_tokens` answers when the upstream cannot count exactly. */
export interface EstimatedTokenCount {
  input_tokens: number;
  /** Switchyard's marker: the count is an estimate, not the upstream's tokenizer. */
  estimated: true;
  method: string;
}

// Per-message framing tokens, and a flat cost per image or PDF page where pixel sizes are unknown. Anthropic
// documents images at about (width x height) / 750 tokens, roughly 1,600 for a 1,092 x 1,092 image.
const tokensPerMessage = 4;
const tokensPerImage = 1_600;
const tokensPerDocument = 1_500;

function countValue(value: unknown, totals: { text: string[]; images: number; documents: number }): void {
  if (typeof value === "string") {
    totals.text.push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) countValue(item, totals);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const block = value as Record<string, unknown>;
  if (block.type === "image") {
    totals.images++;
    return;
  }
  if (block.type === "document" && (block.source as { type?: string } | undefined)?.type !== "text") {
    totals.documents++;
    return;
  }
  for (const [key, inner] of Object.entries(block)) {
    if (key === "type" || key === "role" || key === "cache_control" || key === "signature") continue;
    countValue(inner, totals);
  }
}

/**
 * Estimates the input tokens of a Messages request with the o200k tokenizer (gpt-tokenizer) over its text,
 * tool definitions and a flat cost per image and document. Close for GPT models, an approximation for others.
 */
export function estimateInputTokens(request: AnthropicCountTokensRequest): EstimatedTokenCount {
  const totals = { text: [] as string[], images: 0, documents: 0 };
  countValue(request.system, totals);
  countValue(request.messages, totals);
  const toolText = request.tools ? JSON.stringify(request.tools) : "";
  const textTokens = totals.text.reduce((sum, text) => sum + countTokens(text), 0);
  const inputTokens =
    textTokens +
    (toolText === "" ? 0 : countTokens(toolText)) +
    request.messages.length * tokensPerMessage +
    totals.images * tokensPerImage +
    totals.documents * tokensPerDocument;
  return { input_tokens: inputTokens, estimated: true, method: "o200k_base tokenizer estimate" };
}
