import { request as httpRequest } from "node:http";

/** What came back for one request, or why nothing did. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** Set when no complete answer arrived: a reset, a refused connection, or no answer within the limit. */
  failure?: string;
  durationMs: number;
}

/** Options of `send`. */
export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  /** Longest wait for the whole answer (default 15 s); past it the request counts as hung. */
  timeoutMs?: number;
}

/**
 * Sends one request on a connection of its own (no keep-alive pool to hide a stuck server behind) and
 * collects the whole answer. Never throws: a transport failure is reported in `failure`.
 */
export function send(url: string, body: string | undefined, options: SendOptions = {}): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (reply: Omit<Reply, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...reply, durationMs: performance.now() - started });
    };
    const request = httpRequest(url, {
      method: options.method ?? "POST",
      agent: false,
      headers: options.headers,
    });
    const timer = setTimeout(() => {
      request.destroy();
      done({ status: 0, headers: {}, text: "", failure: "no answer in time" });
    }, options.timeoutMs ?? 15_000);
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers))
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
      response.on("end", () =>
        done({ status: response.statusCode ?? 0, headers, text: Buffer.concat(chunks).toString("utf8") }),
      );
      response.on("error", (error) =>
        done({
          status: response.statusCode ?? 0,
          headers,
          text: Buffer.concat(chunks).toString("utf8"),
          failure: `answer cut: ${error.message}`,
        }),
      );
    });
    request.on("error", (error) => done({ status: 0, headers: {}, text: "", failure: error.message }));
    request.end(body);
  });
}
