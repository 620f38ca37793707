import type { FakeAnswer, Scenario, ScenarioError, UpstreamFake } from "@switchyard/conformance";

// Gemini's generateContent wire, written from its docs: GenerateContentResponse
// (https://ai.google.dev/api/generate-content#generatecontentresponse), thought signatures
// (https://ai.google.dev/gemini-api/docs/thinking#signatures) and errors with google.rpc details
// (https://ai.google.dev/gemini-api/docs/troubleshooting).

const finishReasons = { stop: "STOP", tool_calls: "STOP", length: "MAX_TOKENS" } as const;

const statuses: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

function partsOf(scenario: Scenario): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = [];
  if (scenario.reasoning) parts.push({ text: scenario.reasoning.text, thought: true });
  if (scenario.text !== undefined) parts.push({ text: scenario.text });
  for (const call of scenario.toolCalls ?? [])
    parts.push({ functionCall: { name: call.name, args: JSON.parse(call.arguments) } });
  // The signature rides on the first part after the thoughts.
  const signed = parts.find((part) => part.thought !== true);
  if (scenario.reasoning && signed) signed.thoughtSignature = scenario.reasoning.opaque;
  return parts;
}

function usageOf(scenario: Scenario) {
  const { inputTokens, outputTokens } = scenario.usage;
  return {
    promptTokenCount: inputTokens,
    candidatesTokenCount: outputTokens,
    totalTokenCount: inputTokens + outputTokens,
  };
}

function answer(parts: Record<string, unknown>[], finishReason?: string, usage?: ReturnType<typeof usageOf>) {
  return {
    candidates: [
      {
        content: { role: "model", parts },
        index: 0,
        ...(finishReason === undefined ? {} : { finishReason }),
      },
    ],
    ...(usage === undefined ? {} : { usageMetadata: usage }),
    modelVersion: "gemini-2.5-flash",
    responseId: "resp-conformance",
  };
}

/** A fake of Gemini's generateContent and streamGenerateContent (alt=sse) for the conformance kit. */
export const geminiUpstreamFake: UpstreamFake = {
  whole(scenario): FakeAnswer {
    return {
      status: 200,
      body: JSON.stringify(answer(partsOf(scenario), finishReasons[scenario.finish], usageOf(scenario))),
    };
  },

  stream(scenario): FakeAnswer {
    // One event per part, the text split in two; the last event carries finishReason and usageMetadata.
    const events: Record<string, unknown>[][] = [];
    for (const part of partsOf(scenario)) {
      if (typeof part.text === "string" && part.thought !== true && part.thoughtSignature === undefined) {
        const characters = [...part.text];
        const middle = Math.ceil(characters.length / 2);
        events.push(
          [{ text: characters.slice(0, middle).join("") }],
          [{ text: characters.slice(middle).join("") }],
        );
      } else {
        events.push([part]);
      }
    }
    const last = events.length - 1;
    const body = events
      .map((parts, index) =>
        index === last ? answer(parts, finishReasons[scenario.finish], usageOf(scenario)) : answer(parts),
      )
      .map((value) => `data: ${JSON.stringify(value)}\r\n\r\n`)
      .join("");
    return { status: 200, headers: { "content-type": "text/event-stream" }, body };
  },

  error(error: ScenarioError): FakeAnswer {
    const details =
      error.retryAfterSeconds === undefined
        ? []
        : [
            {
              "@type": "type.googleapis.com/google.rpc.RetryInfo",
              retryDelay: `${error.retryAfterSeconds}s`,
            },
          ];
    const body = {
      error: {
        code: error.status,
        message: error.message,
        status: statuses[error.status] ?? "UNKNOWN",
        details,
      },
    };
    return { status: error.status, body: JSON.stringify(body) };
  },
};
