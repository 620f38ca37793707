import { type Clock, systemClock } from "@switchyard/core";

const DECIMAL = /^\d+(?:\.\d+)?$/;

/**
 * The delay an upstream asks for before a retry, in whole milliseconds, from lower-cased response headers:
 * `retry-after-ms` (OpenAI's and Anthropic's SDKs read it first), else `retry-after` as seconds or as an
 * HTTP date (https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); a date in the past is 0. Anything
 * else (negative, empty, unparseable) is `undefined`.
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string | undefined>>,
  clock: Clock = systemClock,
): number | undefined {
  const milliseconds = headers["retry-after-ms"]?.trim();
  if (milliseconds !== undefined && DECIMAL.test(milliseconds)) return Math.round(Number(milliseconds));
  const value = headers["retry-after"]?.trim();
  if (value === undefined || value === "") return undefined;
  if (DECIMAL.test(value)) return Math.round(Number(value) * 1000);
  // An HTTP date always names a weekday or month; this keeps `Date.parse` from reading "-1" or "12" as dates.
  if (!/[a-z]/i.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - clock());
}
