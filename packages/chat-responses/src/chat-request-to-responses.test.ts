import type { ChatCompletionRequest } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { chatRequestToResponses } from "./chat-request-to-responses";
import { checkGoldenCase } from "./test-support/golden";

const cases = loadFixtureCases("chat-request-to-responses");

describe("chatRequestToResponses golden cases", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    checkGoldenCase(fixture, () =>
      chatRequestToResponses(fixture.readJson<ChatCompletionRequest>("input.json")),
    );
  });
});
