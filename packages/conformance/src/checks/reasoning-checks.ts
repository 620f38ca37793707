import { answerWhole, type ConformanceCheck, userRequest } from "../check";
import { ensure } from "../check-failure";

const opaque = "opaque-reasoning-state-Zm9vYmFyYmF6cXV4";

/** Opaque reasoning state the provider returned goes back upstream unchanged on the next turn. */
export const reasoningChecks: ConformanceCheck[] = [
  {
    id: "reasoning.round-trip",
    title: "reasoning state returned on one turn goes back byte for byte on the next",
    requires: "reasoning_round_trip",
    async run(context) {
      const model = context.subject.reasoningModel ?? context.subject.model;
      answerWhole(context, {
        text: "42.",
        reasoning: { text: "Six times seven.", opaque },
        usage: { inputTokens: 9, outputTokens: 30 },
        finish: "stop",
      });
      const options = { apiKey: context.apiKey, model: { reasoning: true } };
      // reasoning_effort asks for reasoning on both turns, so no provider drops the state as unrequested.
      const first = await context.provider.chat(
        userRequest(context, "6 x 7?", { model, reasoning_effort: "low" }),
        options,
      );
      const message = first.response.choices[0]?.message;
      ensure(message !== undefined, "the first turn has a message");
      ensure(JSON.stringify(message).includes(opaque), "the answer carries the opaque reasoning state");
      answerWhole(context, { text: "Yes.", usage: { inputTokens: 40, outputTokens: 2 }, finish: "stop" });
      const next = userRequest(context, "6 x 7?", { model, reasoning_effort: "low" });
      next.messages.push(
        {
          role: "assistant",
          content: message.content ?? null,
          reasoning_content: message.reasoning_content ?? undefined,
          reasoning_details: message.reasoning_details ?? undefined,
        },
        { role: "user", content: "Sure?" },
      );
      await context.provider.chat(next, options);
      ensure(
        (context.fake.requests[1]?.body ?? "").includes(opaque),
        "the next upstream request carries the state unchanged",
      );
    },
  },
];
