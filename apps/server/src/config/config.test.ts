import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_LIMITS, loadConfig } from "./config";

const files = (contents: Record<string, unknown>) => (path: string) => {
  if (!(path in contents)) throw new Error("ENOENT");
  const content = contents[path];
  return typeof content === "string" ? content : JSON.stringify(content);
};

describe("loadConfig", () => {
  it("defaults to loopback, port 8080, no providers and the default limits", () => {
    const config = loadConfig({ env: {} });
    expect(config).toMatchObject({ host: "127.0.0.1", port: 8080, clientKeys: [], providers: [] });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
    expect(config.logging).toEqual({ level: "info", logContent: false });
  });

  it("enables each built-in provider whose key is set, with the default or configured base URL", () => {
    const config = loadConfig({
      env: {
        ANTHROPIC_API_KEY: "sk-ant",
        GEMINI_API_KEY: "g1, g2",
        GEMINI_BASE_URL: "http://127.0.0.1:9999/",
        OPENAI_API_KEY: "",
      },
    });
    expect(config.providers).toEqual([
      { name: "anthropic", kind: "anthropic", apiKeys: ["sk-ant"] },
      { name: "google", kind: "google", apiKeys: ["g1", "g2"], baseUrl: "http://127.0.0.1:9999" },
    ]);
  });

  it("binds to all interfaces once client keys exist, and to loopback without them even if HOST asks", () => {
    expect(loadConfig({ env: { SWITCHYARD_API_KEYS: "ak_one,ak_two" } })).toMatchObject({
      host: "0.0.0.0",
      clientKeys: [
        { key: "ak_one", name: "env-key-1" },
        { key: "ak_two", name: "env-key-2" },
      ],
    });
    expect(loadConfig({ env: { HOST: "0.0.0.0" } })).toMatchObject({
      host: "127.0.0.1",
      ignoredHost: "0.0.0.0",
    });
    expect(loadConfig({ env: { HOST: "::1" } }).host).toBe("::1");
  });

  it("reads the config file from --config and lets the environment win", () => {
    const config = loadConfig({
      env: { PORT: "9000", OPENAI_API_KEY: "from-env" },
      argv: ["--config", "gateway.json"],
      readFile: files({
        "gateway.json": {
          port: 7000,
          clientKeys: ["ak_plain", { key: "ak_named", name: "team-a" }],
          providers: {
            openai: { apiKey: "from-file", baseUrl: "http://localhost:1/v1" },
            local: { type: "openai-compatible", preset: "vllm", baseUrl: "http://localhost:8000/v1" },
            anthropic: { apiKey: "x", enabled: false },
          },
          modelAliases: { "gpt-4": "gpt-4o" },
          limits: { bodyBytes: 2048, upstreamConnections: 512 },
          logging: { level: "debug", logContent: true },
          catalog: { remove: ["gpt-4o"] },
        },
      }),
    });
    expect(config.port).toBe(9000);
    expect(config.clientKeys).toEqual([
      { key: "ak_plain", name: "key-1" },
      { key: "ak_named", name: "team-a" },
    ]);
    expect(config.providers).toEqual([
      { name: "openai", kind: "openai", apiKeys: ["from-env"], baseUrl: "http://localhost:1/v1" },
      {
        name: "local",
        kind: "openai-compatible",
        apiKeys: [""],
        baseUrl: "http://localhost:8000/v1",
        preset: "vllm",
      },
    ]);
    expect(config.modelAliases).toEqual({ "gpt-4": "gpt-4o" });
    expect(config.limits).toMatchObject({ bodyBytes: 2048, upstreamConnections: 512 });
    expect(config.logging).toEqual({ level: "debug", logContent: true });
    expect(config.catalog).toEqual({ remove: ["gpt-4o"] });
  });

  it("takes the config path from SWITCHYARD_CONFIG and --config=path", () => {
    const readFile = files({ "a.json": { port: 1 }, "b.json": { port: 2 } });
    expect(loadConfig({ env: { SWITCHYARD_CONFIG: "a.json" }, readFile }).port).toBe(1);
    expect(
      loadConfig({ env: { SWITCHYARD_CONFIG: "a.json" }, argv: ["--config=b.json"], readFile }).port,
    ).toBe(2);
  });

  const failures: [string, Parameters<typeof loadConfig>[0], RegExp][] = [
    ["a bad PORT", { env: { PORT: "http" } }, /^PORT: /],
    [
      "a client key without ak_",
      { env: { SWITCHYARD_API_KEYS: "ak_ok,sk_bad" } },
      /^SWITCHYARD_API_KEYS\[1\]: /,
    ],
    ["a bad base URL", { env: { ANTHROPIC_BASE_URL: "ftp://x" } }, /^ANTHROPIC_BASE_URL: /],
    ["a bad LOG_LEVEL", { env: { LOG_LEVEL: "loud" } }, /^LOG_LEVEL: /],
    ["--config without a path", { env: {}, argv: ["--config"] }, /^--config: /],
    ["a missing file", { env: {}, argv: ["--config", "nope.json"], readFile: files({}) }, /cannot be read/],
    [
      "a file that is not JSON",
      { env: {}, argv: ["--config", "c"], readFile: files({ c: "{" }) },
      /not valid JSON/,
    ],
    [
      "an unknown key",
      { env: {}, argv: ["--config", "c"], readFile: files({ c: { prot: 1 } }) },
      /config file c: unknown field 'prot'/,
    ],
    [
      "a wrong type deep inside",
      { env: {}, argv: ["--config", "c"], readFile: files({ c: { limits: { bodyBytes: "big" } } }) },
      /config file c: limits\.bodyBytes: expected a number/,
    ],
    [
      "a file client key without ak_",
      { env: {}, argv: ["--config", "c"], readFile: files({ c: { clientKeys: ["secret"] } }) },
      /clientKeys\[0\]/,
    ],
    [
      "a custom provider without baseUrl",
      {
        env: {},
        argv: ["--config", "c"],
        readFile: files({ c: { providers: { groq: { preset: "groq" } } } }),
      },
      /providers\.groq\.baseUrl: is required/,
    ],
    [
      "a built-in provider with another type",
      {
        env: {},
        argv: ["--config", "c"],
        readFile: files({ c: { providers: { openai: { type: "google" } } } }),
      },
      /providers\.openai\.type/,
    ],
  ];
  it.each(failures)("rejects %s with an error naming the key", (_name, sources, pattern) => {
    expect(() => loadConfig(sources)).toThrow(ConfigError);
    expect(() => loadConfig(sources)).toThrow(pattern);
  });

  it("never echoes a rejected secret", () => {
    expect(() => loadConfig({ env: { SWITCHYARD_API_KEYS: "sk_supersecret" } })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("supersecret") }),
    );
  });
});
