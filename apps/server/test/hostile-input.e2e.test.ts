import { describe, expect, it } from "vitest";
import { startHarness } from "./gateway-harness";

// Two client keys: the hostile client and a well-behaved one that must not notice it.
const HOSTILE_KEY = "ak_hostile";
const OTHER_KEY = "ak_other";

/** `levels` nested objects, `{"a":{"a":...}}`, as raw JSON text (JSON.stringify would overflow first). */
const nestedObjects = (levels: number): string => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

/** `levels` nested arrays, `[[...]]`. */
const nestedArrays = (levels: number): string => `${"[".repeat(levels)}${"]".repeat(levels)}`;

interface HostileCase {
  name: string;
  path: string;
  body: string;
  /** The field path the 400 names (its beginning: the path runs on to the depth limit). */
  param: string;
}

const DEEP = 100_000;
const chatBase = '"model":"claude-sonnet-4-6","messages":[{"role":"user","content":"hi"}]';
const messagesBase =
  '"model":"claude-sonnet-4-6","max_tokens":16,"messages":[{"role":"user","content":"hi"}]';
const responsesBase = '"model":"claude-sonnet-4-6","input":"hi"';
const deepTool = (wrapper: (schema: string) => string) =>
  wrapper(`{"type":"object","properties":{"x":${nestedObjects(DEEP)}}}`);

const cases: HostileCase[] = [
  {
    name: "deep nesting in an unknown top-level field on /v1/chat/completions",
    path: "/v1/chat/completions",
    body: `{${chatBase},"extra":${nestedObjects(DEEP)}}`,
    param: "extra.a.a",
  },
  {
    name: "deep nesting in an unknown top-level field on /v1/messages",
    path: "/v1/messages",
    body: `{${messagesBase},"extra":${nestedArrays(DEEP)}}`,
    param: "extra[0][0]",
  },
  {
    name: "deep nesting in an unknown top-level field on /v1/responses",
    path: "/v1/responses",
    body: `{${responsesBase},"extra":${nestedObjects(DEEP)}}`,
    param: "extra.a.a",
  },
  {
    name: "a deep tool schema on /v1/chat/completions",
    path: "/v1/chat/completions",
    body: `{${chatBase},"tools":[${deepTool((schema) => `{"type":"function","function":{"name":"f","parameters":${schema}}}`)}]}`,
    param: "tools[0].function.parameters.properties.x.a",
  },
  {
    name: "a deep tool schema on /v1/responses",
    path: "/v1/responses",
    body: `{${responsesBase},"tools":[${deepTool((schema) => `{"type":"function","name":"f","parameters":${schema}}`)}]}`,
    param: "tools[0].parameters.properties.x.a",
  },
  {
    name: "a deep tool schema on /v1/messages",
    path: "/v1/messages",
    body: `{${messagesBase},"tools":[${deepTool((schema) => `{"name":"f","input_schema":${schema}}`)}]}`,
    param: "tools[0].input_schema.properties.x.a",
  },
  {
    name: "deep content on /v1/messages",
    path: "/v1/messages",
    body: `{"model":"claude-sonnet-4-6","max_tokens":16,"messages":[{"role":"user","content":[{"type":"text","text":"hi","extra":${nestedArrays(DEEP)}}]}]}`,
    param: "messages[0].content[0].extra[0]",
  },
];

const post = (url: string, path: string, key: string, body: string) =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "x-api-key": key, "content-type": "application/json" },
    body,
  });

describe("hostile input", () => {
  it.each(cases)("answers $name with a 400 naming the field, before any provider", async (hostile) => {
    const harness = await startHarness({ env: { SWITCHYARD_API_KEYS: `${HOSTILE_KEY},${OTHER_KEY}` } });
    try {
      const response = await post(harness.url, hostile.path, HOSTILE_KEY, hostile.body);
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        error: { type: string; param?: string | null; message: string };
      };
      expect(body.error.type).toBe("invalid_request_error");
      // Anthropic's error shape (on /v1/messages) has no `param`: the message names the field there.
      if (hostile.path !== "/v1/messages") expect(body.error.param?.startsWith(hostile.param)).toBe(true);
      expect(body.error.message.startsWith(hostile.param)).toBe(true);
      expect(body.error.message).toMatch(/nested deeper than the limit of 64 levels/);
      expect(harness.fakes.anthropic.requests).toHaveLength(0);
    } finally {
      await harness.stop();
    }
  });

  it("after three hostile requests, another key's normal request on the same model is served", async () => {
    const harness = await startHarness({ env: { SWITCHYARD_API_KEYS: `${HOSTILE_KEY},${OTHER_KEY}` } });
    try {
      for (const hostile of cases.slice(0, 3)) {
        const response = await post(harness.url, hostile.path, HOSTILE_KEY, hostile.body);
        expect(response.status).toBeLessThan(500);
        await response.arrayBuffer();
      }
      const served = await post(
        harness.url,
        "/v1/chat/completions",
        OTHER_KEY,
        JSON.stringify({ model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] }),
      );
      expect(served.status).toBe(200);
      const body = (await served.json()) as { routing_metadata: { provider: string } };
      expect(body.routing_metadata.provider).toBe("anthropic");
    } finally {
      await harness.stop();
    }
  });
});
