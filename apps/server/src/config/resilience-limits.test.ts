import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, loadConfig } from "./config";

const fromFile = (limits: unknown) => ({
  env: {},
  argv: ["--config", "c.json"],
  readFile: () => JSON.stringify({ limits }),
});

describe("input limits and timeouts in the configuration", () => {
  it("takes each from the config file", () => {
    const limits = {
      bodyTimeoutMs: 5000,
      maxNestingDepth: 32,
      maxModelNameLength: 100,
      maxGatewayModels: 4,
      maxTools: 64,
      maxMessages: 1000,
    };
    expect(loadConfig(fromFile(limits)).limits).toMatchObject(limits);
  });

  it("takes the body timeout from SWITCHYARD_BODY_TIMEOUT_MS, over the file", () => {
    const config = loadConfig({
      ...fromFile({ bodyTimeoutMs: 5000 }),
      env: { SWITCHYARD_BODY_TIMEOUT_MS: "250" },
    });
    expect(config.limits.bodyTimeoutMs).toBe(250);
  });

  it.each([
    [{ maxNestingDepth: 1 }, /limits\.maxNestingDepth/],
    [{ maxTools: 0 }, /limits\.maxTools/],
    [{ bodyTimeoutMs: -1 }, /limits\.bodyTimeoutMs/],
  ])("rejects %j", (limits, message) => {
    expect(() => loadConfig(fromFile(limits))).toThrow(message);
  });

  it.each([
    ["SWITCHYARD_FIRST_BYTE_TIMEOUT_MS", "firstByteTimeoutMs"],
    ["SWITCHYARD_WHOLE_ANSWER_TIMEOUT_MS", "wholeAnswerTimeoutMs"],
    ["SWITCHYARD_STREAM_IDLE_TIMEOUT_MS", "streamIdleTimeoutMs"],
  ] as const)("takes %s over the file's limits.%s", (variable, key) => {
    const config = loadConfig({ ...fromFile({ [key]: 5000 }), env: { [variable]: "123" } });
    expect(config.limits[key]).toBe(123);
    expect(loadConfig(fromFile({ [key]: 5000 })).limits[key]).toBe(5000);
  });

  it("rejects a SWITCHYARD_BODY_TIMEOUT_MS that is not a positive integer", () => {
    expect(() => loadConfig({ env: { SWITCHYARD_BODY_TIMEOUT_MS: "soon" } })).toThrow(
      /SWITCHYARD_BODY_TIMEOUT_MS/,
    );
  });

  it("defaults to the documented values", () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      bodyTimeoutMs: 60_000,
      maxNestingDepth: 64,
      maxModelNameLength: 256,
      maxGatewayModels: 16,
      maxTools: 512,
      maxMessages: 100_000,
      firstByteTimeoutMs: 30_000,
      wholeAnswerTimeoutMs: 60_000,
      streamIdleTimeoutMs: 60_000,
    });
    // An idle stream outlasts the Messages keep-alive pings, which fire while the upstream is silent.
    expect(DEFAULT_LIMITS.streamIdleTimeoutMs).toBeGreaterThan(DEFAULT_LIMITS.pingIntervalMs);
  });
});
