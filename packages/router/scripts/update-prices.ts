/**
 * Refreshes `src/prices.snapshot.json` from the maintained price list of @pydantic/genai-prices.
 *
 *   pnpm --filter @switchyard/router update-prices                # the data bundled in the installed package
 *   pnpm --filter @switchyard/router update-prices --remote       # the latest published data.json (needs internet)
 *   pnpm --filter @switchyard/router update-prices --date 2026-12-01
 *
 * It keeps every chat model the list has at OpenAI, Anthropic, Google and DeepSeek (the built-in catalog is
 * generated from them), with the prices in effect on `--date` (default: today), long-context tiers and
 * time-of-day windows included, plus the price of each hand-written offering at the other providers.
 * Hand-made corrections (`MODEL_SUPPLEMENTS`, `SUPPLEMENTS` in `genai-price-lookup.ts`) name their source.
 * The script fails when a hand-written offering has no price, so a new entry cannot ship unpriced.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { findProvider, type Provider, REMOTE_DATA_JSON_URL } from "@pydantic/genai-prices";
import { buildSnapshot } from "./genai-price-lookup";

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

  const source = remote ? REMOTE_DATA_JSON_URL : `@pydantic/genai-prices@${installedVersion()}`;
  const snapshot = buildSnapshot(providerFor, date, source);
  const target = new URL("../src/prices.snapshot.json", import.meta.url);
  writeFileSync(target, `${JSON.stringify(snapshot, null, 2)}\n`);
  process.stdout.write(
    `wrote ${Object.keys(snapshot.models).length} models and ${Object.keys(snapshot.prices).length} prices (${source}, ${date})\n`,
  );
}

await main();
