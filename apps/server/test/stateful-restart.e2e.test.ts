import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildResponseObject } from "@switchyard/chat-responses";
import { openStorage, SQLITE_FILE_NAME } from "@switchyard/store";
import { afterEach, describe, expect, it } from "vitest";
import { createAuthenticator } from "../src/auth";
import { helloFrom } from "./fakes/fake-reply";
import { CLIENT_KEY, type Harness, startHarness } from "./gateway-harness";

let dataDir: string | undefined;
const running: Harness[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((harness) => harness.stop()));
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

const start = async (options: Parameters<typeof startHarness>[0]) => {
  const harness = await startHarness(options);
  running.push(harness);
  return harness;
};

describe("the response store across restarts", () => {
  it("continues a chain stored before the gateway restarted on the same data directory", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "switchyard-restart-"));
    const before = await start({ dataDir, randomIds: true });
    const first = await before.client.responses.create({
      model: "claude-sonnet-4-6",
      input: "Before the restart.",
    });
    await before.stop();
    running.splice(running.indexOf(before), 1);

    const after = await start({ dataDir, randomIds: true });
    expect((await after.client.responses.retrieve(first.id)).output_text).toBe(helloFrom("anthropic"));
    const next = await after.client.responses.create({
      model: "gemini-2.5-flash",
      input: "After it.",
      previous_response_id: first.id,
    });
    expect(next.output_text).toBe(helloFrom("gemini"));
    expect(after.fakes.gemini.lastRequest.rawBody).toContain("Before the restart.");
  });

  it("marks failed a background response a stopped gateway left in progress", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "switchyard-abandoned-"));
    // What a gateway that died mid-response leaves: a running row whose lease nobody renews.
    const storage = await openStorage({ backend: "sqlite", file: join(dataDir, SQLITE_FILE_NAME) });
    const response = buildResponseObject(
      { model: "gemini-2.5-flash", input: "x", background: true, store: true },
      { id: "resp_abandoned", createdAt: 1, model: "gemini-2.5-flash", status: "in_progress", output: [] },
    );
    const keyId = createAuthenticator([{ key: CLIENT_KEY, name: "harness" }]).authenticate(
      `Bearer ${CLIENT_KEY}`,
    ).id;
    await storage.responses.begin({
      id: "resp_abandoned",
      owner: { keyId },
      response,
      previousResponseId: null,
      conversationId: null,
      input: [],
      lease: { runner: "runner_gone", until: Date.now() - 1 },
      createdAt: Date.now() - 10,
    });
    await storage.close();

    const next = await start({ dataDir, randomIds: true });
    const failed = await next.client.responses.retrieve("resp_abandoned");
    expect(failed.status).toBe("failed");
    expect(failed.error?.code).toBe("gateway_stopped");
  });
});

describe("an unreachable store", () => {
  it("answers requests that need it with a 503 naming it, and serves store: false requests", async () => {
    // Nothing listens on port 1: the PostgreSQL store cannot be reached.
    const harness = await start({
      env: { SWITCHYARD_DATABASE_URL: "postgres://switchyard@127.0.0.1:1/switchyard" },
    });
    await expect(
      harness.client.responses.create({ model: "deepseek-chat", input: "Store me." }),
    ).rejects.toMatchObject({
      status: 503,
      code: "store_unavailable",
      message: expect.stringContaining("PostgreSQL store"),
    });
    const unstored = await harness.client.responses.create({
      model: "deepseek-chat",
      input: "Don't.",
      store: false,
    });
    expect(unstored.output_text).toBe(helloFrom("deepseek"));
    await expect(harness.client.responses.retrieve("resp_1")).rejects.toMatchObject({ status: 503 });
  });
});
