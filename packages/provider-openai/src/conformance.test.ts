import { openAIChatFake } from "@switchyard/conformance";
import { describeConformance } from "@switchyard/conformance/vitest";
import { createOpenAIProvider } from "./openai-provider";

describeConformance({
  name: "openai (Chat Completions)",
  createProvider: (transport) => createOpenAIProvider({ baseUrl: "http://upstream.invalid/v1", transport }),
  fake: openAIChatFake,
  model: "gpt-4o",
  unsupported: {
    reasoning_round_trip:
      "Chat Completions returns no reasoning state; reasoning round trips go through the native Responses path",
  },
});
