import { describeConformance } from "@switchyard/conformance/vitest";
import { createGoogleProvider } from "./gemini-provider";
import { geminiUpstreamFake } from "./gemini-upstream-fake";

describeConformance({
  name: "google (Gemini)",
  createProvider: (transport) => createGoogleProvider({ baseUrl: "http://upstream.invalid", transport }),
  fake: geminiUpstreamFake,
  model: "gemini-2.5-flash",
});
