import { describe, expect, it } from "vitest";
import { createRandomIdGenerator, createSequentialIdGenerator } from "./ids";

describe("id generators", () => {
  it("counts per prefix", () => {
    const ids = createSequentialIdGenerator();
    expect([ids("msg"), ids("msg"), ids("fc"), ids("msg")]).toEqual(["msg_1", "msg_2", "fc_1", "msg_3"]);
  });

  it("makes unique random ids with the prefix", () => {
    const ids = createRandomIdGenerator();
    const made = new Set(Array.from({ length: 1000 }, () => ids("resp")));
    expect(made.size).toBe(1000);
    for (const id of made) expect(id).toMatch(/^resp_[0-9a-f]{24}$/);
  });
});
