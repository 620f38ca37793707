import type { ResponseObject } from "@switchyard/core";
import type { Owner, Producer, ResponseFinish, StoredItem } from "../records";

/** Two owners: everything one writes must be invisible to the other. */
export const alice: Owner = { keyId: "key_alice00000", workspaceId: "ws_1" };
export const bob: Owner = { keyId: "key_bob0000000" };

export const claude: Producer = { provider: "anthropic", model: "claude-sonnet-4-5" };
export const gemini: Producer = { provider: "google", model: "gemini-2.5-pro" };

/** A user message input item. */
export function userItem(id: string, text: string): StoredItem {
  return {
    id,
    item: { type: "message", role: "user", content: [{ type: "input_text", text }] },
    producer: null,
  };
}

/** An assistant output message. */
export function answerItem(id: string, text: string, producer: Producer | null = claude): StoredItem {
  return {
    id,
    item: {
      type: "message",
      role: "assistant",
      id,
      status: "completed",
      content: [{ type: "output_text", text, annotations: [] }],
    },
    producer,
  };
}

/** A reasoning output item with opaque state. */
export function reasoningItem(id: string, signature: string, producer: Producer | null = claude): StoredItem {
  return {
    id,
    item: {
      type: "reasoning",
      id,
      summary: [{ type: "summary_text", text: "Thinking…" }],
      encrypted_content: signature,
    },
    producer,
  };
}

/** A Response object with the fields the gateway returns, unicode and nesting included. */
export function responseObject(
  id: string,
  status: ResponseObject["status"],
  output: readonly StoredItem[] = [],
  extra: Partial<ResponseObject> = {},
): ResponseObject {
  return {
    id,
    object: "response",
    created_at: 1_764_000_000,
    status,
    background: false,
    error: null,
    incomplete_details: null,
    instructions: "Réponds en français 🇫🇷",
    metadata: { trace: 'a"b\\c' },
    model: "claude-sonnet-4-5",
    output: output.map((item) => item.item) as ResponseObject["output"],
    parallel_tool_calls: true,
    previous_response_id: null,
    store: true,
    temperature: null,
    tool_choice: "auto",
    tools: [],
    usage: null,
    ...extra,
  };
}

/** A finished turn: `id` answering `text` to one user message, after `previous`. */
export function finishedTurn(
  owner: Owner,
  id: string,
  options: {
    previous?: string | null;
    conversation?: string | null;
    input?: StoredItem[];
    output?: StoredItem[];
    producer?: Producer;
    createdAt?: number;
  } = {},
): ResponseFinish {
  const output = options.output ?? [
    reasoningItem(`rs_${id}`, `sig-${id}`),
    answerItem(`msg_${id}`, `answer ${id}`),
  ];
  return {
    id,
    owner,
    response: responseObject(id, "completed", output, { previous_response_id: options.previous ?? null }),
    previousResponseId: options.previous ?? null,
    conversationId: options.conversation ?? null,
    producer: options.producer ?? claude,
    input: options.input ?? [userItem(`in_${id}`, `question ${id}`)],
    createdAt: options.createdAt ?? 1_000,
    now: options.createdAt ?? 1_000,
  };
}
