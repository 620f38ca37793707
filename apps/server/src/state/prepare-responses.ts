import {
  type IdGenerator,
  invalidRequest,
  type ResponseInputItem,
  type ResponseObject,
  type ResponsesRequest,
  type Warning,
} from "@switchyard/core";
import type { AttemptTarget } from "@switchyard/router";
import {
  applyReasoningRule,
  type ContextItem,
  inputItemsOf,
  itemReferenceIds,
  type Owner,
  type Producer,
  resolveItemReferences,
  type Storage,
  type StoredChain,
  type StoredItem,
} from "@switchyard/store";
import type { ClientIdentity } from "../auth";
import type { ServerServices } from "../server-services";
import { expandCompactions } from "./compaction";
import { storedItemShape } from "./item-shape";
import { storingTurnedOff, unknownReference } from "./state-errors";
import { ownerOf } from "./stored-objects";

/** The stored state a request continues: a chain or a conversation (never both), and its own input. */
export interface ResolvedState {
  chain?: StoredChain;
  conversationItems?: StoredItem[];
  /** The request's own input, `item_reference`s replaced by the stored items. */
  newInput: ContextItem[];
  /** Whether anything stored went into the input (a chain, a conversation or a reference). */
  stateful: boolean;
}

/** A Responses request checked against the store settings and its stored state read. */
export interface PreparedResponses {
  responseId: string;
  owner: Owner;
  /** Whether the response is written to the store when it ends. */
  stores: boolean;
  conversationId: string | null;
  previousResponseId: string | null;
  /** The ids of the answer: `resp` is always `responseId`. */
  ids: IdGenerator;
  /** This turn's own input items, ids assigned, as they are stored and listed. */
  inputItems: StoredItem[];
  /** The full input for a target (opaque reasoning only for its producer), and what was dropped. */
  inputFor(target: AttemptTarget | undefined): { input: string | ResponseInputItem[]; warnings: Warning[] };
  /** Whether stored state (a chain, a conversation, a referenced item) goes into the input. */
  stateful: boolean;
  /** The opened store; only when `stores` or the request read stored state. */
  storage: Storage | undefined;
  /** Warnings about the state itself (a chain cut short by a deleted response). */
  warnings: Warning[];
}

/** The producer of an attempt at a target, as stored items record it. */
export const producerOf = (target: AttemptTarget): Producer => ({
  provider: target.offering.provider,
  model: target.offering.providerModelId,
});

/** Before routing nothing produced the answer yet: any stored opaque reasoning counts as foreign. */
const NO_PRODUCER: Producer = { provider: "", model: "" };

const conversationIdOf = (conversation: ResponsesRequest["conversation"]): string | null =>
  conversation == null ? null : typeof conversation === "string" ? conversation : conversation.id;

/** The id prefix OpenAI gives an item of each type (`msg_`, `fc_`, `rs_`, ...), for items sent without one. */
function itemIdPrefix(item: ResponseInputItem): string {
  switch (item.type) {
    case undefined:
    case "message":
      return "msg";
    case "function_call":
      return "fc";
    case "function_call_output":
      return "fco";
    case "reasoning":
      return "rs";
    default:
      return "item";
  }
}

/** Gives every item an id, keeping the ids items already have. */
export function withItemIds(items: readonly ContextItem[], ids: IdGenerator): StoredItem[] {
  return items.map((entry) => {
    const own = (entry.item as { id?: unknown }).id;
    const id = entry.id ?? (typeof own === "string" && own !== "" ? own : ids(itemIdPrefix(entry.item)));
    // Stored items are kept as the producer returned them; what the client sent gets OpenAI's listed shape.
    const shaped = entry.producer === null ? storedItemShape(entry.item) : entry.item;
    const item = own === id && shaped === entry.item ? shaped : ({ ...shaped, id } as ResponseInputItem);
    return { id, item, producer: entry.producer };
  });
}

/** The checks every stateful request passes before it touches the store. */
function checkStateFields(request: ResponsesRequest, enabled: boolean, references: readonly string[]): void {
  if (!enabled) {
    if (request.store === true) throw storingTurnedOff("store");
    if (request.previous_response_id != null) throw storingTurnedOff("previous_response_id");
    if (request.conversation != null) throw storingTurnedOff("conversation");
    if (request.background === true) throw storingTurnedOff("background");
    const index = (Array.isArray(request.input) ? request.input : []).findIndex(
      (item) => item.type === "item_reference",
    );
    if (references.length > 0) throw storingTurnedOff(`input[${index}]`);
  }
  if (request.previous_response_id != null && request.conversation != null)
    throw invalidRequest(
      "previous_response_id: cannot be used together with conversation; send one of them.",
      "previous_response_id",
    );
  if (request.background === true && request.store === false)
    throw invalidRequest(
      "background: a background response is stored so it can be polled; send store: true (or omit it).",
      "background",
    );
}

