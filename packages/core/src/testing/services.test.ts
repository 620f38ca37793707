import { describe, expect, it, vi } from "vitest";
import { type TestService, testService } from "./services";

const service: TestService = { name: "Redis", variable: "X_TEST_URL", howToRun: "start redis-server" };

describe("testService", () => {
  it("gives the URL when it is set, under CI or not", () => {
    expect(testService(service, { X_TEST_URL: "redis://h", CI: "true" })).toEqual({
      available: true,
      url: "redis://h",
    });
    expect(testService(service, { X_TEST_URL: "redis://h" })).toEqual({ available: true, url: "redis://h" });
  });

  it("skips locally with a message that says how to run the tests", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(testService(service, {})).toEqual({
        available: false,
        message: "Redis tests skipped: X_TEST_URL is not set. To run them, start redis-server.",
      });
      expect(warn).toHaveBeenCalledOnce();
    } finally {
      warn.mockRestore();
    }
  });

  it("fails instead of skipping under CI=true", () => {
    expect(() => testService(service, { CI: "true" })).toThrow(
      "Redis tests must run under CI=true but X_TEST_URL is not set",
    );
  });
});
