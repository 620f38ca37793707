import { describe, expect, it } from "vitest";
import { retryAfterMs } from "./retry-after";

const now = Date.parse("2026-01-01T00:00:00Z");
const clock = () => now;

describe("retryAfterMs", () => {
  it.each<[string, Record<string, string>, number | undefined]>([
    ["seconds", { "retry-after": "2" }, 2000],
    ["fractional seconds", { "retry-after": "1.5" }, 1500],
    ["retry-after-ms before retry-after", { "retry-after": "2", "retry-after-ms": "350" }, 350],
    ["fractional retry-after-ms, rounded", { "retry-after-ms": "12.6" }, 13],
    ["an HTTP date ahead", { "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }, 5000],
    ["an HTTP date in the past", { "retry-after": "Wed, 31 Dec 2025 23:00:00 GMT" }, 0],
    ["padding around the value", { "retry-after": " 3 " }, 3000],
    ["an unreadable retry-after-ms, then seconds", { "retry-after-ms": "soon", "retry-after": "4" }, 4000],
    ["a negative number", { "retry-after": "-1" }, undefined],
    ["a bare number Date.parse would read as a year", { "retry-after": "-12" }, undefined],
    ["words", { "retry-after": "soon" }, undefined],
    ["an empty value", { "retry-after": "" }, undefined],
    ["no header", {}, undefined],
  ])("reads %s", (_name, headers, expected) => {
    expect(retryAfterMs(headers, clock)).toBe(expected);
  });
});
