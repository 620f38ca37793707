/** An HTTP request a provider makes. */
export interface TransportRequest {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

/** An HTTP response as a provider sees it: status, lower-cased headers and a body read once. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as bytes, read once, either by iterating or by `text()`. */
  body: AsyncIterable<Uint8Array>;
  /**
   * The same bytes as `body`, decoded as UTF-8: a shortcut a transport may make faster. Readers that must
   * bound what they buffer (an answer of unknown length) iterate `body` instead.
   */
  text(): Promise<string>;
}

/** Sends one HTTP request. Injected into providers: `fetch` by default, undici in the server. */
export type HttpTransport = (request: TransportRequest) => Promise<TransportResponse>;

async function* readWebStream(stream: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (stream === null) return;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Collects a byte stream into a string. */
export async function readAllText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of body) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** A transport on the platform's `fetch`: portable to browsers, Deno, Bun and edge runtimes. */
export function createFetchTransport(fetchImplementation: typeof fetch = globalThis.fetch): HttpTransport {
  return async (request) => {
    const response = await fetchImplementation(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const body = readWebStream(response.body);
    return { status: response.status, headers, body, text: () => readAllText(body) };
  };
}
