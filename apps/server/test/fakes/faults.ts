import type { ServerResponse } from "node:http";
import type { FakeHandler } from "./fake-upstream";

/**
 * Faults a fake upstream can inject, as `FakeHandler`s for `FakeUpstream.script` (or as its responder).
 * The wrappers take a protocol responder and corrupt what it writes, so one fault covers every upstream
 * protocol: the responders write each SSE frame in a write of its own and a whole answer in one `end`.
 */

/** A fault handler and a promise that resolves once the gateway closed the connection it holds. */
export interface HeldFault {
  handler: FakeHandler;
  /** Resolves when the gateway closed the connection (what an abort or a timeout must cause). */
  closed: Promise<void>;
}

const held = (serve: FakeHandler): HeldFault => {
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  return {
    closed,
    handler: async (request, response, incoming) => {
      response.on("close", markClosed);
      await serve(request, response, incoming);
    },
  };
};

/** Accepts the request and never answers: no status line, no headers. */
export function hangBeforeHeaders(): HeldFault {
  return held(() => {});
}

/**
 * Lets the responder's first `writes` body writes through (headers included), then goes silent: later
 * writes and the end are dropped and the connection stays open. `writes: 0` sends the headers only.
 */
export function stallAfterWrites(responder: FakeHandler, writes: number): HeldFault {
  return held(async (request, response, incoming) => {
    let allowed = writes;
    const write = response.write.bind(response) as (chunk: unknown) => boolean;
    response.write = ((chunk: unknown) => {
      if (allowed <= 0) return true;
      allowed--;
      return write(chunk);
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown) => {
      if (chunk !== undefined && typeof chunk !== "function" && allowed > 0) write(chunk);
      response.flushHeaders();
      return response;
    }) as ServerResponse["end"];
    await responder(request, response, incoming);
    response.flushHeaders();
  });
}

/** Lets the responder's first `writes` body writes through, then resets the connection (TCP RST). */
export function resetAfterWrites(responder: FakeHandler, writes: number): FakeHandler {
  return async (request, response, incoming) => {
    let allowed = writes;
    const reset = () => {
      response.flushHeaders();
      setImmediate(() => response.socket?.resetAndDestroy());
    };
    const write = response.write.bind(response) as (chunk: unknown) => boolean;
    response.write = ((chunk: unknown) => {
      if (allowed <= 0) {
        reset();
        return true;
      }
      allowed--;
      return write(chunk);
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown) => {
      if (chunk !== undefined && typeof chunk !== "function" && allowed > 0) write(chunk);
      reset();
      return response;
    }) as ServerResponse["end"];
    await responder(request, response, incoming);
  };
}

/** Sends what the responder writes one byte at a time, one byte every `everyMs`. */
export function dribble(responder: FakeHandler, everyMs: number): FakeHandler {
  return async (request, response, incoming) => {
    const queue: Buffer[] = [];
    let ending = false;
    const write = response.write.bind(response) as (chunk: unknown) => boolean;
    const end = response.end.bind(response) as () => ServerResponse;
    const timer = setInterval(() => {
      const next = queue[0];
      if (next === undefined) {
        if (ending) {
          clearInterval(timer);
          end();
        }
        return;
      }
      write(next.subarray(0, 1));
      if (next.length > 1) queue[0] = next.subarray(1);
      else queue.shift();
    }, everyMs);
    response.on("close", () => clearInterval(timer));
    response.write = ((chunk: string | Buffer) => {
      queue.push(Buffer.from(chunk));
      return true;
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown) => {
      if (typeof chunk === "string" || Buffer.isBuffer(chunk)) queue.push(Buffer.from(chunk));
      // A whole answer's content-length still holds: only its pace changes.
      response.flushHeaders();
      ending = true;
      return response;
    }) as ServerResponse["end"];
    await responder(request, response, incoming);
  };
}

/** Answers `status` with a body that is not JSON. */
export function malformedJson(status = 200): FakeHandler {
  return (_request, response) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end('{"id": "x", "choices": [{"message": ');
  };
}

/** Answers 200 `text/event-stream` whose events are not JSON, then ends. */
export function malformedSse(): FakeHandler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "text/event-stream" });
    response.write('data: {"id": "x", "choices": [\n\n');
    response.write("data: not json at all\n\n");
    response.end();
  };
}

/** Answers 200 with an error body in place of an answer. */
export function errorBodyWith200(body: unknown): FakeHandler {
  return (_request, response) => {
    const text = JSON.stringify(body);
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
  };
}

/** Answers 200 with a JSON body of about `bytes` bytes (one long string field), written in 64 KiB pieces. */
export function hugeBody(bytes: number): FakeHandler {
  return (_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.write('{"padding":"');
    const piece = "x".repeat(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += piece.length;
        if (!response.write(piece)) {
          response.once("drain", pump);
          return;
        }
      }
      response.end('"}');
    };
    response.on("close", () => {
      sent = bytes;
    });
    pump();
  };
}

/**
 * Answers `status` with a body and headers full of secrets: every string in `secrets` appears in the error
 * message, in a nested field and in a header, the way upstreams echo keys, hosts and paths.
 */
export function statusWithSecrets(status: number, secrets: readonly string[]): FakeHandler {
  return (_request, response) => {
    const text = JSON.stringify({
      error: {
        message: `Request failed: ${secrets.join(" ")}`,
        type: "server_error",
        details: { echoed: secrets },
      },
    });
    response.writeHead(status, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(text),
      "x-upstream-debug": secrets.join(" "),
    });
    response.end(text);
  };
}
