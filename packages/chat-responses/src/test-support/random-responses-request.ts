import type { InputContent, ResponseInputItem, ResponsesRequest, ResponsesTool } from "@switchyard/core";

/** A small seeded PRNG (mulberry32), so every generated case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ["Hello", "  ", "", "Grüße 🚂", "日本語", "line\nbreak", '{"a":1}', "Tab\there"];
const NAMES = ["get_weather", "search", "calc", "now"];

/** Builds varied, valid Responses requests that a Chat upstream can serve (no built-ins, no stored state). */
export function createRequestGenerator(seed: number) {
  const random = seededRandom(seed);
  const chance = (probability: number) => random() < probability;
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  let counter = 0;
  const next = (prefix: string) => `${prefix}_${++counter}`;

  const userPart = (): InputContent =>
    pick<() => InputContent>([
      () => ({ type: "input_text", text: pick(TEXTS) }),
      () => ({
        type: "input_image",
        image_url: pick(["https://example.com/a.png", "data:image/png;base64,iVBORw0KGgo="]),
        ...(chance(0.5) ? { detail: pick(["low", "high", "auto"] as const) } : {}),
      }),
      () =>
        chance(0.5)
          ? { type: "input_file", file_id: next("file") }
          : { type: "input_file", file_data: "data:application/pdf;base64,JVBERi0=", filename: "a.pdf" },
      () => ({ type: "input_audio", input_audio: { data: "UklGRg==", format: "wav" } }),
    ])();

  const userMessage = (): ResponseInputItem => ({
    ...(chance(0.5) ? { type: "message" as const } : {}),
    role: "user",
    content: chance(0.4) ? pick(TEXTS) : Array.from({ length: int(1, 3) }, userPart),
  });

  /** A reasoning item with at least one of summary, text and encrypted content (an empty one carries nothing). */
  const reasoning = (): ResponseInputItem => {
    const encrypted = chance(0.7);
    const text = chance(0.4);
    return {
      type: "reasoning",
      id: next("rs"),
      summary: chance(0.6) || (!encrypted && !text) ? [{ type: "summary_text", text: pick(TEXTS) }] : [],
      ...(text ? { content: [{ type: "reasoning_text" as const, text: "thinking" }] } : {}),
      ...(encrypted ? { encrypted_content: `blob-${next("enc")}` } : {}),
    };
  };

  const assistantText = (nonEmpty: boolean): ResponseInputItem => {
    const text = nonEmpty ? `${pick(TEXTS)}!` : pick(TEXTS);
    return {
      type: "message",
      role: "assistant",
      id: next("msg"),
      status: "completed",
      content: chance(0.3)
        ? text
        : chance(0.15)
          ? [{ type: "refusal", refusal: "I can't." }]
          : [{ type: "output_text", text, annotations: [] }],
      ...(chance(0.4) ? { phase: pick(["commentary", "final_answer"] as const) } : {}),
    };
  };

  /** One assistant turn: optional reasoning, optional text, then calls and their outputs, or a final text. */
  const assistantTurn = (): ResponseInputItem[] => {
    const items: ResponseInputItem[] = [];
    if (chance(0.4)) items.push(reasoning());
    const calls = chance(0.6) ? int(1, 3) : 0;
    if (calls === 0) return [...items, assistantText(false)];
    if (chance(0.4)) items.push(assistantText(true));
    const ids = Array.from({ length: calls }, () => next("call"));
    for (const callId of ids) {
      items.push({ type: "function_call", call_id: callId, name: pick(NAMES), arguments: '{"x":1}' });
    }
    for (const callId of ids) {
      items.push({
        type: "function_call_output",
        call_id: callId,
        output: chance(0.7) ? pick(TEXTS) : [{ type: "input_text", text: "result" }, userPart()],
      });
    }
    return items;
  };

  const tools = (): ResponsesTool[] =>
    NAMES.slice(0, int(1, 3)).map((name) => ({
      type: "function",
      name,
      ...(chance(0.5) ? { description: `The ${name} tool.` } : {}),
      parameters: { type: "object", properties: { x: { type: "number" } } },
      ...(chance(0.5) ? { strict: chance(0.5) } : {}),
    }));

  return (): ResponsesRequest => {
    const request: ResponsesRequest = { model: pick(["gpt-4.1", "o3", "deepseek-chat"]) };
    if (chance(0.2)) {
      request.input = pick(TEXTS.filter((text) => text !== ""));
    } else {
      const input: ResponseInputItem[] = [];
      if (chance(0.3)) input.push({ role: pick(["system", "developer"] as const), content: "Rules." });
      for (let turn = int(1, 3); turn > 0; turn--) input.push(userMessage(), ...assistantTurn());
      if (chance(0.7)) input.push(userMessage());
      request.input = input;
    }
    if (chance(0.5)) request.instructions = pick(["Be brief.", "Réponds en français."]);
    if (chance(0.5)) {
      request.tools = tools();
      const first = request.tools[0] as { name: string };
      request.tool_choice = pick([
        "auto",
        "none",
        "required",
        { type: "function", name: first.name },
        { type: "allowed_tools", mode: "auto", tools: [{ type: "function", name: first.name }] },
      ] as const);
      if (chance(0.5)) request.parallel_tool_calls = chance(0.5);
    }
    if (chance(0.4)) request.temperature = pick([0, 0.5, 1.3]);
    if (chance(0.3)) request.top_p = pick([0.1, 0.9]);
    if (chance(0.3)) request.max_output_tokens = int(1, 4096);
    if (chance(0.2)) request.frequency_penalty = pick([-1, 0.5]);
    if (chance(0.2)) request.presence_penalty = pick([-0.5, 1]);
    if (chance(0.2)) request.top_logprobs = int(0, 5);
    if (chance(0.2)) request.include = ["message.output_text.logprobs"];
    if (chance(0.3)) request.stream = chance(0.5);
    if (chance(0.3)) {
      request.text = chance(0.5)
        ? { format: { type: "json_schema", name: "out", schema: { type: "object" }, strict: true } }
        : {
            format: { type: pick(["text", "json_object"] as const) },
            verbosity: pick(["low", "high"] as const),
          };
    }
    if (chance(0.3)) request.reasoning = { effort: pick(["low", "medium", "high"] as const) };
    if (chance(0.2)) request.metadata = { run: String(int(1, 9)) };
    if (chance(0.2)) request.user = "user-1";
    if (chance(0.2)) request.safety_identifier = "sid-1";
    if (chance(0.2)) request.prompt_cache_key = "cache-1";
    if (chance(0.1)) request.service_tier = "flex";
    if (chance(0.2)) request.store = false;
    return request;
  };
}
