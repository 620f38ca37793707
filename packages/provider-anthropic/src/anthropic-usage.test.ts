import { describe, expect, it } from "vitest";
import { anthropicUsageToChat } from "./anthropic-usage";

describe("anthropicUsageToChat", () => {
  it("keeps the 1-hour cache writes and the web searches billed per request", () => {
    // Shape of https://docs.claude.com/en/api/messages (usage.cache_creation, usage.server_tool_use)
    const chat = anthropicUsageToChat({
      input_tokens: 100,
      cache_creation_input_tokens: 5_000,
      cache_read_input_tokens: 4_000,
      cache_creation: { ephemeral_5m_input_tokens: 2_000, ephemeral_1h_input_tokens: 3_000 },
      output_tokens: 50,
      server_tool_use: { web_search_requests: 2, web_fetch_requests: 1 },
    });
    expect(chat).toEqual({
      prompt_tokens: 9_100,
      completion_tokens: 50,
      total_tokens: 9_150,
      prompt_tokens_details: {
        cached_tokens: 4_000,
        cache_write_tokens: 5_000,
        cache_write_1h_tokens: 3_000,
      },
      server_tool_use: { web_search_requests: 2, web_fetch_requests: 1 },
    });
  });

  it("adds nothing when no 1-hour write and no server tool was used", () => {
    const chat = anthropicUsageToChat({
      input_tokens: 12,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      output_tokens: 29,
    });
    expect(chat).toEqual({
      prompt_tokens: 12,
      completion_tokens: 29,
      total_tokens: 41,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    });
  });
});
