import { decideReply, type FakeReply, halves } from "./fake-reply";
import type { FakeHandler } from "./fake-upstream";
import { sseFrame, writeJson, writeSse } from "./fake-upstream";

interface GeminiBody {
  contents: { role: string; parts: { text?: string; functionResponse?: { response?: unknown } }[] }[];
  tools?: { functionDeclarations?: { name: string }[] }[];
  generationConfig?: { responseMimeType?: string; thinkingConfig?: { includeThoughts?: boolean } };
}

function replyTo(body: GeminiBody): FakeReply {
  const last = body.contents.at(-1);
  const functionResponse = last?.parts.find((part) => part.functionResponse !== undefined)?.functionResponse;
  const result = functionResponse?.response as { output?: unknown; content?: unknown } | undefined;
  const resultText =
    result === undefined
      ? undefined
      : typeof result.output === "string"
        ? result.output
        : typeof result.content === "string"
          ? result.content
          : JSON.stringify(result);
  return decideReply({
    protocol: "gemini",
    toolNames: (body.tools ?? []).flatMap((tool) =>
      (tool.functionDeclarations ?? []).map((declaration) => declaration.name),
    ),
    ...(resultText === undefined ? {} : { toolResult: resultText }),
    structured: body.generationConfig?.responseMimeType === "application/json",
    reasoning: body.generationConfig?.thinkingConfig?.includeThoughts === true,
  });
}

const usageOf = (reply: FakeReply) => ({
  promptTokenCount: reply.usage.input,
  candidatesTokenCount: reply.usage.output,
  totalTokenCount: reply.usage.input + reply.usage.output + reply.usage.reasoning,
  ...(reply.usage.reasoning > 0 ? { thoughtsTokenCount: reply.usage.reasoning } : {}),
});

/** The model id in `/v1beta/models/{model}:generateContent`. */
const modelOf = (url: string): string => decodeURIComponent(url.split("/models/")[1]?.split(":")[0] ?? "");

/** A Gemini upstream (`:generateContent` and `:streamGenerateContent?alt=sse`). */
export const geminiResponder: FakeHandler = (request, response) => {
  const body = request.body as GeminiBody;
  const reply = replyTo(body);
  const modelVersion = modelOf(request.url);
  const candidate = (parts: Record<string, unknown>[], finish: boolean) => ({
    content: { role: "model", parts },
    index: 0,
    ...(finish ? { finishReason: "STOP" } : {}),
  });
  const parts: Record<string, unknown>[] = [];
  if (reply.reasoning) parts.push({ text: reply.reasoning, thought: true });
  if (reply.text !== undefined) parts.push({ text: reply.text });
  if (reply.toolCall)
    parts.push({
      functionCall: { name: reply.toolCall.name, args: reply.toolCall.arguments },
      thoughtSignature: "sig-fake",
    });
  if (!request.url.includes(":streamGenerateContent")) {
    writeJson(response, 200, {
      candidates: [candidate(parts, true)],
      usageMetadata: usageOf(reply),
      modelVersion,
      responseId: "gemini-fake-1",
    });
    return;
  }
  const frames: Record<string, unknown>[][] = [];
  if (reply.reasoning) frames.push([{ text: reply.reasoning, thought: true }]);
  for (const text of halves(reply.text ?? "")) frames.push([{ text }]);
  if (reply.toolCall) frames.push([parts.at(-1)!]);
  writeSse(
    response,
    frames.map((frameParts, index) => {
      const last = index === frames.length - 1;
      return sseFrame({
        candidates: [candidate(frameParts, last)],
        ...(last ? { usageMetadata: usageOf(reply) } : {}),
        modelVersion,
        responseId: "gemini-fake-1",
      });
    }),
  );
};
