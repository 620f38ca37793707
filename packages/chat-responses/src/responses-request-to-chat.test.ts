import type { ResponsesRequest } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { responsesRequestToChat } from "./responses-request-to-chat";
import { checkGoldenCase } from "./test-support/golden";

const cases = loadFixtureCases("responses-request-to-chat");

describe("responsesRequestToChat golden cases", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    checkGoldenCase(fixture, () => responsesRequestToChat(fixture.readJson<ResponsesRequest>("input.json")));
  });
});
