import type { IncomingMessage } from "node:http";
import { GatewayError, invalidRequest } from "@switchyard/core";
import { checkInputLimits, DEFAULT_INPUT_LIMITS, type InputLimits } from "./request-limits";

/** Options of `readJsonBody`. */
export interface ReadJsonBodyOptions {
  /** Largest accepted body in bytes. */
  limitBytes: number;
  /** Longest time the whole body may take to arrive, in ms (default 60 s): a slow sender gets a 408. */
  timeoutMs?: number;
  /** What the parsed body may hold (default `DEFAULT_INPUT_LIMITS`). */
  input?: InputLimits;
}

/** The body-reading options of the server's limits. */
export function bodyReadOptions(
  limits: InputLimits & { bodyBytes: number; bodyTimeoutMs: number },
): ReadJsonBodyOptions {
  return { limitBytes: limits.bodyBytes, timeoutMs: limits.bodyTimeoutMs, input: limits };
}

/** The default of `ReadJsonBodyOptions.timeoutMs`. */
export const DEFAULT_BODY_TIMEOUT_MS = 60_000;

/** The code of the 408 a body that arrives too slowly gets; the connection is closed after it. */
export const BODY_TIMEOUT_CODE = "request_body_timeout";

const bodyTimedOut = (timeoutMs: number): GatewayError =>
  new GatewayError({
    status: 408,
    type: "invalid_request_error",
    code: BODY_TIMEOUT_CODE,
    message: `The request body did not arrive within ${timeoutMs} ms.`,
    retryable: false,
  });

const payloadTooLarge = (limitBytes: number): GatewayError =>
  new GatewayError({
    status: 413,
    type: "invalid_request_error",
    code: "request_too_large",
    message: `The request body is larger than the limit of ${limitBytes} bytes.`,
    retryable: false,
  });

const isJsonContentType = (contentType: string): boolean => {
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
};

/**
 * Reads a request body as JSON. Rejects a non-JSON `content-type` (415), a body over the limit (413, read
 * no further than the limit: the rest is discarded so the client still receives the answer), a body that
 * takes longer than `timeoutMs` to arrive (408), an empty body and malformed JSON (400), and a body that
 * breaks the input limits (400 naming the field). A missing `content-type` is accepted.
 */
export function readJsonBody(request: IncomingMessage, options: ReadJsonBodyOptions): Promise<unknown> {
  const contentType = request.headers["content-type"];
  if (contentType !== undefined && !isJsonContentType(contentType)) {
    request.resume();
    return Promise.reject(
      new GatewayError({
        status: 415,
        type: "invalid_request_error",
        code: "unsupported_media_type",
        message: `Unsupported content-type '${contentType.slice(0, 100)}'; send 'application/json'.`,
        retryable: false,
      }),
    );
  }
  const declaredLength = Number(request.headers["content-length"]);
  if (Number.isFinite(declaredLength) && declaredLength > options.limitBytes) {
    request.resume();
    return Promise.reject(payloadTooLarge(options.limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const timeoutMs = options.timeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
    const timer = setTimeout(() => {
      if (settled) return;
      request.pause();
      fail(bodyTimedOut(timeoutMs));
    }, timeoutMs);
    const fail = (error: GatewayError) => {
      settled = true;
      clearTimeout(timer);
      chunks.length = 0;
      reject(error);
    };
    request.on("data", (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > options.limitBytes) fail(payloadTooLarge(options.limitBytes));
      else chunks.push(chunk);
    });
    request.on("error", (error) => {
      if (!settled) fail(invalidRequest(`The request body could not be read: ${error.message}`));
    });
    request.on("end", () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const text = Buffer.concat(chunks, received).toString("utf8");
      if (text.trim() === "") {
        reject(invalidRequest("The request body is empty; send a JSON object.", null, "invalid_json"));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch (error) {
        reject(
          invalidRequest(
            `We could not parse the JSON body of your request (${(error as Error).message}).`,
            null,
            "invalid_json",
          ),
        );
        return;
      }
      try {
        checkInputLimits(body, options.input ?? DEFAULT_INPUT_LIMITS);
      } catch (error) {
        reject(error);
        return;
      }
      resolve(body);
    });
  });
}

/** Whether a request carries a body at all (a length above 0, or a chunked body). */
export function hasRequestBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  if (length !== undefined) return Number(length) > 0;
  return request.headers["transfer-encoding"] !== undefined;
}
