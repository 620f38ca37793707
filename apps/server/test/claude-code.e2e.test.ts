import { readFileSync } from "node:fs";
import type { MessageCreateParamsNonStreaming, Tool } from "@anthropic-ai/sdk/resources/messages";
import { describe, expect, it } from "vitest";
import { REASONING_TEXT, TOOL_ARGUMENTS } from "./fakes/fake-reply";
import { type Fakes, useSharedHarness } from "./gateway-harness";
import { anthropicClient, readText } from "./messages-client";

/** The config example of the README's "Model names" section, which maps Claude Code's model names. */
function readmeAliasExample(): { modelAliases: Record<string, string> } {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("### Model names"));
  return JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!) as { modelAliases: Record<string, string> };
}

const EXAMPLE = readmeAliasExample();

const harness = useSharedHarness({ file: EXAMPLE });

const LONG_SYSTEM_PROMPT = Array.from(
  { length: 200 },
  (_, index) => `Rule ${index + 1}: read the code before you change it, and keep changes small.`,
).join("\n");

/** A dozen tools shaped like Claude Code's (the first is the one the fakes call). */
const TOOLS: Tool[] = ["Read", "Write", "Edit", "Bash", "Glob", "Grep", "LS", "WebFetch", "TodoWrite", "Task"]
  .map(
    (name): Tool => ({
      name,
      description: `The ${name} tool.`,
      input_schema: {
        type: "object" as const,
        properties: { path: { type: "string", description: "An absolute path." } },
        required: ["path"],
        additionalProperties: false,
        $schema: "http://json-schema.org/draft-07/schema#",
      },
    }),
  )
  .concat(
    { name: "NotebookEdit", description: "Edit a notebook cell.", input_schema: { type: "object" } },
    { name: "ExitPlanMode", description: "Leave plan mode.", input_schema: { type: "object" } },
  );

/** What Claude Code sends for a turn of the main loop. */
const claudeCodeTurn = (model: string): MessageCreateParamsNonStreaming => ({
  model,
  max_tokens: 32_000,
  system: [
    {
      type: "text",
      text: "You are Claude Code, Anthropic's official CLI for Claude.",
      cache_control: { type: "ephemeral" },
    },
    { type: "text", text: LONG_SYSTEM_PROMPT, cache_control: { type: "ephemeral" } },
  ],
  messages: [
    {
      role: "user",
      content: [
        {
          type: "text",
          text: "<system-reminder>The working directory is the project root.</system-reminder>",
        },
        { type: "text", text: "Read the config and fix the port.", cache_control: { type: "ephemeral" } },
      ],
    },
  ],
  tools: TOOLS,
  thinking: { type: "enabled", budget_tokens: 31_999 },
  metadata: { user_id: "user_4f2a_account_91c3_session_0b7e" },
});

const CLAUDE_CODE_HEADERS = {
  "anthropic-version": "2023-06-01",
  "anthropic-beta":
    "claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14",
  "x-app": "cli",
};

const upstreams: { name: string; model: string; fake: keyof Fakes; provider: string; clamped: boolean }[] = [
  {
    name: "DeepSeek",
    model: "claude-sonnet-4-5-20250929",
    fake: "deepseek",
    provider: "deepseek",
    // deepseek-chat, now served by DeepSeek's Flash model, writes up to 384K tokens
    clamped: false,
  },
  // Dated: the catalog's alias of `claude-haiku-4-5`, which the example maps.
  { name: "Gemini", model: "claude-haiku-4-5-20251001", fake: "gemini", provider: "google", clamped: false },
];

describe("a Claude Code request on another model", () => {
  it.each(upstreams)(
    "is served by $name, and the SDK's stream accumulator accepts the stream",
    async (upstream) => {
      const client = anthropicClient(harness);
      const stream = client.messages.stream(claudeCodeTurn(upstream.model), { headers: CLAUDE_CODE_HEADERS });
      const { response } = await stream.withResponse();
      const message = await stream.finalMessage();

      // The answer the fakes give to a thinking request with tools: reasoning, then a call of the first tool.
      expect(message.model).toBe(upstream.model);
      expect(message.stop_reason).toBe("tool_use");
      const thinking = message.content.filter((block) => block.type === "thinking");
      expect(thinking.map((block) => block.thinking).join("")).toBe(REASONING_TEXT);
      expect(message.content.filter((block) => block.type === "tool_use")).toEqual([
        { type: "tool_use", id: expect.any(String), name: "Read", input: TOOL_ARGUMENTS },
      ]);
      expect(message.usage.output_tokens).toBeGreaterThan(0);

      expect(response.headers.get("x-switchyard-provider")).toBe(upstream.provider);
      expect(response.headers.get("x-switchyard-model")).toBe(
        upstream.provider === "google" ? "gemini-2.5-flash" : "deepseek-chat",
      );
      const warnings = JSON.parse(response.headers.get("x-switchyard-warnings") ?? "[]") as {
        code: string;
      }[];
      expect(warnings.some((warning) => warning.code === "max_tokens")).toBe(upstream.clamped);

      const sent = JSON.stringify(harness.fakes[upstream.fake].lastRequest.body);
      expect(sent).toContain("Rule 200: read the code");
      for (const tool of TOOLS) expect(sent).toContain(`"${tool.name}"`);
      await expect
        .poll(() => harness.logLines.find((line) => line["path"] === "/v1/messages"))
        .toMatchObject({
          status: 200,
          stream: true,
          requested_model: upstream.model,
          provider: upstream.provider,
        });
    },
  );

  it("keeps max_tokens within the output limit of the model that serves it", async () => {
    await anthropicClient(harness)
      .messages.stream(claudeCodeTurn("claude-3-5-haiku-20241022"))
      .finalMessage();
    // gemini-2.0-flash writes at most 8,192 tokens; Claude Code asked for 32,000
    expect(harness.fakes.gemini.lastRequest.body).toMatchObject({
      generationConfig: { maxOutputTokens: 8_192 },
    });
  });

  it("serves the small fast model's background request whole", async () => {
    const client = anthropicClient(harness);
    const message = await client.messages.create({
      model: "claude-haiku-4-5",
      max_tokens: 512,
      system: [{ type: "text", text: "Analyze if this message indicates a new conversation topic." }],
      messages: [{ role: "user", content: "Read the config and fix the port." }],
      metadata: { user_id: "user_4f2a_account_91c3_session_0b7e" },
    });
    expect(message.content).toEqual([{ type: "text", text: "Hello from the gemini fake!", citations: null }]);
    expect(harness.fakes.gemini.requests).toHaveLength(1);
  });

  it("maps the names of the README example", async () => {
    expect(EXAMPLE.modelAliases).toMatchObject({ "claude-sonnet-4-6": "deepseek-chat" });
    const response = await fetch(`${harness.url}/v1/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer ak_team_a" },
      body: JSON.stringify({
        model: "claude-sonnet-4-6",
        max_tokens: 64,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-switchyard-model")).toBe("deepseek-chat");
    // The client's own name is echoed, as Anthropic echoes the model asked for.
    expect(JSON.parse(await readText(response))).toMatchObject({ model: "claude-sonnet-4-6" });
  });

  it("still reaches Anthropic for a Claude name the operator did not map", async () => {
    const message = await anthropicClient(harness).messages.create({
      model: "claude-sonnet-4-20250514",
      max_tokens: 64,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(message.content).toEqual([{ type: "text", text: "Hello from the anthropic fake!" }]);
  });
});
