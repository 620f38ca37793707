/**
 * Refreshes `src/prices.snapshot.json` from the maintained price list of @pydantic/genai-prices.
 *
 *   pnpm --filter @switchyard/router update-prices                # the data bundled in the installed package
 *   pnpm --filter @switchyard/router update-prices --remote       # the latest published data.json (needs internet)
 *   pnpm --filter @switchyard/router update-prices --date 2026-12-01
 *
 * For each offering of the built-in catalog it looks up the provider's model in the price list and keeps the
 * price in effect on `--date` (default: today). Simplifications, recorded per entry in `notes`:
 * - long-context tiers (e.g. double price above 272k input tokens) keep the base tier;
 * - time-of-day variants (DeepSeek peak hours) are ignored: the price outside those hours is kept.
 * Offerings the list does not carry are priced from `SUPPLEMENTS` below, each with the URL it was read from.
 * The script fails when an offering has no price, so a new catalog entry cannot ship unpriced.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { findProvider, type Provider, REMOTE_DATA_JSON_URL } from "@pydantic/genai-prices";
import type { PriceSnapshot } from "../src/price-snapshot";
import { catalogPrices } from "./genai-price-lookup";

/** The installed version of @pydantic/genai-prices (its package.json is not exported, so read it from disk). */
function installedVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@pydantic/genai-prices");
  const manifest = new URL("../package.json", `file://${entry}`);
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

async function loadRemoteProviders(): Promise<Provider[]> {
  const response = await fetch(REMOTE_DATA_JSON_URL);
  if (!response.ok) throw new Error(`GET ${REMOTE_DATA_JSON_URL}: HTTP ${response.status}`);
  return (await response.json()) as Provider[];
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const remote = argv.includes("--remote");
  const dateIndex = argv.indexOf("--date");
  const date = dateIndex >= 0 ? argv[dateIndex + 1]! : new Date().toISOString().slice(0, 10);
  const remoteProviders = remote ? await loadRemoteProviders() : undefined;
  const providerFor = (id: string): Provider | undefined =>
    remoteProviders
      ? remoteProviders.find((provider) => provider.id === id)
      : findProvider({ providerId: id });

  const prices = catalogPrices(providerFor, date);

  const snapshot: PriceSnapshot = {
    source: remote ? REMOTE_DATA_JSON_URL : `@pydantic/genai-prices@${installedVersion()}`,
    effectiveDate: date,
    prices,
  };
  const target = new URL("../src/prices.snapshot.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(snapshot, null, 2)}\n`);
  process.stdout.write(`wrote ${Object.keys(prices).length} prices (${snapshot.source}, ${date})\n`);
}

await main();
