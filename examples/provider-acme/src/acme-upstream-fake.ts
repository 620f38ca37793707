import type { FakeAnswer, Scenario, ScenarioError, UpstreamFake } from "@switchyard/conformance";

// Acme's wire (fictional, see acme-api.ts): a whole answer, `delta`/`end` SSE events, `{"problem"}` errors.

const finishes = { stop: "done", tool_calls: "done", length: "cut" } as const;

function usageOf(scenario: Scenario) {
  return { words_in: scenario.usage.inputTokens, words_out: scenario.usage.outputTokens };
}

/** A fake of the Acme API for the conformance kit and the server test. */
export const acmeUpstreamFake: UpstreamFake = {
  whole(scenario): FakeAnswer {
    const body = {
      id: "acme-1",
      text: scenario.text ?? "",
      finish: finishes[scenario.finish],
      usage: usageOf(scenario),
    };
    return { status: 200, body: JSON.stringify(body) };
  },
  stream(scenario): FakeAnswer {
    const characters = [...(scenario.text ?? "")];
    const middle = Math.ceil(characters.length / 2);
    const parts = [characters.slice(0, middle).join(""), characters.slice(middle).join("")];
    let body = "";
    for (const text of parts) body += `event: delta\ndata: ${JSON.stringify({ text })}\n\n`;
    body += `event: end\ndata: ${JSON.stringify({ finish: finishes[scenario.finish], usage: usageOf(scenario) })}\n\n`;
    return { status: 200, headers: { "content-type": "text/event-stream" }, body };
  },
  error(error: ScenarioError): FakeAnswer {
    const headers: Record<string, string> =
      error.retryAfterSeconds === undefined ? {} : { "retry-after": String(error.retryAfterSeconds) };
    return { status: error.status, headers, body: JSON.stringify({ problem: error.message }) };
  },
};
