import { GatewayError, type HttpTransport, type Provider } from "@switchyard/core";
import { createOpenAICompatibleProvider } from "@switchyard/provider-openai-compatible";
import { describe, expect, it } from "vitest";
import type { ConformanceSubject } from "./conformance-subject";
import { openAIChatFake } from "./openai-chat-fake";
import { conformanceChecks, runConformance } from "./run-conformance";

const honest = (transport: HttpTransport): Provider =>
  createOpenAICompatibleProvider({ name: "local", baseUrl: "http://upstream.invalid/v1", transport });

const subject = (name: string, createProvider: ConformanceSubject["createProvider"]): ConformanceSubject => ({
  name,
  createProvider,
  fake: openAIChatFake,
  model: "some-model",
  unsupported: { reasoning_round_trip: "no opaque reasoning state on Chat Completions" },
});

// Each sabotaged provider breaks one promise; the kit must catch exactly those checks.
const sabotages: [string, ConformanceSubject["createProvider"], string[]][] = [
  [
    "loses the last character of every answer",
    (transport) => {
      const provider = honest(transport);
      return {
        ...provider,
        name: provider.name,
        protocol: provider.protocol,
        async chat(request, options) {
          const result = await provider.chat(request, options);
          const message = result.response.choices[0]?.message;
          if (message && typeof message.content === "string") message.content = message.content.slice(0, -1);
          return result;
        },
      };
    },
    ["text.whole", "tools.result"],
  ],
  [
    "does not pass the abort signal upstream",
    (transport) => honest((request) => transport({ ...request, signal: undefined })),
    ["abort.stream"],
  ],
  [
    "calls every error retryable and echoes the key",
    (transport) => {
      const provider = honest(transport);
      const rethrow = (error: unknown, apiKey: string): never => {
        if (!(error instanceof GatewayError)) throw error;
        throw new GatewayError({
          status: error.status,
          message: `${error.message} (key ${apiKey})`,
          retryable: true,
        });
      };
      return {
        ...provider,
        name: provider.name,
        protocol: provider.protocol,
        chat: (request, options) =>
          provider.chat(request, options).catch((error) => rethrow(error, options.apiKey)),
        streamChat: (request, options) =>
          provider.streamChat(request, options).catch((error) => rethrow(error, options.apiKey)),
      };
    },
    [
      "errors.400.whole",
      "errors.400.stream",
      "errors.401.whole",
      "errors.401.stream",
      "errors.404.whole",
      "errors.404.stream",
      // the rethrown 429 also lost its retry-after
      "errors.429.whole",
      "errors.429.stream",
      "errors.redaction",
    ],
  ],
];

describe("runConformance", () => {
  it("passes an honest provider on every check it supports and reports the declared gap", async () => {
    const report = await runConformance(subject("honest", honest));
    expect(report.results.filter((result) => result.outcome === "failed")).toEqual([]);
    expect(report.passed).toBe(conformanceChecks.length - 1);
    expect(report.results.find((result) => result.outcome === "unsupported")).toEqual({
      id: "reasoning.round-trip",
      title: expect.any(String),
      outcome: "unsupported",
      message: "no opaque reasoning state on Chat Completions",
    });
  });

  it.each(sabotages)("catches a provider that %s", async (_name, createProvider, failing) => {
    const report = await runConformance(subject("sabotaged", createProvider));
    const failed = report.results.filter((result) => result.outcome === "failed").map((result) => result.id);
    expect(failed.sort()).toEqual([...failing].sort());
  });
});
