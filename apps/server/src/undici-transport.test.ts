import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { transportFailure } from "@switchyard/provider-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createUndiciTransport } from "./undici-transport";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("createUndiciTransport", () => {
  it("sends method, path, headers and body, and returns status, lower-cased headers and the body", async () => {
    let connections = 0;
    const seen: { method?: string; url?: string; auth?: string; body: string }[] = [];
    const server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        seen.push({ method: request.method, url: request.url, auth: request.headers["authorization"], body });
        response.writeHead(201, { "X-Upstream": "yes", "Set-Cookie": ["a=1", "b=2"] });
        response.end("created");
      });
    });
    server.on("connection", () => connections++);
    const base = await listen(server);
    const { transport, close } = createUndiciTransport({ connections: 1 });
    for (let round = 0; round < 2; round++) {
      const response = await transport({
        method: "POST",
        url: `${base}/v1/chat/completions?x=1`,
        headers: { authorization: "Bearer k", "content-type": "application/json" },
        body: '{"a":1}',
      });
      expect(response.status).toBe(201);
      expect(response.headers["x-upstream"]).toBe("yes");
      expect(response.headers["set-cookie"]).toBe("a=1, b=2");
      expect(await response.text()).toBe("created");
    }
    expect(seen).toEqual([
      { method: "POST", url: "/v1/chat/completions?x=1", auth: "Bearer k", body: '{"a":1}' },
      { method: "POST", url: "/v1/chat/completions?x=1", auth: "Bearer k", body: '{"a":1}' },
    ]);
    // Keep-alive: with one pooled connection, the second request reused it rather than reconnecting.
    expect(connections).toBe(1);
    await close();
  });

  it("closes the upstream connection when the signal aborts mid-body", async () => {
    const upstreamClosed = new Promise<void>((resolve) => {
      const server = createServer((_request, response) => {
        response.writeHead(200, { "content-type": "text/event-stream" });
        response.write("data: 1\n\n");
        response.on("close", () => resolve());
      });
      void listen(server).then((base) => started(base));
    });
    let started: (base: string) => void = () => {};
    const base = await new Promise<string>((resolve) => {
      started = resolve;
    });
    const { transport, destroy } = createUndiciTransport();
    const controller = new AbortController();
    const response = await transport({
      method: "GET",
      url: `${base}/stream`,
      headers: {},
      signal: controller.signal,
    });
    const iterator = response.body[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(Buffer.from(first.value as Uint8Array).toString()).toBe("data: 1\n\n");
    controller.abort();
    await expect(iterator.next()).rejects.toThrow();
    await upstreamClosed;
    await destroy();
  });

  it("rejects a refused connection with undici's coded error, which the one failure mapping names", async () => {
    const server = createServer();
    const base = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    servers.length = 0;
    const { transport, destroy } = createUndiciTransport();
    const failure = await transport({ method: "GET", url: `${base}/`, headers: {} }).catch((error) => error);
    expect(failure).toMatchObject({ code: "ECONNREFUSED" });
    const mapped = transportFailure(failure, { provider: "local", displayName: "Local" });
    expect(mapped).toMatchObject({ status: 502, retryable: true, code: "upstream_unreachable" });
    expect(mapped.message).toBe("Could not reach Local: the connection was refused.");
    expect(mapped.message).not.toContain(new URL(base).port);
    await destroy();
  });
});
