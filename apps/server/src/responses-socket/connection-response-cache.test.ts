import type { ResponseObject } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { contextAfter, createConnectionResponseCache, inputItemsOf } from "./connection-response-cache";

const entry = (id: string) => ({ id, context: [{ type: "message", role: "user", content: id }] as never[] });

describe("createConnectionResponseCache", () => {
  it("keeps the most recently used responses up to its capacity", () => {
    const cache = createConnectionResponseCache(2);
    cache.put(entry("resp_a"));
    cache.put(entry("resp_b"));
    expect(cache.get("resp_a")?.id).toBe("resp_a"); // resp_a is now the most recent
    cache.put(entry("resp_c"));
    expect(cache.get("resp_b")).toBeUndefined();
    expect(cache.get("resp_a")?.id).toBe("resp_a");
    expect(cache.get("resp_c")?.id).toBe("resp_c");
    expect(cache.size).toBe(2);
  });

  it("forgets an evicted response", () => {
    const cache = createConnectionResponseCache(4);
    cache.put(entry("resp_a"));
    cache.evict("resp_a");
    expect(cache.get("resp_a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe("inputItemsOf and contextAfter", () => {
  it.each([
    [undefined, []],
    ["Hi", [{ type: "message", role: "user", content: "Hi" }]],
    [
      [{ type: "function_call_output", call_id: "call_1", output: "ok" }],
      [{ type: "function_call_output", call_id: "call_1", output: "ok" }],
    ],
  ])("reads input %j as items", (input, items) => {
    expect(inputItemsOf(input as never)).toEqual(items);
  });

  it("puts the output items after the resolved input", () => {
    const output = [{ type: "message", id: "msg_1", role: "assistant", status: "completed", content: [] }];
    const context = contextAfter(inputItemsOf("Hi"), { output } as unknown as ResponseObject);
    expect(context).toEqual([{ type: "message", role: "user", content: "Hi" }, ...output]);
  });
});
