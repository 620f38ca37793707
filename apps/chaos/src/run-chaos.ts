import { badInputs } from "./bad-inputs";
import { CHAOS_CLIENT_KEY, type ChaosFakes, startFakes, startGateway, UPSTREAM_KEYS } from "./chaos-gateway";
import { type Endpoint, errorAnswerOf, faultOutcomeOf, leaksIn, streamEndingOf } from "./classify";
import { FAULTS } from "./fault-cases";
import { type ChaosCounts, chaosTable, sampleMemory } from "./report";
import { type Reply, send } from "./send";

const ENDPOINTS: readonly Endpoint[] = ["/v1/chat/completions", "/v1/responses", "/v1/messages"];

/** Each provider path, behind the fake of its upstream protocol, and the healthy model tried after it. */
const PROVIDERS = [
  {
    provider: "openai",
    fake: "openai",
    model: "gpt-4o",
    fallback: { provider: "anthropic", model: "claude-sonnet-4-6" },
  },
  {
    provider: "anthropic",
    fake: "anthropic",
    model: "claude-sonnet-4-6",
    fallback: { provider: "google", model: "gemini-2.5-flash" },
  },
  {
    provider: "google",
    fake: "gemini",
    model: "gemini-2.5-flash",
    fallback: { provider: "anthropic", model: "claude-sonnet-4-6" },
  },
  {
    provider: "deepseek",
    fake: "deepseek",
    model: "deepseek-chat",
    fallback: { provider: "anthropic", model: "claude-sonnet-4-6" },
  },
] as const satisfies readonly { provider: string; fake: keyof ChaosFakes; model: string; fallback: object }[];

const headers = (contentType = "application/json") => ({
  authorization: `Bearer ${CHAOS_CLIENT_KEY}`,
  "x-api-key": CHAOS_CLIENT_KEY,
  "content-type": contentType,
});

/** A request body of the endpoint for `models` (the first also as `model`, which Messages requires). */
function bodyFor(endpoint: Endpoint, models: readonly string[], stream: boolean): string {
  const route = models.length > 1 ? { gateway: { models } } : { model: models[0] };
  const messages = [{ role: "user", content: "hi" }];
  if (endpoint === "/v1/chat/completions") return JSON.stringify({ ...route, messages, stream });
  if (endpoint === "/v1/responses") return JSON.stringify({ ...route, input: "hi", stream });
  return JSON.stringify({ model: models[0], ...route, max_tokens: 64, messages, stream });
}

