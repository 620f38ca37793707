import { type ConformanceCheck, userRequest } from "../check";
import { ensure, thrownBy } from "../check-failure";

/** A client abort reaches the upstream request and ends the stream. */
export const abortChecks: ConformanceCheck[] = [
  {
    id: "abort.stream",
    title: "aborting a stream cancels the upstream request and ends the iteration",
    async run(context) {
      const scenario = {
        text: "One two three four five six.",
        usage: { inputTokens: 3, outputTokens: 6 },
        finish: "stop" as const,
      };
      const firstBytes = Math.floor(context.subject.fake.stream(scenario, probeRequest()).body.length / 2);
      context.fake.behave({
        kind: "hold",
        answer: (request) => context.subject.fake.stream(scenario, request),
        firstBytes,
      });
      const controller = new AbortController();
      const { chunks } = await context.provider.streamChat(userRequest(context, "Count", { stream: true }), {
        apiKey: context.apiKey,
        signal: controller.signal,
      });
      const upstreamSignal = context.fake.requests[0]?.signal;
      ensure(upstreamSignal !== undefined, "the upstream request carries an abort signal");
      const iterator = chunks[Symbol.asyncIterator]();
      const reading = thrownBy(async () => {
        for (;;)
          if ((await iterator.next()).done) throw new Error("the stream ended by itself before the abort");
      }, "reading after the abort");
      controller.abort();
      await reading;
      ensure(upstreamSignal.aborted, "the upstream request was aborted");
    },
  },
];

function probeRequest() {
  return { method: "POST" as const, url: "https://probe.invalid/", headers: {}, body: "{}" };
}
