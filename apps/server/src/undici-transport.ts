import type { HttpTransport, TransportResponse } from "@switchyard/core";
import { Pool } from "undici";
import { createUpstreamQueue, type UpstreamQueue } from "./upstream-queue";

/** Options of the undici transport. */
export interface UndiciTransportOptions {
  /** Keep-alive connections per upstream origin; not below the expected concurrent streams (default 1024). */
  connections?: number;
  /** Longest wait for upstream response headers, in ms (default 120000). */
  headersTimeoutMs?: number;
  /** Longest silence between two upstream body chunks, in ms (default 300000). */
  bodyTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open, in ms (default 60000). */
  keepAliveTimeoutMs?: number;
  /**
   * Longest wait for a free connection when all `connections` of an origin are busy, in ms (default
   * 10000); then the request fails with a retryable 503 `upstream_queue_timeout`, unsent.
   */
  queueTimeoutMs?: number;
}

/** An `HttpTransport` on undici pools, plus a way to close every pool at shutdown. */
export interface UndiciTransport {
  transport: HttpTransport;
  /** Closes every pool: waits for in-flight requests, then ends the connections. */
  close(): Promise<void>;
  /** Immediately destroys every pool and its connections. */
  destroy(): Promise<void>;
}

const flattenHeaders = (headers: Record<string, string | string[] | undefined>): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
};

/**
 * Creates the server's transport: one undici `Pool` per upstream origin with keep-alive connections, and
 * `pool.request` per call (no `fetch`, no web `Request`/`Response`). The request's `signal` aborts the
 * upstream request and closes its connection, so a client that disconnects costs no more tokens.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const pools = new Map<string, Pool>();
  const queues = new Map<string, UpstreamQueue>();
  const connections = options.connections ?? 1024;
  const queueFor = (origin: string): UpstreamQueue => {
    let queue = queues.get(origin);
    if (queue === undefined) {
      queue = createUpstreamQueue(connections, options.queueTimeoutMs ?? 10_000);
      queues.set(origin, queue);
    }
    return queue;
  };
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (pool === undefined) {
      pool = new Pool(origin, {
        connections,
        keepAliveTimeout: options.keepAliveTimeoutMs ?? 60_000,
        headersTimeout: options.headersTimeoutMs ?? 120_000,
        bodyTimeout: options.bodyTimeoutMs ?? 300_000,
      });
      pools.set(origin, pool);
    }
    return pool;
  };

  // Providers call a handful of fixed URLs: parse each once.
  const urls = new Map<string, URL>();
  const parse = (href: string): URL => {
    let url = urls.get(href);
    if (url === undefined) {
      url = new URL(href);
      if (urls.size < 1024) urls.set(href, url);
    }
    return url;
  };

  const transport: HttpTransport = async (request) => {
    const url = parse(request.url);
    // Waits here, with a limit, rather than in undici's unbounded queue when every connection is busy.
    const release = await queueFor(url.origin).acquire(request.signal);
    let data: Awaited<ReturnType<Pool["request"]>>;
    try {
      // undici's errors go up as they are: the provider maps them by their code (provider-utils'
      // `transportFailure`), since their messages name the upstream's address.
      data = await poolFor(url.origin).request({
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
        body: request.body ?? null,
        signal: request.signal ?? null,
      });
    } catch (error) {
      release();
      throw error;
    }
    const body = data.body;
    // The connection is free again once the body is read to its end, or destroyed.
    body.once("close", release);
    body.once("end", release);
    const response: TransportResponse = {
      status: data.statusCode,
      headers: flattenHeaders(data.headers),
      body,
      // undici's own reader collects the buffers and decodes once, without an async iterator per answer.
      text: () => body.text(),
    };
    return response;
  };

  return {
    transport,
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
      queues.clear();
    },
    async destroy() {
      await Promise.all([...pools.values()].map((pool) => pool.destroy()));
      pools.clear();
    },
  };
}
