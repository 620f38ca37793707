import { openAIChatFake } from "@switchyard/conformance";
import { describeConformance } from "@switchyard/conformance/vitest";
import { createOpenAICompatibleProvider } from "./openai-compatible-provider";

describeConformance({
  name: "openai-compatible (generic preset)",
  createProvider: (transport) =>
    createOpenAICompatibleProvider({ name: "local", baseUrl: "http://upstream.invalid/v1", transport }),
  fake: openAIChatFake,
  model: "llama-3.3-70b-instruct",
  unsupported: {
    reasoning_round_trip: "Chat Completions has no field for opaque reasoning state to send back",
  },
});
