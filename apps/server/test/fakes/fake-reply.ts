/** What a fake upstream answers, decided from the request; each protocol responder renders it natively. */
export interface FakeReply {
  reasoning?: string;
  text?: string;
  toolCall?: { name: string; arguments: Record<string, unknown> };
  usage: { input: number; output: number; reasoning: number };
}

/** What the responders read from a native request, protocol by protocol. */
export interface RequestSignals {
  protocol: string;
  toolNames: string[];
  /** The output of the tool call the request answers (the second turn of a tool loop). */
  toolResult?: string;
  structured: boolean;
  reasoning: boolean;
}

/** The arguments every fake tool call carries. */
export const TOOL_ARGUMENTS = { city: "Paris" };
/** The JSON every fake structured answer holds. */
export const STRUCTURED_ANSWER = { city: "Paris", temperature_c: 21 };
/** The reasoning text of every fake reasoning answer. */
export const REASONING_TEXT = "The user wants the weather; Paris is mild.";

/** The plain text answer of a protocol's fake. */
export const helloFrom = (protocol: string): string => `Hello from the ${protocol} fake!`;

/** The answer after a tool result: it quotes the tool output, proving the loop carried it. */
export const afterTool = (output: string): string => `The tool said: ${output}`;

/**
 * Decides the reply: answer a tool result with text quoting it; call the first tool when tools are offered;
 * answer JSON when structured output was asked; otherwise say hello. Reasoning is added when asked for.
 */
export function decideReply(signals: RequestSignals): FakeReply {
  const reply: FakeReply = { usage: { input: 12, output: 7, reasoning: 0 } };
  if (signals.reasoning) {
    reply.reasoning = REASONING_TEXT;
    reply.usage.reasoning = 5;
  }
  if (signals.toolResult !== undefined) reply.text = afterTool(signals.toolResult);
  else if (signals.toolNames.length > 0)
    reply.toolCall = { name: signals.toolNames[0]!, arguments: TOOL_ARGUMENTS };
  else if (signals.structured) reply.text = JSON.stringify(STRUCTURED_ANSWER);
  else reply.text = helloFrom(signals.protocol);
  return reply;
}

/** Splits a text in two, so streams carry more than one delta. */
export function halves(text: string): string[] {
  const middle = Math.ceil(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)].filter((part) => part !== "");
}
