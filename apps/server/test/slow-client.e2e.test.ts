import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { CLIENT_KEY, useSharedHarness } from "./gateway-harness";

const harness = useSharedHarness({ env: { SWITCHYARD_BODY_TIMEOUT_MS: "300" } });

/** Sends the headers of a POST and then one byte of its body every `everyMs`; resolves with what came back. */
function dribble(path: string, everyMs: number): Promise<{ reply: string; bytesSent: number }> {
  const { port } = new URL(harness.url);
  const body = JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
  return new Promise((resolve, reject) => {
    let reply = "";
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${CLIENT_KEY}\r\n` +
          `x-api-key: ${CLIENT_KEY}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      timer = setInterval(() => {
        if (sent < body.length && socket.writable) socket.write(body[sent++]!);
      }, everyMs);
    });
    socket.on("data", (chunk) => {
      reply += chunk;
    });
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ reply, bytesSent: sent });
    });
    socket.on("error", (error) => {
      clearInterval(timer);
      if (reply !== "") resolve({ reply, bytesSent: sent });
      else reject(error);
    });
  });
}

describe("a client that sends its body too slowly", () => {
  it.each(["/v1/chat/completions", "/v1/responses", "/v1/messages"])(
    "gets a 408 on %s and its connection is closed",
    async (path) => {
      const { reply, bytesSent } = await dribble(path, 50);
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(reply.toLowerCase()).toContain("connection: close");
      expect(reply).toContain("request body did not arrive within 300 ms");
      // The connection closed long before the body was complete.
      expect(bytesSent).toBeLessThan(60);
      for (const fake of Object.values(harness.fakes)) expect(fake.requests).toHaveLength(0);
    },
  );

  it("does not hold up other clients", async () => {
    const slow = dribble("/v1/chat/completions", 50);
    const served = await harness.client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
    });
    expect(served.choices).toHaveLength(1);
    expect((await slow).reply).toMatch(/^HTTP\/1\.1 408 /);
  });
});
