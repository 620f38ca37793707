import { systemClock, type TransportResponse } from "@switchyard/core";
import type { UpstreamConnection, UpstreamErrorReader } from "./post-json";
import { joinUrl } from "./post-json";
import { DEFAULT_MAX_ANSWER_BYTES, parseAnswerJson, readAnswerText, readErrorText } from "./read-answer";
import { upstreamSecrets } from "./redact";
import { retryAfterMs } from "./retry-after";
import { malformedAnswer, transportFailure, type UpstreamIdentity, upstreamError } from "./upstream-errors";

/** One JSON GET (a model list, for one), and how to read its answer. */
export interface JsonGet<T> {
  /** Appended to the base URL, query included (`/v1/models?limit=1000`). */
  path: string;
  headers: Record<string, string>;
  /** The call's key: redacted from every error. */
  apiKey?: string;
  signal?: AbortSignal | undefined;
  readError: UpstreamErrorReader;
  /** Reads the parsed JSON; a throw (a schema mismatch) becomes a retryable 502 `invalid_upstream_response`. */
  parse: (body: unknown) => T;
}

/**
 * GETs a JSON answer with the connection's transport, reads it whole under the answer cap and hands it to
 * `get.parse`. A non-2xx answer (read by `get.readError`), a transport failure, a body that is not JSON or
 * one `parse` rejects fails with a redacted `GatewayError`, as `postJson` does.
 */
export async function getJson<T>(connection: UpstreamConnection, get: JsonGet<T>): Promise<T> {
  const identity: UpstreamIdentity = {
    provider: connection.provider,
    ...(connection.displayName === undefined ? {} : { displayName: connection.displayName }),
    secrets: upstreamSecrets(connection.baseUrl, get.apiKey),
  };
  const failureIdentity = { ...identity, signal: get.signal };
  let response: TransportResponse;
  try {
    response = await connection.transport({
      method: "GET",
      url: joinUrl(connection.baseUrl, get.path),
      headers: get.headers,
      ...(get.signal === undefined ? {} : { signal: get.signal }),
    });
  } catch (error) {
    throw transportFailure(error, failureIdentity);
  }
  try {
    if (response.status < 200 || response.status >= 300) {
      const text = await readErrorText(response.body);
      const fields = get.readError({ status: response.status, headers: response.headers, body: text });
      const delay = fields.retryAfterMs ?? retryAfterMs(response.headers, connection.clock ?? systemClock);
      throw upstreamError(identity, { ...fields, ...(delay === undefined ? {} : { retryAfterMs: delay }) });
    }
    const limit = { ...identity, maxBytes: connection.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES };
    const json = parseAnswerJson(await readAnswerText(response, limit), identity);
    try {
      return get.parse(json);
    } catch {
      throw malformedAnswer(identity, "it is not shaped as the provider documents it");
    }
  } catch (error) {
    throw transportFailure(error, failureIdentity);
  }
}
