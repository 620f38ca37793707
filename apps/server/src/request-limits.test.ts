import type { GatewayError } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { checkInputLimits, DEFAULT_INPUT_LIMITS, pathDeeperThan } from "./request-limits";

const limits = {
  ...DEFAULT_INPUT_LIMITS,
  maxNestingDepth: 3,
  maxGatewayModels: 2,
  maxTools: 1,
  maxMessages: 2,
};

function rejection(body: unknown): GatewayError {
  try {
    checkInputLimits(body, limits);
  } catch (error) {
    return error as GatewayError;
  }
  throw new Error("expected the body to break a limit");
}

describe("pathDeeperThan", () => {
  it.each([
    { body: "text", depth: 1, path: undefined },
    { body: { a: 1 }, depth: 1, path: undefined },
    { body: { a: {} }, depth: 1, path: ["a"] },
    { body: { a: [1, { b: [] }] }, depth: 2, path: ["a", 1] },
    { body: { a: [1, { b: [] }] }, depth: 3, path: ["a", 1, "b"] },
    { body: { first: [[]], second: [[[]]] }, depth: 3, path: ["second", 0, 0] },
  ])("$body at most $depth deep: $path", ({ body, depth, path }) => {
    expect(pathDeeperThan(body, depth)).toEqual(path);
  });

  it("measures a body far deeper than the stack allows, without recursion", () => {
    let body: unknown = 1;
    for (let level = 0; level < 200_000; level++) body = [body];
    expect(pathDeeperThan(body, 64)).toHaveLength(64);
  });
});

describe("checkInputLimits", () => {
  it.each([
    { body: { x: { y: { z: {} } } }, param: "x.y.z" },
    { body: { model: "m".repeat(257) }, param: "model" },
    { body: { gateway: { models: ["a", "b", "c"] } }, param: "gateway.models" },
    { body: { gateway: { models: ["a", "m".repeat(257)] } }, param: "gateway.models[1]" },
    { body: { tools: [1, 2] }, param: "tools" },
    { body: { messages: [1, 2, 3] }, param: "messages" },
    { body: { input: [1, 2, 3] }, param: "input" },
  ])("rejects a body breaking the limit at $param", ({ body, param }) => {
    const error = rejection(body);
    expect(error.status).toBe(400);
    expect(error.code).toBe("input_limit_exceeded");
    expect(error.param).toBe(param);
    expect(error.message.startsWith(`${param}: `)).toBe(true);
  });

  it("cuts a long field path and long keys in the error", () => {
    const key = "k".repeat(10_000);
    const error = rejection({ [key]: { [key]: { [key]: {} } } });
    expect(error.param!.length).toBeLessThanOrEqual(257);
    expect(error.message.length).toBeLessThan(400);
  });

  it.each([
    { model: "gpt-4o", gateway: { models: ["a", "b"] }, tools: [1], messages: [1, 2], input: "hi" },
    { model: 42, tools: "not a list" },
    [1, 2, 3],
  ])("accepts a body within the limits, leaving wrong types to the schema: %j", (body) => {
    expect(() => checkInputLimits(body, limits)).not.toThrow();
  });
});
