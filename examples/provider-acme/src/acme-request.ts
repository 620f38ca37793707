import {
  type ChatCompletionRequest,
  type ChatMessage,
  invalidRequest,
  type Translation,
  type Warning,
} from "@switchyard/core";
import type { AcmeRequest, AcmeTurn } from "./acme-api";

const speakers = { system: "system", developer: "system", user: "user", assistant: "acme" } as const;

function textOf(message: ChatMessage, index: number): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (content === null || content === undefined) return "";
  return content
    .map((part, partIndex) => {
      if (part.type === "text") return part.text;
      throw invalidRequest(
        `Acme takes text only, not '${part.type}'`,
        `messages[${index}].content[${partIndex}]`,
      );
    })
    .join("");
}

/** A Chat request as an Acme request; what Acme cannot take is a 400 naming the field, or a warning. */
export function chatRequestToAcme(request: ChatCompletionRequest, stream: boolean): Translation<AcmeRequest> {
  if (request.tools !== undefined && request.tools.length > 0)
    throw invalidRequest("Acme has no tool calling", "tools");
  if (request.model === undefined) throw invalidRequest("is required", "model");
  const model = request.model;
  const warnings: Warning[] = [];
  const turns: AcmeTurn[] = request.messages.map((message, index) => {
    if (message.role === "tool" || message.role === "function")
      throw invalidRequest("Acme has no tool results", `messages[${index}]`);
    return { speaker: speakers[message.role], text: textOf(message, index) };
  });
  if (request.temperature !== undefined && request.temperature !== null)
    warnings.push({
      type: "unsupported_parameter",
      code: "temperature",
      message: "Acme has no temperature; it was removed.",
    });
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  return {
    value: {
      model,
      turns,
      ...(maxTokens === undefined || maxTokens === null ? {} : { max_words: maxTokens }),
      ...(stream ? { stream: true } : {}),
    },
    warnings,
  };
}
