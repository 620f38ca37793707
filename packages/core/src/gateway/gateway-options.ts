import { z } from "zod";
import { refuseGatewayOwnedFields } from "./extension-owned-fields";

/** `gateway.routing.optimize`: what the router selects for. */
export const RoutingObjectiveSchema = z.enum(["cost", "latency", "throughput", "balanced"]);

/** `gateway.routing`: the objective and the hard limits a candidate must meet. */
export const GatewayRoutingSchema = z.looseObject({
  optimize: RoutingObjectiveSchema.optional(),
  max_ttft_ms: z.number().positive().optional(),
  /** Highest acceptable price in USD per million input tokens. */
  max_input_price: z.number().nonnegative().optional(),
  /** Highest acceptable price in USD per million output tokens. */
  max_output_price: z.number().nonnegative().optional(),
  /** Providers allowed to serve the request (by provider name); all when absent. */
  providers: z.array(z.string()).optional(),
  /** Providers that must not serve the request. */
  exclude_providers: z.array(z.string()).optional(),
  /** Whether the router may fail over to the next candidate. Default true. */
  allow_fallbacks: z.boolean().optional(),
});

/** `gateway.metadata`: caller's tags and ids, recorded and stripped before the upstream call. */
export const GatewayMetadataSchema = z.strictObject({
  tags: z.array(z.string().max(50)).max(100).optional(),
  user_id: z.string().max(255).optional(),
  trace_id: z.string().max(255).optional(),
  custom_fields: z
    .record(z.string().max(50), z.string().max(200))
    .refine((fields) => Object.keys(fields).length <= 10, { message: "at most 10 custom fields are allowed" })
    .optional(),
});

/** The `gateway` request extension: multi-model candidates, routing and metadata. */
export const GatewayOptionsSchema = z.looseObject({
  models: z.array(z.string().min(1)).min(1).optional(),
  routing: GatewayRoutingSchema.optional(),
  metadata: GatewayMetadataSchema.optional(),
});

/**
 * `extensions.{anthropic,openai,google,deepseek}`: bodies merged as sent into that provider's request,
 * except the fields the gateway owns (`GATEWAY_OWNED_EXTENSION_FIELDS`), which are refused.
 */
export const ProviderExtensionsSchema = z
  .looseObject({
    anthropic: z.record(z.string(), z.unknown()).optional(),
    openai: z.record(z.string(), z.unknown()).optional(),
    google: z.record(z.string(), z.unknown()).optional(),
    deepseek: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(refuseGatewayOwnedFields);

/**
 * The rule both request schemas share: exactly one of `model` and `gateway.models`. Used as a zod
 * `superRefine` so the error names the field.
 */
export function requireOneModelSource(
  request: { model?: string | undefined; gateway?: { models?: string[] | undefined } | undefined },
  context: z.RefinementCtx,
): void {
  if (request.model !== undefined && request.gateway?.models !== undefined) {
    context.addIssue({
      code: "custom",
      path: ["gateway", "models"],
      message: "'model' and 'gateway.models' are mutually exclusive; send one of them",
    });
  } else if (request.model === undefined && request.gateway?.models === undefined) {
    context.addIssue({ code: "custom", path: ["model"], message: "required unless 'gateway.models' is set" });
  }
}

export type RoutingObjective = z.infer<typeof RoutingObjectiveSchema>;
export type GatewayRouting = z.infer<typeof GatewayRoutingSchema>;
export type GatewayMetadata = z.infer<typeof GatewayMetadataSchema>;
export type GatewayOptions = z.infer<typeof GatewayOptionsSchema>;
export type ProviderExtensions = z.infer<typeof ProviderExtensionsSchema>;
