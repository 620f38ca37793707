import { APIError } from "openai";
import type { ChatCompletion } from "openai/resources/chat/completions";
import { describe, expect, it } from "vitest";
import { WEATHER_SCHEMA } from "./e2e-providers";
import { STRUCTURED_ANSWER } from "./fakes/fake-reply";
import { type FakeHandler, writeJson } from "./fakes/fake-upstream";
import { useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

type WithRouting = ChatCompletion & { routing_metadata: { warnings?: { code: string; message: string }[] } };

/** A DeepSeek answer whose content is `content`. */
const deepSeekAnswers =
  (content: string): FakeHandler =>
  (_request, response) =>
    writeJson(response, 200, {
      id: "chatcmpl-ds",
      object: "chat.completion",
      created: 1_700_000_000,
      model: "deepseek-chat",
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
      usage: { prompt_tokens: 30, completion_tokens: 9, total_tokens: 39 },
    });

const schemaFormat = (strict: boolean) => ({
  type: "json_schema" as const,
  json_schema: { name: "weather", schema: WEATHER_SCHEMA, strict },
});

describe("json_schema output on DeepSeek, which has JSON mode only", () => {
  it.each([false, true])(
    "is served through JSON mode with the schema in the prompt (stream: %s)",
    async (stream) => {
      const params = {
        model: "deepseek-chat",
        messages: [{ role: "user" as const, content: "Weather in Paris as JSON" }],
        response_format: schemaFormat(true),
      };
      let completion: WithRouting;
      if (stream) {
        const runner = harness.client.chat.completions.stream({ ...params, stream: true });
        let last: { routing_metadata?: WithRouting["routing_metadata"] } = {};
        for await (const chunk of runner) last = chunk as typeof last;
        completion = { ...(await runner.finalChatCompletion()), routing_metadata: last.routing_metadata! };
      } else completion = (await harness.client.chat.completions.create(params)) as WithRouting;
      expect(JSON.parse(completion.choices[0]!.message.content!)).toEqual(STRUCTURED_ANSWER);
      expect(completion.routing_metadata.warnings?.map((warning) => warning.code)).toContain(
        "response_format",
      );
      const sent = harness.fakes.deepseek.lastRequest.body as {
        response_format: unknown;
        messages: { role: string; content: string }[];
      };
      expect(sent.response_format).toEqual({ type: "json_object" });
      expect(sent.messages[0]!.role).toBe("system");
      expect(sent.messages[0]!.content).toContain(JSON.stringify(WEATHER_SCHEMA));
    },
  );

  it("returns a non-strict answer that does not match, with a warning", async () => {
    harness.fakes.deepseek.script(deepSeekAnswers('{"city":"Paris"}'));
    const completion = (await harness.client.chat.completions.create({
      model: "deepseek-chat",
      messages: [{ role: "user", content: "Weather in Paris as JSON" }],
      response_format: schemaFormat(false),
    })) as WithRouting;
    expect(completion.choices[0]!.message.content).toBe('{"city":"Paris"}');
    const warning = completion.routing_metadata.warnings?.find((entry) =>
      entry.message.includes("does not match"),
    );
    expect(warning?.message).toContain("temperature_c");
  });

  it("fails a strict request whose answers do not match after the allowed attempts, saying so", async () => {
    harness.fakes.deepseek.script(deepSeekAnswers('{"city":"Paris"}'), deepSeekAnswers("not json"));
    const failure = await harness.client.chat.completions
      .create({
        model: "deepseek-chat",
        messages: [{ role: "user", content: "Weather in Paris as JSON" }],
        response_format: schemaFormat(true),
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).status).toBe(502);
    expect((failure as APIError).code).toBe("json_schema_mismatch");
    expect((failure as APIError).message).toContain("did not match the strict response_format schema");
    expect(harness.fakes.deepseek.requests).toHaveLength(2);
  });
});