/** Reads the stored state a request names: its chain or conversation, and the items it references. */
async function resolveState(
  storage: Storage,
  owner: Owner,
  request: ResponsesRequest,
  references: readonly string[],
): Promise<ResolvedState> {
  const input = inputItemsOf(request.input);
  const previous = request.previous_response_id;
  const conversationId = conversationIdOf(request.conversation);
  const [found, chain, conversationItems] = await Promise.all([
    references.length > 0 ? storage.responses.findItems(owner, references) : undefined,
    previous == null ? undefined : storage.responses.readChain(owner, previous),
    conversationId === null ? undefined : storage.conversations.readItems(owner, conversationId),
  ]);
  if (previous != null && chain === undefined)
    throw unknownReference("Response", previous, "previous_response_id");
  if (conversationId !== null && conversationItems === undefined)
    throw unknownReference("Conversation", conversationId, "conversation");
  const newInput =
    found === undefined
      ? input.map((item) => ({ item, producer: null }))
      : resolveItemReferences(input, found);
  return {
    ...(chain === undefined ? {} : { chain }),
    ...(conversationItems === undefined ? {} : { conversationItems }),
    newInput,
    stateful: chain !== undefined || conversationItems !== undefined || found !== undefined,
  };
}

/**
 * Checks a Responses request's state fields against the operator's settings (storing off: a 400 naming the
 * field), reads the chain, conversation and referenced items it names (another key's ids read as unknown:
 * a 400 naming the field), and returns how to build each attempt's input and store the answer. `store`
 * defaults to true, as on OpenAI. The store is opened only when the request needs it; unreachable, that
 * is a 503 naming it, while `store: false` requests without stored state never touch it.
 */
export async function prepareResponses(
  services: ServerServices,
  identity: ClientIdentity | undefined,
  request: ResponsesRequest,
): Promise<PreparedResponses> {
  const state = services.state;
  const input = Array.isArray(request.input) ? request.input : [];
  const references = itemReferenceIds(input);
  checkStateFields(request, state.enabled, references);
  const responseId = services.ids("resp");
  const ids: IdGenerator = (prefix) => (prefix === "resp" ? responseId : services.ids(prefix));
  const owner = ownerOf(identity);
  const stores = state.enabled && request.store !== false;
  const conversationId = conversationIdOf(request.conversation);
  const needsStore =
    stores || request.previous_response_id != null || conversationId !== null || references.length > 0;
  const storage = needsStore ? await state.storage() : undefined;
  const resolved: ResolvedState =
    storage === undefined
      ? { newInput: inputItemsOf(request.input).map((item) => ({ item, producer: null })), stateful: false }
      : await resolveState(storage, owner, request, references);
  const warnings: Warning[] = [];
  const missing = resolved.chain?.missingAncestorId;
  if (missing != null)
    warnings.push({
      type: "dropped_content",
      code: "previous_response_id",
      message: `The chain is cut short at response '${missing}', which was deleted or expired; the turns before it are not in the input.`,
    });
  const history: ContextItem[] = resolved.chain
    ? resolved.chain.turns.flatMap((turn) => [...turn.input, ...turn.output])
    : (resolved.conversationItems ?? []);
  const inputFor = (target: AttemptTarget | undefined) => {
    if (!resolved.stateful) {
      const sent = request.input ?? [];
      return { input: typeof sent === "string" ? sent : expandCompactions(sent), warnings: [] };
    }
    const applied = applyReasoningRule(
      [...history, ...resolved.newInput],
      target === undefined ? NO_PRODUCER : producerOf(target),
    );
    return {
      input: expandCompactions(applied.input),
      warnings: target === undefined ? [] : applied.warnings,
    };
  };
  return {
    responseId,
    owner,
    stores,
    conversationId,
    previousResponseId: request.previous_response_id ?? null,
    ids,
    inputItems: withItemIds(resolved.newInput, services.ids),
    inputFor,
    stateful: resolved.stateful,
    storage,
    warnings,
  };
}

/** The Response object as the client sees it: the gateway's id and the request's own state fields. */
export function echoState(
  response: ResponseObject,
  prepared: PreparedResponses,
  request: ResponsesRequest,
): ResponseObject {
  return {
    ...response,
    id: prepared.responseId,
    store: prepared.stores,
    previous_response_id: prepared.previousResponseId,
    conversation: prepared.conversationId === null ? null : { id: prepared.conversationId },
    background: request.background ?? false,
  };
}
