import { openAIChatFake } from "@switchyard/conformance";
import { describeConformance } from "@switchyard/conformance/vitest";
import { createDeepSeekProvider } from "./deepseek-provider";

describeConformance({
  name: "deepseek",
  createProvider: (transport) => createDeepSeekProvider({ baseUrl: "http://upstream.invalid", transport }),
  fake: openAIChatFake,
  model: "deepseek-chat",
  unsupported: {
    reasoning_round_trip:
      "DeepSeek returns reasoning as plain reasoning_content and has no opaque state (https://api-docs.deepseek.com/guides/reasoning_model)",
  },
});
