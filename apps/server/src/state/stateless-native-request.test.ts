import { ResponsesRequestSchema } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { statelessNativeRequest } from "./stateless-native-request";

const parse = (body: Record<string, unknown>) =>
  ResponsesRequestSchema.parse({ model: "x", input: "Hi", ...body });

describe("statelessNativeRequest", () => {
  const cases: {
    name: string;
    body: Record<string, unknown>;
    providerModel: string;
    expected: Record<string, unknown>;
  }[] = [
    {
      name: "an omitted store becomes store: false",
      body: {},
      providerModel: "gpt-4o",
      expected: { model: "gpt-4o", input: "Hi", store: false },
    },
    {
      name: "store: true and the state fields never go upstream",
      body: { store: true, previous_response_id: "resp_1", background: true, conversation: "conv_1" },
      providerModel: "gpt-4o",
      expected: { model: "gpt-4o", input: "Hi", store: false },
    },
    {
      name: "a reasoning model gets its reasoning back encrypted",
      body: { reasoning: { effort: "low" } },
      providerModel: "gpt-5",
      expected: {
        model: "gpt-5",
        input: "Hi",
        store: false,
        reasoning: { effort: "low" },
        include: ["reasoning.encrypted_content"],
      },
    },
    {
      name: "the client's include values are kept, the encrypted content added once",
      body: { include: ["message.output_text.logprobs", "reasoning.encrypted_content"] },
      providerModel: "o4-mini",
      expected: {
        model: "o4-mini",
        input: "Hi",
        store: false,
        include: ["message.output_text.logprobs", "reasoning.encrypted_content"],
      },
    },
    {
      name: "reasoning turned off asks for no reasoning state",
      body: { reasoning: { effort: "none" } },
      providerModel: "gpt-5.2",
      expected: { model: "gpt-5.2", input: "Hi", store: false, reasoning: { effort: "none" } },
    },
  ];
  it.each(cases)("$name", ({ body, providerModel, expected }) => {
    const result = statelessNativeRequest(parse(body), providerModel, undefined);
    expect(result.request).toEqual(expected);
    expect(result.warnings).toEqual([]);
  });

  it("a catalog model marked as reasoning is treated as one", () => {
    const result = statelessNativeRequest(parse({}), "house-model", { reasoning: true });
    expect(result.request.include).toEqual(["reasoning.encrypted_content"]);
  });

  it("removes store from extensions.openai with a warning naming it", () => {
    const result = statelessNativeRequest(
      parse({ extensions: { openai: { store: true, user: "team-a" } } }),
      "gpt-4o",
      undefined,
    );
    expect(result.request.extensions).toEqual({ openai: { user: "team-a" } });
    expect(result.request.store).toBe(false);
    expect(result.warnings.map((warning) => warning.code)).toEqual(["extensions.openai.store"]);
  });
});
