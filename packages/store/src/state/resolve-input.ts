import type { ResponseInputItem, Translation } from "@switchyard/core";
import type { Producer, StoredChain, StoredItem } from "../records";
import type { ContextItem } from "./context-item";
import { applyReasoningRule } from "./reasoning-for-target";

/** A request's `input` as items: a string is one user message, as OpenAI lists it among input items. */
export function inputItemsOf(input: string | readonly ResponseInputItem[] | undefined): ResponseInputItem[] {
  if (input === undefined) return [];
  if (typeof input === "string") {
    return [{ type: "message", role: "user", content: [{ type: "input_text", text: input }] }];
  }
  return [...input];
}

/**
 * The full input of a turn that continues a stored chain (`previous_response_id`): every earlier turn's
 * input then output (reasoning items included), oldest first, then the new input (references resolved).
 * Instructions are not inherited: they are never items. Opaque reasoning state follows
 * `applyReasoningRule` for `target`.
 */
export function inputFromChain(
  chain: StoredChain,
  newInput: readonly ContextItem[],
  target: Producer,
): Translation<ResponseInputItem[]> {
  const history: ContextItem[] = chain.turns.flatMap((turn) => [...turn.input, ...turn.output]);
  const { input, warnings } = applyReasoningRule([...history, ...newInput], target);
  return { value: input, warnings };
}

/**
 * The full input of a turn on a conversation: the conversation's items in order, then the new input
 * (references resolved), under the same reasoning rule.
 */
export function inputFromConversation(
  items: readonly StoredItem[],
  newInput: readonly ContextItem[],
  target: Producer,
): Translation<ResponseInputItem[]> {
  const { input, warnings } = applyReasoningRule([...items, ...newInput], target);
  return { value: input, warnings };
}
