import { formatPath } from "@switchyard/core";
import { z } from "zod";

/*
 * Schemas of the catalog. Built-in entries and operators' config-file overrides are strict objects: a
 * misspelled key (`contextWindw`) in a config file is an error naming that key, not a silently ignored field.
 */

const tokenCount = z.number().int().positive();
const price = z.number().nonnegative();

const tokenPrices = {
  input: price,
  output: price,
  cacheRead: price.optional(),
  cacheWrite: price.optional(),
  cacheWrite1h: price.optional(),
};

/** `HH:MM`, 00:00 to 24:00. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "expected HH:MM");

/** Prices in USD per million tokens, with long-context tiers, time-of-day windows and server-tool fees. */
export const OfferingPricesSchema = z.strictObject({
  ...tokenPrices,
  tiers: z
    .array(z.strictObject({ aboveInputTokens: z.number().int().nonnegative(), ...tokenPrices }))
    .optional(),
  timeOfDay: z
    .array(
      z.strictObject({
        from: clockTime,
        to: clockTime,
        utcOffsetMinutes: z.number().int().min(-720).max(840).optional(),
        weekdays: z.array(z.number().int().min(1).max(7)).optional(),
        ...tokenPrices,
      }),
    )
    .optional(),
  webSearchPerThousand: price.optional(),
});

/** A model-id rule of the price data. */
const ModelMatchSchema: z.ZodType<import("./price-snapshot").ModelMatch> = z.lazy(() =>
  z.union([
    z.strictObject({ equals: z.string() }),
    z.strictObject({ starts_with: z.string() }),
    z.strictObject({ ends_with: z.string() }),
    z.strictObject({ contains: z.string() }),
    z.strictObject({ regex: z.string() }),
    z.strictObject({ or: z.array(ModelMatchSchema) }),
    z.strictObject({ and: z.array(ModelMatchSchema) }),
  ]),
);

/** Every capability flag; all required in a complete offering. */
export const OfferingCapabilitiesSchema = z.strictObject({
  tools: z.boolean(),
  parallelTools: z.boolean(),
  vision: z.boolean(),
  jsonSchema: z.boolean(),
  reasoning: z.boolean(),
  streaming: z.boolean(),
  logprobs: z.boolean(),
});

/** `chat` or `responses`. */
export const OfferingEndpointSchema = z.enum(["chat", "responses"]);

/** A complete offering, as held in the catalog. */
export const OfferingSchema = z.strictObject({
  canonicalId: z.string().min(1),
  provider: z.string().min(1),
  providerModelId: z.string().min(1),
  prices: OfferingPricesSchema,
  contextWindow: tokenCount,
  maxOutputTokens: tokenCount,
  capabilities: OfferingCapabilitiesSchema,
  endpoints: z.array(OfferingEndpointSchema).min(1),
  versions: z.array(z.string().min(1)).optional(),
  priceMatch: ModelMatchSchema.optional(),
  unpriced: z.boolean().optional(),
  source: z.enum(["discovered", "pass-through"]).optional(),
});

/** A complete canonical model. */
export const CanonicalModelSchema = z.strictObject({
  id: z.string().min(1),
  ownedBy: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  offerings: z.array(OfferingSchema).min(1),
});

/**
 * An offering in a config-file override. Matched to an existing offering by `provider`; fields given replace
 * the existing ones (`prices` and `capabilities` key by key). A new offering needs `prices`, `contextWindow`
 * and `maxOutputTokens`; its missing capabilities default to false (streaming to true), its `endpoints` to
 * `["chat"]` and its `providerModelId` to the canonical id. `remove: true` drops the offering.
 */
export const OfferingOverrideSchema = z.strictObject({
  provider: z.string().min(1),
  providerModelId: z.string().min(1).optional(),
  prices: OfferingPricesSchema.partial().optional(),
  contextWindow: tokenCount.optional(),
  maxOutputTokens: tokenCount.optional(),
  capabilities: OfferingCapabilitiesSchema.partial().optional(),
  endpoints: z.array(OfferingEndpointSchema).min(1).optional(),
  versions: z.array(z.string().min(1)).optional(),
  remove: z.boolean().optional(),
});

/**
 * A canonical model in a config-file override. An unknown `id` adds a model; a known one is patched: its
 * aliases are extended and its offerings merged by provider. `replace: true` discards the built-in entry first.
 */
export const ModelOverrideSchema = z.strictObject({
  id: z.string().min(1),
  ownedBy: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  replace: z.boolean().optional(),
  offerings: z.array(OfferingOverrideSchema).optional(),
});

/** The `catalog` section of the config file: models to add or patch, and canonical ids to remove. */
export const CatalogOverridesSchema = z.strictObject({
  models: z.array(ModelOverrideSchema).optional(),
  remove: z.array(z.string().min(1)).optional(),
});

export type OfferingOverride = z.infer<typeof OfferingOverrideSchema>;
export type ModelOverride = z.infer<typeof ModelOverrideSchema>;
export type CatalogOverrides = z.infer<typeof CatalogOverridesSchema>;

/** A catalog that does not validate; `key` is the path of the offending key, such as `models[0].offerings[1].prices.input`. */
export class CatalogError extends Error {
  override readonly name = "CatalogError";
  readonly key: string;

  constructor(key: string, message: string) {
    super(key === "" ? message : `${key}: ${message}`);
    this.key = key;
  }
}

/** Parses `value` with `schema` or throws a `CatalogError` naming the first bad key (prefixed by `root`). */
export function parseCatalog<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  root: readonly PropertyKey[] = [],
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  let path = [...root, ...issue.path];
  let message = issue.message;
  if (issue.code === "unrecognized_keys") {
    // Name the unknown key itself, so the operator sees exactly which key to fix.
    path = [...path, issue.keys[0]!];
    message = `unknown key${issue.keys.length > 1 ? `s ${issue.keys.map((key) => `'${key}'`).join(", ")}` : ""}`;
  } else if (issue.code === "invalid_type" && issue.input === undefined) {
    message = "is required";
  }
  throw new CatalogError(formatPath(path), message);
}
