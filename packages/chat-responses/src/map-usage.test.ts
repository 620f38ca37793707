import { describe, expect, it } from "vitest";
import { chatUsageToResponses, responsesUsageToChat } from "./map-usage";

describe("usage mapping", () => {
  it("maps a bare Chat usage with zero details", () => {
    expect(chatUsageToResponses({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 })).toEqual({
      input_tokens: 3,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: 4,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 7,
    });
  });

  it("keeps cached, cache-write and reasoning tokens both ways", () => {
    const chat = {
      prompt_tokens: 100,
      completion_tokens: 50,
      total_tokens: 150,
      prompt_tokens_details: { cached_tokens: 60, cache_write_tokens: 30 },
      completion_tokens_details: { reasoning_tokens: 20 },
    };
    const responses = chatUsageToResponses(chat);
    expect(responses).toEqual({
      input_tokens: 100,
      input_tokens_details: { cached_tokens: 60, cache_write_tokens: 30 },
      output_tokens: 50,
      output_tokens_details: { reasoning_tokens: 20 },
      total_tokens: 150,
    });
    expect(responsesUsageToChat(responses)).toEqual(chat);
  });
});
