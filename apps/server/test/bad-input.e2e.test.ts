import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness();

const valid = { model: "claude-sonnet-4-6", messages: [{ role: "user", content: "hi" }] };

interface BadCase {
  name: string;
  path?: string;
  method?: string;
  body?: string;
  headers?: Record<string, string>;
  status: number;
  type?: string;
  code?: string | null;
  param?: string | null;
}

const json = (value: unknown) => JSON.stringify(value);

const cases: BadCase[] = [
  { name: "malformed JSON", body: '{"model": "gpt-4o",', status: 400, code: "invalid_json" },
  { name: "an empty body", body: "", status: 400, code: "invalid_json" },
  { name: "a JSON array body", body: "[1]", status: 400, type: "invalid_request_error" },
  { name: "a wrong content type", body: json(valid), headers: { "content-type": "text/plain" }, status: 415 },
  {
    name: "messages of the wrong type",
    body: json({ model: "gpt-4o", messages: "hi" }),
    status: 400,
    param: "messages",
  },
  {
    name: "a temperature of the wrong type",
    body: json({ ...valid, temperature: "hot" }),
    status: 400,
    param: "temperature",
  },
  {
    name: "a message without a role",
    body: json({ model: "gpt-4o", messages: [{ content: "hi" }] }),
    status: 400,
    param: "messages[0].role",
  },
  {
    name: "an unknown model",
    body: json({ ...valid, model: "no-such-model" }),
    status: 404,
    code: "model_not_found",
    param: "model",
  },
  {
    name: "both model and gateway.models",
    body: json({ ...valid, gateway: { models: ["gpt-4o"] } }),
    status: 400,
    param: "gateway.models",
  },
  {
    name: "neither model nor gateway.models",
    body: json({ messages: valid.messages }),
    status: 400,
    param: "model",
  },
  {
    name: "an unknown gateway.metadata field",
    body: json({ ...valid, gateway: { metadata: { secret_field: "x" } } }),
    status: 400,
    param: "gateway.metadata",
  },
  {
    name: "too many gateway.metadata custom fields",
    body: json({
      ...valid,
      gateway: {
        metadata: {
          custom_fields: Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`k${index}`, "v"])),
        },
      },
    }),
    status: 400,
    param: "gateway.metadata.custom_fields",
  },
  {
    name: "a body over the default limit of 32 MiB",
    body: json({ ...valid, padding: "x".repeat(33 * 1024 * 1024) }),
    status: 413,
    code: "request_too_large",
  },
  {
    name: "a missing key",
    body: json(valid),
    headers: { authorization: "" },
    status: 401,
    code: "missing_api_key",
  },
  {
    name: "a wrong key",
    body: json(valid),
    headers: { authorization: "Bearer ak_wrong" },
    status: 401,
    code: "invalid_api_key",
  },
  {
    name: "a responses input of the wrong type",
    path: "/v1/responses",
    body: json({ model: "gpt-4o", input: 42 }),
    status: 400,
    param: "input",
  },
  {
    name: "an unknown previous_response_id",
    path: "/v1/responses",
    body: json({ model: "claude-sonnet-4-6", input: "hi", previous_response_id: "resp_unknown" }),
    status: 400,
    code: "not_found",
    param: "previous_response_id",
  },
  {
    name: "a built-in tool on a Chat-only provider",
    path: "/v1/responses",
    body: json({ model: "claude-sonnet-4-6", input: "hi", tools: [{ type: "web_search" }] }),
    status: 400,
    code: "operation_not_allowed",
    param: "tools[0].type",
  },
  { name: "an unknown path", path: "/v1/nothing", method: "GET", status: 404, code: "unknown_url" },
  {
    name: "a wrong method",
    path: "/v1/chat/completions",
    method: "GET",
    status: 405,
    code: "method_not_allowed",
  },
  {
    name: "an unknown model id",
    path: "/v1/models/anthropic/no-such-model",
    method: "GET",
    status: 404,
    code: "model_not_found",
  },
];

describe("bad input", () => {
  it.each(cases)("answers $name with $status, OpenAI-shaped, and keeps serving", async (badCase) => {
    const method = badCase.method ?? "POST";
    const response = await fetch(`${harness.url}${badCase.path ?? "/v1/chat/completions"}`, {
      method,
      headers: {
        authorization: `Bearer ${CLIENT_KEY}`,
        "content-type": "application/json",
        ...badCase.headers,
      },
      ...(method === "POST" ? { body: badCase.body ?? "" } : {}),
    });
    expect(response.status).toBe(badCase.status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toMatch(/^req_/);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(body.error["message"]).toEqual(expect.any(String));
    if (badCase.type !== undefined) expect(body.error["type"]).toBe(badCase.type);
    if (badCase.code !== undefined) expect(body.error["code"]).toBe(badCase.code);
    if (badCase.param !== undefined) expect(body.error["param"]).toBe(badCase.param);
    expect(harness.fakes.anthropic.requests).toHaveLength(0);

    const next = await harness.client.chat.completions.create(valid as never);
    expect(next.choices).toHaveLength(1);
  });

  it("answers a malformed HTTP request with 400 and keeps serving", async () => {
    const { port } = new URL(harness.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk;
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain('"type":"invalid_request_error"');
    expect((await fetch(`${harness.url}/health`)).status).toBe(200);
  });

  it("never logs client or upstream keys", async () => {
    await fetch(`${harness.url}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer ak_wrong_secret", "content-type": "application/json" },
      body: json(valid),
    });
    await harness.client.chat.completions.create(valid as never);
    const logged = JSON.stringify(harness.logLines);
    for (const secret of ["ak_wrong_secret", CLIENT_KEY, "sk-ant-upstream", "sk-openai-upstream"])
      expect(logged).not.toContain(secret);
  });
});
