import { createHash, timingSafeEqual } from "node:crypto";
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

/** Checks `Authorization: Bearer ak_...` headers against the configured client keys. */
export interface Authenticator {
  /** Whether any client key is configured; without keys every request is let through. */
  readonly required: boolean;
  /** Returns the caller's identity or throws a 401 `GatewayError`. */
  authenticate(authorization: string | undefined): ClientIdentity;
}

const sha256 = (text: string): Buffer => createHash("sha256").update(text, "utf8").digest();

const ANONYMOUS: ClientIdentity = { id: "anonymous", name: "anonymous", authenticated: false };

const unauthorized = (message: string, code: string): GatewayError =>
  new GatewayError({ status: 401, type: "authentication_error", code, message, retryable: false });

/**
 * Builds an authenticator. Keys are kept only as SHA-256 digests; a presented key is hashed and compared
 * with every digest through `crypto.timingSafeEqual` (equal-length inputs, no early exit), so neither the
 * comparison time nor the loop reveals which key or how many bytes matched.
 */
export function createAuthenticator(clientKeys: readonly ClientKey[]): Authenticator {
  const entries = clientKeys.map((clientKey) => {
    const digest = sha256(clientKey.key);
    return { digest, identity: { id: `key_${digest.toString("hex").slice(0, 12)}`, name: clientKey.name } };
  });
  return {
    required: entries.length > 0,
    authenticate(authorization) {
      if (entries.length === 0) return ANONYMOUS;
      if (authorization === undefined || authorization === "")
        throw unauthorized("Missing API key. Send it as 'Authorization: Bearer ak_...'.", "missing_api_key");
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (match === null)
        throw unauthorized(
          "Malformed Authorization header. Send the key as 'Authorization: Bearer ak_...'.",
          "invalid_api_key",
        );
      const presented = sha256(match[1]!);
      let found: ClientIdentity | undefined;
      for (const entry of entries) {
        if (timingSafeEqual(presented, entry.digest) && found === undefined)
          found = { ...entry.identity, authenticated: true };
      }
      if (found === undefined) throw unauthorized("Incorrect API key provided.", "invalid_api_key");
      return found;
    },
  };
}
