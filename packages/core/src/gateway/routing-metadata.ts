import { z } from "zod";
import { WarningSchema } from "./warning";

/** What the request cost, in USD, and what prompt caching saved. */
export const RoutingCostSchema = z.looseObject({
  usd: z.number(),
  cache_savings_percent: z.number().optional(),
  cache_savings_usd: z.number().optional(),
  /** Extension: the parts of `usd`, each in USD. */
  breakdown: z
    .looseObject({
      input: z.number(),
      cached_input: z.number(),
      cache_write: z.number(),
      output: z.number(),
      fees: z.number(),
    })
    .optional(),
});

/** One provider attempt the router made for a request. */
export const RoutingAttemptSchema = z.looseObject({
  provider: z.string(),
  provider_model_id: z.string(),
  model_canonical: z.string(),
  outcome: z.enum(["success", "failed", "skipped"]),
  status: z.number().int().optional(),
  error_code: z.string().optional(),
  duration_ms: z.number().optional(),
});

/** `routing_metadata`: which provider served the request, how fast, what it cost, and what was changed. */
export const RoutingMetadataSchema = z.looseObject({
  provider: z.string(),
  provider_model_id: z.string(),
  model_canonical: z.string(),
  routing_strategy: z.string(),
  ttft_ms: z.number().optional(),
  throughput_tps: z.number().optional(),
  /** `null` when the model has no known price (with an `unknown_price` warning). */
  cost: RoutingCostSchema.nullable().optional(),
  warnings: z.array(WarningSchema).optional(),
  attempts: z.array(RoutingAttemptSchema).optional(),
});

export type RoutingCost = z.infer<typeof RoutingCostSchema>;
export type RoutingAttempt = z.infer<typeof RoutingAttemptSchema>;
export type RoutingMetadata = z.infer<typeof RoutingMetadataSchema>;
