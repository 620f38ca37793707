import { describeZodError, GatewayError } from "@switchyard/core";
import type { z } from "zod";

/**
 * Parses a body an upstream produced, or throws a 502 `upstream_error` naming the bad field: a malformed
 * upstream answer is the upstream's fault, not the client's.
 */
export function parseUpstream<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { message, param } = describeZodError(result.error);
  throw new GatewayError({
    status: 502,
    type: "upstream_error",
    code: "invalid_upstream_response",
    param,
    message: `The upstream returned a malformed ${what}: ${message}`,
    retryable: false,
  });
}
