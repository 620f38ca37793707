import { describeConformance } from "@switchyard/conformance/vitest";
import { createAnthropicProvider } from "./anthropic-provider";
import { anthropicUpstreamFake } from "./anthropic-upstream-fake";

describeConformance({
  name: "anthropic",
  createProvider: (transport) => createAnthropicProvider({ baseUrl: "http://upstream.invalid", transport }),
  fake: anthropicUpstreamFake,
  model: "claude-sonnet-4-5",
});
