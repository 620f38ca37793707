import type { ChatCompletionResponse, ResponsesRequest } from "@switchyard/core";
import { createSequentialIdGenerator } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { chatResponseToResponses } from "./chat-response-to-responses";
import { checkGoldenCase } from "./test-support/golden";

/** `options.json`: the Responses request being served and, optionally, a fixed clock in milliseconds. */
interface CaseOptions {
  request: ResponsesRequest;
  clockMs?: number;
}

const cases = loadFixtureCases("chat-response-to-responses");

describe("chatResponseToResponses golden cases", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const options = fixture.readJson<CaseOptions>("options.json");
    const clockMs = options.clockMs;
    checkGoldenCase(fixture, () =>
      chatResponseToResponses(fixture.readJson<ChatCompletionResponse>("input.json"), {
        request: options.request,
        ids: createSequentialIdGenerator(),
        ...(clockMs === undefined ? {} : { clock: () => clockMs }),
      }),
    );
  });
});
