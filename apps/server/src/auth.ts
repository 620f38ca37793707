import { hash, timingSafeEqual } from "node:crypto";
import { GatewayError } from "@switchyard/core";
import type { ClientKey } from "./config/config";

/** Who is calling: the key's display name and a stable, non-secret id derived from the key's hash. */
export interface ClientIdentity {
  /** `key_` plus the first 12 hex characters of the key's SHA-256; safe to log. */
  id: string;
  name: string;
  /** False when the server runs without client keys (loopback only). */
  authenticated: boolean;
}

/** The credentials a request presents. */
export interface PresentedCredentials {
  /** The `Authorization` header (`Bearer ak_...`). */
  authorization?: string | undefined;
  /** The `x-api-key` header (the bare key), on routes that accept Anthropic's convention. */
  apiKey?: string | undefined;
}

/** Checks `Authorization: Bearer ak_...` (and, where a route allows, `x-api-key`) against the client keys. */
export interface Authenticator {
  /** Whether any client key is configured; without keys every request is let through. */
  readonly required: boolean;
  /** Returns the caller's identity or throws a 401 `GatewayError`. */
  authenticate(authorization: string | undefined): ClientIdentity;
  /**
   * Like `authenticate`, but the key may come in `Authorization: Bearer` or in `x-api-key` (what the
   * Anthropic SDK and Claude Code send); the request passes when either presented key is valid.
   */
  authenticateCredentials(credentials: PresentedCredentials): ClientIdentity;
}

// The one-shot `hash` skips the `Hash` object `createHash` builds on every request.
const sha256 = (text: string): Buffer => hash("sha256", text, "buffer");

const ANONYMOUS: ClientIdentity = { id: "anonymous", name: "anonymous", authenticated: false };

const unauthorized = (message: string, code: string): GatewayError =>
  new GatewayError({ status: 401, type: "authentication_error", code, message, retryable: false });

/**
 * Builds an authenticator. Configured keys are kept as SHA-256 digests; an unknown presented key is hashed
 * and compared with every digest through `crypto.timingSafeEqual` (equal-length inputs, no early exit), so
 * neither the comparison time nor the loop reveals which key or how many bytes matched. A key that passed
 * once is then found by a map lookup.
 */
export function createAuthenticator(clientKeys: readonly ClientKey[]): Authenticator {
  const entries = clientKeys.map((clientKey) => {
    const digest = sha256(clientKey.key);
    return { digest, identity: { id: `key_${digest.toString("hex").slice(0, 12)}`, name: clientKey.name } };
  });
  // Keys that already passed are remembered, so a client's every request does not pay a SHA-256. Only valid
  // keys enter (a guesser cannot grow the map), bounded by the number of configured keys.
  const accepted = new Map<string, ClientIdentity>();
  const identify = (key: string): ClientIdentity | undefined => {
    const known = accepted.get(key);
    if (known !== undefined) return known;
    const presented = sha256(key);
    let found: ClientIdentity | undefined;
    for (const entry of entries) {
      if (timingSafeEqual(presented, entry.digest) && found === undefined)
        found = { ...entry.identity, authenticated: true };
    }
    if (found !== undefined && accepted.size < entries.length) accepted.set(key, found);
    return found;
  };
  const bearerKey = (authorization: string): string | undefined =>
    /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const incorrect = () => unauthorized("Incorrect API key provided.", "invalid_api_key");

  return {
    required: entries.length > 0,
    authenticate(authorization) {
      if (entries.length === 0) return ANONYMOUS;
      if (authorization === undefined || authorization === "")
        throw unauthorized("Missing API key. Send it as 'Authorization: Bearer ak_...'.", "missing_api_key");
      const key = bearerKey(authorization);
      if (key === undefined)
        throw unauthorized(
          "Malformed Authorization header. Send the key as 'Authorization: Bearer ak_...'.",
          "invalid_api_key",
        );
      const found = identify(key);
      if (found === undefined) throw incorrect();
      return found;
    },
    authenticateCredentials({ authorization, apiKey }) {
      if (entries.length === 0) return ANONYMOUS;
      const keys: string[] = [];
      if (apiKey !== undefined && apiKey.trim() !== "") keys.push(apiKey.trim());
      const fromBearer = authorization === undefined ? undefined : bearerKey(authorization);
      if (fromBearer !== undefined) keys.push(fromBearer);
      if (keys.length === 0) {
        if (authorization !== undefined && authorization !== "")
          throw unauthorized(
            "Malformed Authorization header. Send the key as 'x-api-key: ak_...' or 'Authorization: Bearer ak_...'.",
            "invalid_api_key",
          );
        throw unauthorized(
          "Missing API key. Send it as 'x-api-key: ak_...' or 'Authorization: Bearer ak_...'.",
          "missing_api_key",
        );
      }
      // Every presented key is checked, so the time taken does not say which header held a valid one.
      const found = keys.map(identify).find((identity) => identity !== undefined);
      if (found === undefined) throw incorrect();
      return found;
    },
  };
}
