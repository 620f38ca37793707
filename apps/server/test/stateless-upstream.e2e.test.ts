import { describe, expect, it } from "vitest";
import { helloFrom } from "./fakes/fake-reply";
import { useSharedHarness } from "./gateway-harness";

/** `store` of a Response (the SDK's type leaves it out). */
const storeOf = (response: object): unknown => (response as { store?: unknown }).store;

const harness = useSharedHarness();

interface UpstreamBody {
  store?: unknown;
  include?: string[];
  previous_response_id?: unknown;
  background?: unknown;
  conversation?: unknown;
  input?: unknown;
}

const upstreamBody = (): UpstreamBody => harness.fakes.openai.lastRequest.body as UpstreamBody;

describe("OpenAI upstreams are called statelessly", () => {
  it("sends store: false when the client omits store, and stores the answer itself", async () => {
    const response = await harness.client.responses.create({ model: "gpt-4o", input: "Hi" });
    expect(upstreamBody().store).toBe(false);
    expect(upstreamBody().include).toBeUndefined();
    expect(storeOf(response)).toBe(true);
    // The gateway's own id, not the upstream's.
    expect(response.id).not.toBe("resp_fake_1");
    expect((await harness.client.responses.retrieve(response.id)).output_text).toBe(
      helloFrom("openai-responses"),
    );
  });

  it("asks a reasoning model for its encrypted reasoning, so the next turn can carry it", async () => {
    await harness.client.responses.create({ model: "gpt-5", input: "Hi", reasoning: { effort: "low" } });
    expect(upstreamBody()).toMatchObject({ store: false, include: ["reasoning.encrypted_content"] });
  });

  it("resolves previous_response_id itself and sends the whole input", async () => {
    const first = await harness.client.responses.create({
      model: "gpt-5",
      input: "First",
      reasoning: { effort: "low" },
    });
    await harness.client.responses.create({
      model: "gpt-4o",
      input: "Second",
      previous_response_id: first.id,
      store: true,
    });
    const body = upstreamBody();
    expect(body.previous_response_id).toBeUndefined();
    expect(storeOf(body)).toBe(false);
    const input = JSON.stringify(body.input);
    expect(input).toContain("First");
    expect(input).toContain(helloFrom("openai-responses"));
    expect(input).toContain("Second");
    // gpt-5's encrypted reasoning does not go to gpt-4o.
    expect(input).not.toContain("opaque-state");
  });

  it("rewrites the stream's Response objects to the gateway's id and state fields", async () => {
    const stream = harness.client.responses.stream({ model: "gpt-4o", input: "Stream" });
    const ids = new Set<string>();
    for await (const event of stream) if ("response" in event) ids.add(event.response.id);
    const final = await stream.finalResponse();
    expect([...ids]).toEqual([final.id]);
    expect(storeOf(final)).toBe(true);
    expect(upstreamBody().store).toBe(false);
    expect((await harness.client.responses.retrieve(final.id)).id).toBe(final.id);
  });
});
