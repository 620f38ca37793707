import type { Endpoint } from "./classify";

/** One hostile request: raw body text (so it can be malformed or deeper than JSON.stringify goes). */
export interface BadInput {
  name: string;
  endpoint: Endpoint;
  body: string;
  contentType?: string;
  /** Whether a field is at fault, so the answer should name it. */
  namesField: boolean;
}

const nestedObjects = (levels: number): string => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
const nestedArrays = (levels: number): string => `${"[".repeat(levels)}${"]".repeat(levels)}`;
const MEGABYTE = 1024 * 1024;
const user = [{ role: "user", content: "hi" }];

/** A valid request of each endpoint, with `extra` fields merged in (raw JSON text for each value). */
const base: Record<Endpoint, Record<string, string>> = {
  "/v1/chat/completions": { model: '"claude-sonnet-4-6"', messages: JSON.stringify(user) },
  "/v1/responses": { model: '"claude-sonnet-4-6"', input: '"hi"' },
  "/v1/messages": { model: '"claude-sonnet-4-6"', max_tokens: "64", messages: JSON.stringify(user) },
};

const withFields = (endpoint: Endpoint, fields: Record<string, string>): string =>
  `{${Object.entries({ ...base[endpoint], ...fields })
    .map(([key, value]) => `${JSON.stringify(key)}:${value}`)
    .join(",")}}`;

const deepSchema = `{"type":"object","properties":{"x":${nestedObjects(100_000)}}}`;
const toolWith: Record<Endpoint, (schema: string) => string> = {
  "/v1/chat/completions": (schema) => `[{"type":"function","function":{"name":"f","parameters":${schema}}}]`,
  "/v1/responses": (schema) => `[{"type":"function","name":"f","parameters":${schema}}]`,
  "/v1/messages": (schema) => `[{"name":"f","input_schema":${schema}}]`,
};

/** Every hostile input, on every endpoint. */
export function badInputs(): BadInput[] {
  const endpoints: Endpoint[] = ["/v1/chat/completions", "/v1/responses", "/v1/messages"];
  return endpoints.flatMap((endpoint): BadInput[] => [
    ...fieldCases(endpoint).map((input) => ({ ...input, namesField: true })),
    {
      name: "an unknown model (404)",
      endpoint,
      body: withFields(endpoint, { model: '"no-such-model"' }),
      namesField: false,
    },
    { name: "malformed JSON", endpoint, body: '{"model": "gpt-4o",', namesField: false },
    { name: "an empty body", endpoint, body: "", namesField: false },
    { name: "a JSON array", endpoint, body: "[1,2,3]", namesField: false },
    { name: "a text body", endpoint, body: "hello", contentType: "text/plain", namesField: false },
  ]);
}

/** The hostile inputs that put one field at fault. */
function fieldCases(endpoint: Endpoint): Omit<BadInput, "namesField">[] {
  return [
    {
      name: "100,000-level nesting in an unknown field",
      endpoint,
      body: withFields(endpoint, { extra: nestedObjects(100_000) }),
    },
    {
      name: "100,000-level array nesting",
      endpoint,
      body: withFields(endpoint, { extra: nestedArrays(100_000) }),
    },
    {
      name: "a 100,000-level tool schema",
      endpoint,
      body: withFields(endpoint, { tools: toolWith[endpoint](deepSchema) }),
    },
    {
      name: "a 1 MB model name",
      endpoint,
      body: withFields(endpoint, { model: JSON.stringify("m".repeat(MEGABYTE)) }),
    },
    {
      name: "50,000 unknown gateway.models",
      endpoint,
      body: withFields(endpoint, {
        gateway: JSON.stringify({
          models: Array.from({ length: 50_000 }, (_, index) => `no-such-${index}`),
        }),
      }),
    },
    {
      name: "a 1 MB gateway.models entry",
      endpoint,
      body: withFields(endpoint, { gateway: JSON.stringify({ models: ["gpt-4o", "m".repeat(MEGABYTE)] }) }),
    },
    {
      name: "513 tools",
      endpoint,
      body: withFields(endpoint, {
        tools: toolWith[endpoint]('{"type":"object"}').replace(
          /^\[(.*)\]$/,
          (_match, tool: string) => `[${Array(513).fill(tool).join(",")}]`,
        ),
      }),
    },
    {
      name: "100,001 messages",
      endpoint,
      body: withFields(endpoint, {
        [endpoint === "/v1/responses" ? "input" : "messages"]: JSON.stringify(Array(100_001).fill(user[0])),
      }),
    },
    { name: "a model of the wrong type", endpoint, body: withFields(endpoint, { model: "42" }) },
  ];
}
