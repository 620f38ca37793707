import { createServer, type Server } from "node:http";
import { Pool } from "undici";

/**
 * The physical limit the gateway is held against: node:http in, undici Pool.request out, request and
 * response piped through untouched.
 */
export function startBareProxy(
  upstream: string,
  port = 0,
  connections = 256,
): Promise<{ server: Server; port: number }> {
  const pool = new Pool(upstream, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const server = createServer(async (request, response) => {
    const abort = new AbortController();
    response.on("close", () => {
      if (!response.writableFinished) abort.abort();
    });
    try {
      const upstreamResponse = await pool.request({
        method: request.method as "POST",
        path: request.url ?? "/",
        headers: { "content-type": request.headers["content-type"] ?? "application/json" },
        body: request,
        signal: abort.signal,
      });
      const headers: Record<string, string> = {};
      const contentType = upstreamResponse.headers["content-type"];
      if (typeof contentType === "string") headers["content-type"] = contentType;
      response.writeHead(upstreamResponse.statusCode, headers);
      for await (const chunk of upstreamResponse.body) response.write(chunk);
      response.end();
    } catch {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve({ server, port: typeof address === "object" && address ? address.port : port });
    });
  });
}
