import { describe, expect, it } from "vitest";
import { errorAnswerOf, faultOutcomeOf, leaksIn, streamEndingOf } from "./classify";
import type { Reply } from "./send";

const reply = (fields: Partial<Reply>): Reply => ({
  status: 200,
  headers: {},
  text: "",
  durationMs: 1,
  ...fields,
});

describe("errorAnswerOf", () => {
  it.each([
    {
      endpoint: "/v1/chat/completions" as const,
      text: '{"error":{"message":"model: too long","type":"invalid_request_error","param":"model","code":null}}',
      expected: { shaped: true, fieldPath: "model" },
    },
    {
      endpoint: "/v1/chat/completions" as const,
      text: '{"error":{"message":"bad","type":"invalid_request_error","param":null,"code":"invalid_json"}}',
      expected: { shaped: true, fieldPath: null },
    },
    {
      endpoint: "/v1/messages" as const,
      text: '{"type":"error","error":{"type":"invalid_request_error","message":"tools[0].input_schema.a: nested"}}',
      expected: { shaped: true, fieldPath: "tools[0].input_schema.a" },
    },
    { endpoint: "/v1/messages" as const, text: "not json", expected: { shaped: false, fieldPath: null } },
    {
      endpoint: "/v1/responses" as const,
      text: '{"error":"flat"}',
      expected: { shaped: false, fieldPath: null },
    },
  ])("$text on $endpoint", ({ endpoint, text, expected }) => {
    expect(errorAnswerOf(endpoint, text)).toEqual(expected);
  });
});

describe("streamEndingOf", () => {
  it.each([
    {
      endpoint: "/v1/chat/completions" as const,
      text: 'data: {"id":1}\n\ndata: [DONE]\n\n',
      ending: "intact",
    },
    {
      endpoint: "/v1/chat/completions" as const,
      text: 'data: {"id":1}\n\ndata: {"error":{"code":"x"}}\n\n',
      ending: "terminal error",
    },
    { endpoint: "/v1/chat/completions" as const, text: 'data: {"id":1}\n\n', ending: "broken" },
    {
      endpoint: "/v1/responses" as const,
      text: "event: response.created\ndata: {}\n\nevent: response.completed\ndata: {}\n\n",
      ending: "intact",
    },
    {
      endpoint: "/v1/responses" as const,
      text: "event: error\ndata: {}\n\nevent: response.failed\ndata: {}\n\n",
      ending: "terminal error",
    },
    {
      endpoint: "/v1/responses" as const,
      text: "event: response.created\ndata: {}\n\nevent: error\ndata: {}\n\n",
      ending: "broken",
    },
    {
      endpoint: "/v1/messages" as const,
      text: "event: message_start\ndata: {}\n\nevent: message_stop\ndata: {}\n\n",
      ending: "intact",
    },
    {
      endpoint: "/v1/messages" as const,
      text: "event: message_start\ndata: {}\n\nevent: error\ndata: {}\n\n",
      ending: "terminal error",
    },
    {
      endpoint: "/v1/messages" as const,
      text: "event: message_start\ndata: {}\n\nevent: message_stop\ndata: {",
      ending: "broken",
    },
  ])("$ending: $text", ({ endpoint, text, ending }) => {
    expect(streamEndingOf(endpoint, text)).toBe(ending);
  });
});

describe("faultOutcomeOf", () => {
  const providers = { faulty: "openai", healthy: "anthropic" };
  it.each([
    {
      name: "served by the second",
      reply: reply({ text: "{}", headers: { "x-switchyard-provider": "anthropic" } }),
      stream: false,
      outcome: "failed over",
    },
    {
      name: "served by the faulty one",
      reply: reply({ text: "{}", headers: { "x-switchyard-provider": "openai" } }),
      stream: false,
      outcome: "served",
    },
    {
      name: "a shaped 502",
      reply: reply({ status: 502, text: '{"error":{"message":"m","type":"t","param":null,"code":null}}' }),
      stream: false,
      outcome: "failed cleanly",
    },
    {
      name: "an unshaped 500",
      reply: reply({ status: 500, text: "oops" }),
      stream: false,
      outcome: "unclean",
    },
    {
      name: "a reset",
      reply: reply({ status: 0, failure: "socket hang up" }),
      stream: false,
      outcome: "unclean",
    },
    {
      name: "a 200 that is not JSON",
      reply: reply({ text: "<html>", headers: { "x-switchyard-provider": "anthropic" } }),
      stream: false,
      outcome: "unclean",
    },
    {
      name: "a stream with an error chunk",
      reply: reply({ text: 'data: {"error":{}}\n\n' }),
      stream: true,
      outcome: "failed cleanly",
    },
    { name: "a cut stream", reply: reply({ text: 'data: {"id":1}\n\n' }), stream: true, outcome: "unclean" },
  ])("$name: $outcome", ({ reply: answer, stream, outcome }) => {
    expect(faultOutcomeOf("/v1/chat/completions", stream, answer, providers)).toBe(outcome);
  });
});

describe("leaksIn", () => {
  it("finds secrets in the body and in headers", () => {
    const answer = reply({ text: "key sk-1 used", headers: { "x-debug": "host 10.0.0.1:80" } });
    expect(leaksIn(answer, ["sk-1", "10.0.0.1:80", "absent"])).toEqual(["sk-1", "10.0.0.1:80"]);
  });
});