/** Runs `work` over `items`, `concurrency` at a time. */
async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const memory = sampleMemory();
  const replies: Reply[] = [];
  const secretsOf = (fakes: ChaosFakes): string[] => [
    ...Object.values(UPSTREAM_KEYS),
    ...Object.values(fakes).map((fake) => new URL(fake.url).host),
    "/srv/switchyard/internal/config.json",
    "internal-db.prod.example:5432",
  ];
  const counts: ChaosCounts = {
    badInputs: { tried: 0, clean4xx: 0, namingField: 0, withFieldPath: 0, served5xxOrWorse: 0 },
    afterBadInputs: { tried: 0, served: 0 },
    faults: { injected: 0, failedOver: 0, served: 0, failedCleanly: 0, unclean: 0 },
    streams: { started: 0, intact: 0, terminalError: 0, broken: 0 },
    secrets: { answersScanned: 0, leaking: 0 },
    memory: { peakRssMb: 0, peakHeapMb: 0, startRssMb: 0 },
    durationS: 0,
  };
  const unclean: string[] = [];
  const leaks = new Set<string>();
  const countStream = (endpoint: Endpoint, reply: Reply) => {
    if (reply.status !== 200 || !reply.headers["content-type"]?.startsWith("text/event-stream")) return;
    counts.streams.started++;
    const ending = streamEndingOf(endpoint, reply.text);
    if (ending === "intact") counts.streams.intact++;
    else if (ending === "terminal error") counts.streams.terminalError++;
    else counts.streams.broken++;
  };
  const scan = (reply: Reply, secrets: readonly string[], label: string) => {
    replies.push(reply);
    counts.secrets.answersScanned++;
    const found = leaksIn(reply, secrets);
    if (found.length > 0) {
      counts.secrets.leaking++;
      leaks.add(`${label}: ${found.join(", ")}`);
    }
  };

  // 1. Bad inputs, all on one gateway, then a normal request per endpoint from the same gateway.
  {
    const fakes = await startFakes();
    const gateway = await startGateway(fakes);
    for (const input of badInputs()) {
      const reply = await send(`${gateway.url}${input.endpoint}`, input.body, {
        headers: headers(input.contentType),
      });
      counts.badInputs.tried++;
      const answer = errorAnswerOf(input.endpoint, reply.text);
      const clean = reply.failure === undefined && reply.status >= 400 && reply.status < 500 && answer.shaped;
      if (clean) counts.badInputs.clean4xx++;
      else
        unclean.push(
          `bad input '${input.name}' on ${input.endpoint}: ${reply.status} ${reply.failure ?? reply.text.slice(0, 120)}`,
        );
      if (input.namesField) {
        counts.badInputs.namingField++;
        if (clean && answer.fieldPath !== null) counts.badInputs.withFieldPath++;
      }
      scan(reply, secretsOf(fakes), `bad input '${input.name}'`);
    }
    for (const endpoint of ENDPOINTS) {
      const reply = await send(`${gateway.url}${endpoint}`, bodyFor(endpoint, ["claude-sonnet-4-6"], false), {
        headers: headers(),
      });
      counts.afterBadInputs.tried++;
      if (reply.status === 200) counts.afterBadInputs.served++;
      scan(reply, secretsOf(fakes), `after bad inputs on ${endpoint}`);
    }
    await gateway.stop();
    await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
  }

  // 2. Faults at the first of two candidates: a fresh gateway and fakes per case, four cases at a time.
  const cases = PROVIDERS.flatMap((provider) =>
    ENDPOINTS.flatMap((endpoint) =>
      FAULTS.flatMap((fault) =>
        fault.modes.map((mode) => ({ provider, endpoint, fault, stream: mode === "stream" })),
      ),
    ),
  );
  await inPool(cases, 4, async ({ provider, endpoint, fault, stream }) => {
    const fakes = await startFakes();
    const gateway = await startGateway(fakes);
    const secrets = secretsOf(fakes);
    const faulty = fakes[provider.fake];
    faulty.script(fault.handler(faulty.responder, secrets));
    const reply = await send(
      `${gateway.url}${endpoint}`,
      bodyFor(endpoint, [provider.model, provider.fallback.model], stream),
      // A dribbled answer is slow by design; only an answer that never completes counts as hung.
      { headers: headers(), timeoutMs: 60_000 },
    );
    counts.faults.injected++;
    const outcome = faultOutcomeOf(endpoint, stream, reply, {
      faulty: provider.provider,
      healthy: provider.fallback.provider,
    });
    if (outcome === "failed over") counts.faults.failedOver++;
    else if (outcome === "served") counts.faults.served++;
    else if (outcome === "failed cleanly") counts.faults.failedCleanly++;
    else {
      counts.faults.unclean++;
      unclean.push(
        `fault '${fault.name}' at ${provider.provider} on ${endpoint} (stream: ${stream}): ${reply.status} ${reply.failure ?? reply.text.slice(-160)}`,
      );
    }
    if (stream) countStream(endpoint, reply);
    scan(reply, secrets, `fault '${fault.name}' at ${provider.provider} on ${endpoint}`);
    await gateway.stop();
    await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
  });

  // 3. Healthy streams under load: 25 at once per endpoint and provider, on one gateway.
  {
    const fakes = await startFakes();
    const gateway = await startGateway(fakes);
    const streams = PROVIDERS.flatMap((provider) =>
      ENDPOINTS.flatMap((endpoint) => Array.from({ length: 25 }, () => ({ provider, endpoint }))),
    );
    await inPool(streams, 50, async ({ provider, endpoint }) => {
      const reply = await send(`${gateway.url}${endpoint}`, bodyFor(endpoint, [provider.model], true), {
        headers: headers(),
      });
      countStream(endpoint, reply);
      scan(reply, secretsOf(fakes), `stream on ${provider.provider} ${endpoint}`);
    });
    await gateway.stop();
    await Promise.all(Object.values(fakes).map((fake) => fake.stop()));
  }

  counts.memory = memory.stop();
  counts.durationS = Math.round((performance.now() - started) / 1000);
  process.stdout.write(`\n${chaosTable(counts)}\n\n${counts.durationS} s, Node ${process.version}\n`);
  if (unclean.length > 0)
    process.stdout.write(`\nNot clean:\n${unclean.map((line) => `- ${line}`).join("\n")}\n`);
  if (leaks.size > 0) process.stdout.write(`\nLeaks:\n${[...leaks].map((line) => `- ${line}`).join("\n")}\n`);
  process.exitCode = unclean.length > 0 || leaks.size > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
});
