import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { recordingsRoot } from "@switchyard/core/testing";
import type { ResponseCreateParamsStreaming } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { anthropicResponder } from "./fakes/anthropic-fake";
import { afterTool, TOOL_ARGUMENTS } from "./fakes/fake-reply";
import type { FakeHandler } from "./fakes/fake-upstream";
import { geminiResponder } from "./fakes/gemini-fake";
import type { Fakes } from "./gateway-harness";
import { useSharedHarness } from "./gateway-harness";

// Codex CLI 0.171's real requests (see ../shared/recordings/clients/README.md), served on Chat-hub upstreams.
// DeepSeek is not among them yet: Codex sends parallel_tool_calls: true and the router filters out offerings
// without parallel tool calls, so deepseek-chat answers 400 "no parallel tool calls" before any translation.
const clientsDirectory = join(recordingsRoot, "clients");
const present = existsSync(clientsDirectory);
if (!present)
  console.warn(`Codex recordings not found at ${clientsDirectory}; the Codex replay tests are skipped`);

type RecordedTool = { type: string; name?: string; tools?: { name: string }[] };
type RecordedRequest = Record<string, unknown> & {
  tools: RecordedTool[];
  input: Record<string, unknown>[];
};

const readRecording = (name: string): RecordedRequest =>
  JSON.parse(readFileSync(join(clientsDirectory, `${name}.request.json`), "utf8"));

/** The Chat function names the gateway should offer for a Codex tool list. */
const expectedChatNames = (tools: readonly RecordedTool[]): string[] =>
  tools
    .flatMap((tool) =>
      tool.type === "namespace"
        ? (tool.tools ?? []).map((member) => `${tool.name}__${member.name}`)
        : tool.type === "function"
          ? [tool.name!]
          : [],
    )
    .sort();

interface UpstreamCase {
  fake: keyof Fakes;
  model: string;
  responder: FakeHandler;
  /** The function names of a native request body. */
  toolNames(body: Record<string, unknown>): string[];
  /** The same body with the named tool first: the fakes call the first tool they are offered. */
  withToolFirst(body: Record<string, unknown>, name: string): Record<string, unknown>;
}

const first = <T>(items: T[], isWanted: (item: T) => boolean): T[] => [
  ...items.filter(isWanted),
  ...items.filter((item) => !isWanted(item)),
];

type Named = { name?: string; function?: { name: string } };
const UPSTREAMS: UpstreamCase[] = [
  {
    fake: "anthropic",
    model: "claude-sonnet-4-6",
    responder: anthropicResponder,
    toolNames: (body) =>
      ((body.tools ?? []) as Named[]).filter((tool) => !("type" in tool)).map((tool) => tool.name!),
    withToolFirst: (body, name) => ({
      ...body,
      tools: first((body.tools ?? []) as Named[], (tool) => tool.name === name),
    }),
  },
  {
    fake: "gemini",
    model: "gemini-2.5-flash",
    responder: geminiResponder,
    toolNames: (body) =>
      ((body.tools ?? []) as { functionDeclarations?: Named[] }[]).flatMap((tool) =>
        (tool.functionDeclarations ?? []).map((declaration) => declaration.name!),
      ),
    withToolFirst: (body, name) => ({
      ...body,
      tools: ((body.tools ?? []) as { functionDeclarations?: Named[] }[]).map((tool) =>
        tool.functionDeclarations === undefined
          ? tool
          : {
              ...tool,
              functionDeclarations: first(tool.functionDeclarations, (entry) => entry.name === name),
            },
      ),
    }),
  },
];

const harness = useSharedHarness();

async function stream(body: RecordedRequest) {
  const runner = harness.client.responses.stream(body as unknown as ResponseCreateParamsStreaming);
  const types: string[] = [];
  runner.on("event", (event) => types.push(event.type));
  return { response: await runner.finalResponse(), types };
}

describe.skipIf(!present)("Codex 0.171's recorded requests on Chat-hub upstreams", () => {
  describe.each(UPSTREAMS)("on $model", (upstream) => {
    it("serves the first turn, namespace and web_search included, and maps a namespaced call back", async () => {
      const recorded = readRecording("codex-0.171-first-turn");
      const fake = harness.fakes[upstream.fake];
      fake.script((request, response, incoming) =>
        upstream.responder(
          {
            ...request,
            body: upstream.withToolFirst(
              request.body as Record<string, unknown>,
              "multi_agent_v1__wait_agent",
            ),
          },
          response,
          incoming,
        ),
      );
      const { response, types } = await stream({ ...recorded, model: upstream.model });

      const sent = fake.lastRequest.body as Record<string, unknown>;
      expect(upstream.toolNames(sent).sort()).toEqual(expectedChatNames(recorded.tools));
      expect(types[0]).toBe("response.created");
      expect(types.at(-1)).toBe("response.completed");
      expect(response.status).toBe("completed");
      const calls = response.output.filter((item) => item.type === "function_call");
      expect(calls).toEqual([
        expect.objectContaining({
          type: "function_call",
          name: "wait_agent",
          namespace: "multi_agent_v1",
          arguments: JSON.stringify(TOOL_ARGUMENTS),
          status: "completed",
        }),
      ]);
    });

    it.each(["codex-0.171-tool-result-turn", "codex-0.171-tool-result-turn-with-reasoning"])(
      "serves %s, the tool output reaching the model",
      async (name) => {
        const recorded = readRecording(name);
        const output = recorded.input.find((item) => item.type === "function_call_output")?.output as string;
        const { response } = await stream({ ...recorded, model: upstream.model });
        expect(response.status).toBe("completed");
        expect(response.output_text).toBe(afterTool(output));
        expect(harness.fakes[upstream.fake].lastRequest.rawBody).toContain("hi-from-tool");
      },
    );
  });
});
