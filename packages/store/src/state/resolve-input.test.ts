import { GatewayError, type ResponseInputItem } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import type { Producer, StoredChain, StoredItem } from "../records";
import { itemReferenceIds, resolveItemReferences } from "./item-references";
import { inputFromChain, inputFromConversation, inputItemsOf } from "./resolve-input";

const claude: Producer = { provider: "anthropic", model: "claude-sonnet-4-5" };
const gemini: Producer = { provider: "google", model: "gemini-2.5-flash" };

const stored = (id: string, item: StoredItem["item"], producer: Producer | null = null): StoredItem => ({
  id,
  item,
  producer,
});

const user = (text: string): ResponseInputItem => ({
  type: "message",
  role: "user",
  content: [{ type: "input_text", text }],
});
const answer = (id: string, text: string): StoredItem["item"] => ({
  type: "message",
  role: "assistant",
  id,
  status: "completed",
  content: [{ type: "output_text", text, annotations: [] }],
});
const thinking = { type: "reasoning" as const, id: "rs_1", summary: [], encrypted_content: "sig-bytes" };

// Two stored turns: Claude reasoned and called a tool, then answered from the tool's result.
const chain: StoredChain = {
  missingAncestorId: null,
  turns: [
    {
      responseId: "resp_1",
      status: "completed",
      producer: claude,
      input: [stored("msg_in1", user("weather?"))],
      output: [
        stored("rs_1", thinking, claude),
        stored(
          "fc_1",
          { type: "function_call", id: "fc_1", call_id: "call_1", name: "weather", arguments: "{}" },
          claude,
        ),
      ],
    },
    {
      responseId: "resp_2",
      status: "completed",
      producer: claude,
      input: [stored("fco_1", { type: "function_call_output", call_id: "call_1", output: "sunny" })],
      output: [stored("msg_2", answer("msg_2", "It is sunny."), claude)],
    },
  ],
};

describe("inputItemsOf", () => {
  it.each<[string, Parameters<typeof inputItemsOf>[0], ResponseInputItem[]]>([
    ["a string as one user message", "hi", [user("hi")]],
    ["no input as none", undefined, []],
    ["items as they are", [{ role: "developer", content: "x" }], [{ role: "developer", content: "x" }]],
  ])("reads %s", (_label, input, expected) => {
    expect(inputItemsOf(input)).toEqual(expected);
  });
});

describe("inputFromChain", () => {
  it("puts every turn's input then output before the new input, reasoning included", () => {
    const { value, warnings } = inputFromChain(
      chain,
      [{ item: user("and tomorrow?"), producer: null }],
      claude,
    );
    expect(value).toEqual([
      user("weather?"),
      thinking,
      { type: "function_call", id: "fc_1", call_id: "call_1", name: "weather", arguments: "{}" },
      { type: "function_call_output", call_id: "call_1", output: "sunny" },
      answer("msg_2", "It is sunny."),
      user("and tomorrow?"),
    ]);
    expect(warnings).toEqual([]);
  });

  it("keeps the reasoning text but not the signature when the next turn runs on another model", () => {
    const { value, warnings } = inputFromChain(
      chain,
      [{ item: user("and tomorrow?"), producer: null }],
      gemini,
    );
    expect(value[1]).toEqual({ type: "reasoning", id: "rs_1", summary: [] });
    expect(warnings.map((warning) => warning.code)).toEqual(["reasoning.encrypted_content"]);
  });

  it("gives only the new input for an empty chain and inherits no instructions", () => {
    const { value } = inputFromChain(
      { turns: [], missingAncestorId: null },
      [{ item: user("x"), producer: null }],
      claude,
    );
    expect(value).toEqual([user("x")]);
  });
});

describe("inputFromConversation", () => {
  it("puts the conversation's items first, under the same reasoning rule", () => {
    const items = [
      stored("msg_a", user("hello")),
      stored("rs_1", thinking, claude),
      stored("msg_b", answer("msg_b", "hi"), claude),
    ];
    const { value, warnings } = inputFromConversation(
      items,
      [{ item: user("again"), producer: null }],
      gemini,
    );
    expect(value).toEqual([
      user("hello"),
      { type: "reasoning", id: "rs_1", summary: [] },
      answer("msg_b", "hi"),
      user("again"),
    ]);
    expect(warnings).toHaveLength(1);
  });
});

describe("item references", () => {
  const found = new Map([["rs_1", stored("rs_1", thinking, claude)]]);

  it("lists each referenced id once, in first-seen order", () => {
    const input: ResponseInputItem[] = [
      { type: "item_reference", id: "b" },
      user("x"),
      { type: "item_reference", id: "a" },
      { type: "item_reference", id: "b" },
    ];
    expect(itemReferenceIds(input)).toEqual(["b", "a"]);
  });

  it("replaces a reference by the stored item with its producer, and keeps client items", () => {
    const input: ResponseInputItem[] = [user("x"), { type: "item_reference", id: "rs_1" }];
    expect(resolveItemReferences(input, found)).toEqual([
      { item: user("x"), producer: null },
      { id: "rs_1", item: thinking, producer: claude },
    ]);
  });

  it("refuses an unknown id with a 400 naming the input index", () => {
    const input: ResponseInputItem[] = [user("x"), user("y"), { type: "item_reference", id: "rs_gone" }];
    let caught: unknown;
    try {
      resolveItemReferences(input, found);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GatewayError);
    expect((caught as GatewayError).status).toBe(400);
    expect((caught as GatewayError).param).toBe("input[2].id");
    expect((caught as GatewayError).message).toBe(
      "input[2]: item_reference 'rs_gone' does not name a stored item.",
    );
  });
});
