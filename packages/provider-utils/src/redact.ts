/** What replaces every secret, address, path and internal error text. */
export const REDACTED = "[redacted]";

// Key-shaped tokens: OpenAI (`sk-`, `sk-proj-`, `rk-`, `sess-`), Anthropic (`sk-ant-`), DeepSeek (`sk-`),
// Google API keys (`AIza` + 35 characters), Switchyard client keys (`ak_`), and bearer tokens. OpenAI's 401
// echoes a masked key ("sk-proj-****abcd"), so `*` counts as a key character.
const KEY_PATTERNS: readonly RegExp[] = [
  /\b(?:sk|rk|sess|pk)-[A-Za-z0-9_*.-]{3,}[A-Za-z0-9_*-]/g,
  /\bAIza[0-9A-Za-z_-]{20,}/g,
  /\bak_[A-Za-z0-9_-]{4,}/g,
  /\b((?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=*-]{8,}/gi,
  /([?&;](?:key|api[_-]?key|access[_-]?token|token|sig|signature)=)[^&\s"'<>]+/gi,
];

// Host names that only make sense inside one network: single labels (`vllm`), `localhost` and the
// special-use suffixes of RFC 6761 / RFC 8375 plus the usual cluster and corporate ones.
const INTERNAL_SUFFIX =
  /(?:^|\.)(?:localhost|local|localdomain|internal|intranet|lan|home\.arpa|home|corp|svc|cluster\.local|consul)$/i;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const isInternalHost = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, "");
  return host.includes(":") || IPV4.test(host) || !host.includes(".") || INTERNAL_SUFFIX.test(host);
};

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]{}]*(?:\[[0-9a-f:.]+\][^\s"'<>()[\]{}]*)?/gi;

const redactUrl = (url: string): string => {
  if (/^file:/i.test(url)) return REDACTED;
  const authority = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(url);
  const hostname = authority?.[1] ?? "";
  if (hostname === "" || isInternalHost(hostname)) return REDACTED;
  // A public URL keeps its host (a documentation link), but never credentials in its user part.
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, "$1");
};

const ADDRESS_PATTERNS: readonly RegExp[] = [
  // IPv4 with an optional port, bracketed IPv6, and bare IPv6 with a `::` or all eight groups.
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g,
  /\[[0-9a-f]*:[0-9a-f:.]*\](?::\d{1,5})?/gi,
  /(?<![\w:])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?![\w:])/gi,
  /(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])/gi,
  // Host names under an internal suffix, with or without a port, and what DNS failures name.
  /\b(?:[a-z0-9-]+\.)*(?:localhost|[a-z0-9-]+\.(?:local|localdomain|internal|intranet|lan|corp|svc|cluster\.local|consul))(?::\d{1,5})?\b/gi,
  /\b((?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\s+)\S+/g,
];

// File system paths: Windows drive paths, POSIX paths under a system or home root, anything that ends in a
// source, config or key file name, and Node's internal module paths.
const PATH_ROOTS =
  "home|root|usr|var|tmp|etc|opt|srv|app|apps|mnt|proc|sys|dev|private|Users|Volumes|workspace|work|data|run|lib|lib64|bin|sbin|snap|nix|builds|code|src|node_modules";
const FILE_EXTENSIONS =
  "m?[jt]sx?|c[jt]s|py|rb|go|rs|java|kt|php|cs|cc|cpp|hpp|so|dylib|dll|node|json|ya?ml|toml|ini|conf|cfg|env|pem|key|crt|log|sock|sh|db|sqlite";
const PATH_PATTERNS: readonly RegExp[] = [
  /\b[A-Za-z]:\\[^\s"'<>|]+/g,
  new RegExp(`(?<![\\w.:/-])/(?:${PATH_ROOTS})(?:/[\\w.@+~-]+)+/?(?::\\d+)*`, "g"),
  new RegExp(
    `(?<![\\w.:/-])(?:\\.{0,2}/)?(?:[\\w.@+~-]+/)+[\\w.@+~-]+\\.(?:${FILE_EXTENSIONS})(?::\\d+)*\\b`,
    "g",
  ),
  /\bnode:internal\/[\w/.-]+(?::\d+)*/g,
];

// Any other host name with an explicit port: in an error text that is a service address, not a link.
// Applied after the paths, so `server.js:12` has gone as a path first.
const HOST_WITH_PORT = /\b(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*:\d{1,5}\b/gi;

// What the JavaScript engine says when the gateway itself broke; never an upstream's answer to relay.
const INTERNAL_ERROR_TEXT =
  /Maximum call stack size exceeded|Cannot read propert(?:y|ies) of (?:undefined|null)[^.]*|[\w$.]+ is not (?:a function|defined|iterable)|Invalid (?:string|array) length|(?:JavaScript )?heap out of memory|Unexpected token [^,.]*in JSON[^.]*/g;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The one redaction rule of every provider and every path: removes from `text` the given secrets (the call's
 * API key, the upstream's base URL and host), anything shaped like an API key or bearer token, internal
 * addresses (IP literals, single-label and internal-suffix host names, host names with a port, URLs on
 * them, `file:` URLs), file
 * system paths, and engine error text such as `Maximum call stack size exceeded`. Public URLs (documentation
 * links in upstream messages) keep their host. Each removed part becomes `[redacted]`.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  // URLs first, whole, so that a secret host name inside one cannot leave its scheme or port behind.
  let redacted = text.replace(URL_PATTERN, redactUrl);
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue;
    redacted = redacted.replace(new RegExp(`${escapeRegExp(secret)}(?::\\d{1,5})?`, "g"), REDACTED);
  }
  for (const pattern of KEY_PATTERNS) {
    redacted = redacted.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  for (const pattern of ADDRESS_PATTERNS) {
    redacted = redacted.replace(pattern, (match, prefix?: unknown) =>
      typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  for (const pattern of PATH_PATTERNS) redacted = redacted.replace(pattern, REDACTED);
  redacted = redacted.replace(HOST_WITH_PORT, REDACTED);
  return redacted.replace(INTERNAL_ERROR_TEXT, "internal error");
}

/**
 * The secrets of one upstream: its API key, and its base URL's origin, host and host name, so that an
 * error never names the provider's address. Relative or empty URLs add nothing.
 */
export function upstreamSecrets(baseUrl: string | undefined, apiKey?: string): string[] {
  const secrets: string[] = [];
  if (apiKey !== undefined) secrets.push(apiKey);
  if (baseUrl === undefined || baseUrl === "") return secrets;
  try {
    const url = new URL(baseUrl);
    // The longest first, so the origin goes as a whole before its host name alone.
    secrets.push(url.origin, url.host, url.hostname);
  } catch {
    // Not an absolute URL: nothing to add.
  }
  return secrets;
}

/** `redactSecrets` on every value of a header record; names are kept. */
export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly (string | undefined)[] = [],
): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) redacted[name] = redactSecrets(value, secrets);
  return redacted;
}
