import type { ListedModel, Provider } from "@switchyard/core";
import { builtInModels, createRouter } from "@switchyard/router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { discoveryBannerLines, startModelDiscovery } from "./model-discovery";

/** A provider whose model list is `lists[n]` on the n-th read (the last one after that). */
function listingProvider(name: string, lists: ListedModel[][]): Provider & { reads: number } {
  const provider = {
    name,
    protocol: "openai-chat" as const,
    reads: 0,
    chat: () => Promise.reject(new Error("not called")),
    streamChat: () => Promise.reject(new Error("not called")),
    async listModels() {
      const list = lists[Math.min(provider.reads, lists.length - 1)]!;
      provider.reads++;
      return list;
    },
  };
  return provider;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("startModelDiscovery", () => {
  it("reads the lists at start, then again every refreshIntervalMs, adding what is new", async () => {
    vi.useFakeTimers();
    const local = listingProvider("local", [[{ id: "model-a" }], [{ id: "model-a" }, { id: "model-b" }]]);
    const router = createRouter({ models: builtInModels(), providers: [{ provider: local, apiKeys: [] }] });
    const discovery = startModelDiscovery({
      router,
      providers: [{ provider: local, apiKeys: [] }],
      refreshIntervalMs: 60_000,
      timeoutMs: 1_000,
    });
    expect(await discovery.firstRound).toEqual([{ provider: "local", listed: 1, added: 1 }]);
    expect(() => router.resolve("model-b")).toThrow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(local.reads).toBe(2);
    expect(router.resolve("model-b").offerings[0]!.provider).toBe("local");
    discovery.stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(local.reads).toBe(2);
  });

  it("reads once with refreshIntervalMs 0", async () => {
    vi.useFakeTimers();
    const local = listingProvider("local", [[{ id: "model-a" }]]);
    const router = createRouter({ models: builtInModels(), providers: [{ provider: local, apiKeys: [] }] });
    const discovery = startModelDiscovery({
      router,
      providers: [{ provider: local, apiKeys: [] }],
      refreshIntervalMs: 0,
      timeoutMs: 1_000,
    });
    await discovery.firstRound;
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(local.reads).toBe(1);
  });
});

describe("discoveryBannerLines", () => {
  it("says nothing when no provider has a model list", () => {
    expect(discoveryBannerLines([])).toEqual([]);
  });
});
