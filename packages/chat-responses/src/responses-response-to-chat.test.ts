import type { ChatCompletionRequest, ResponseObject } from "@switchyard/core";
import { loadFixtureCases } from "@switchyard/core/testing";
import { describe, expect, it } from "vitest";
import { responsesResponseToChat } from "./responses-response-to-chat";
import { checkGoldenCase } from "./test-support/golden";

const cases = loadFixtureCases("responses-response-to-chat");

describe("responsesResponseToChat golden cases", () => {
  it("has at least 30 cases", () => expect(cases.length).toBeGreaterThanOrEqual(30));
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("%s", (_name, fixture) => {
    const options = fixture.readJsonOr<{ request?: ChatCompletionRequest }>("options.json", {});
    checkGoldenCase(fixture, () =>
      responsesResponseToChat(fixture.readJson<ResponseObject>("input.json"), options),
    );
  });
});
