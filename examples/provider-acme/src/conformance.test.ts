import { describeConformance } from "@switchyard/conformance/vitest";
import { createAcmeProvider } from "./acme-provider";
import { acmeUpstreamFake } from "./acme-upstream-fake";

describeConformance({
  name: "acme",
  createProvider: (transport) => createAcmeProvider({ baseUrl: "http://upstream.invalid", transport }),
  fake: acmeUpstreamFake,
  model: "acme-1",
  unsupported: {
    tools: "Acme has no tool calling",
    parallel_tool_calls: "Acme has no tool calling",
    reasoning_round_trip: "Acme returns no reasoning",
  },
});
