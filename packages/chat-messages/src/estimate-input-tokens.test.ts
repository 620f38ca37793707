import { AnthropicCountTokensRequestSchema } from "@switchyard/anthropic-api";
import { parseOrThrow } from "@switchyard/core";
import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import { estimateInputTokens } from "./estimate-input-tokens";

const request = (body: object) => parseOrThrow(AnthropicCountTokensRequestSchema, { model: "m", ...body });

describe("estimateInputTokens", () => {
  it("counts text with the o200k tokenizer plus message framing", () => {
    const text = "The quick brown fox jumps over the lazy dog.";
    const estimate = estimateInputTokens(request({ messages: [{ role: "user", content: text }] }));
    expect(estimate).toEqual({
      input_tokens: countTokens(text) + 4,
      estimated: true,
      method: "o200k_base tokenizer estimate",
    });
  });

  it("counts system text, tools, images and documents", () => {
    const tools = [{ name: "f", description: "does f", input_schema: { type: "object" } }];
    const estimate = estimateInputTokens(
      request({
        system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
        tools,
        messages: [
          {
            role: "user",
            content: [
              { type: "image", source: { type: "url", url: "https://example.com/a.png" } },
              { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBE" } },
              { type: "text", text: "hi" },
            ],
          },
        ],
      }),
    );
    const expected =
      countTokens("Be brief.") + countTokens("hi") + countTokens(JSON.stringify(tools)) + 4 + 1_600 + 1_500;
    expect(estimate.input_tokens).toBe(expected);
  });
});
