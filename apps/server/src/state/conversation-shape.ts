import type { IdGenerator } from "@switchyard/core";
import { invalidRequest, parseOrThrow, ResponseInputItemSchema } from "@switchyard/core";
import type { StoredConversation, StoredItem } from "@switchyard/store";
import { z } from "zod";
import { withItemIds } from "./prepare-responses";

/** OpenAI's limit on the items one conversation request may add. */
export const MAX_ITEMS_PER_REQUEST = 20;

/** `metadata`: up to 16 pairs, keys up to 64 characters, values up to 512, as OpenAI documents. */
export const ConversationMetadataSchema = z
  .record(z.string().max(64), z.string().max(512))
  .refine((metadata) => Object.keys(metadata).length <= 16, "at most 16 key-value pairs");

/** The body of `POST /v1/conversations`. */
export const ConversationCreateSchema = z.looseObject({
  items: z.array(ResponseInputItemSchema).max(MAX_ITEMS_PER_REQUEST).nullish(),
  metadata: ConversationMetadataSchema.nullish(),
});

/** The body of `POST /v1/conversations/{id}` (a metadata update). */
export const ConversationUpdateSchema = z.looseObject({ metadata: ConversationMetadataSchema.nullable() });

/** The body of `POST /v1/conversations/{id}/items`. */
export const ConversationItemsCreateSchema = z.looseObject({
  items: z.array(ResponseInputItemSchema).min(1).max(MAX_ITEMS_PER_REQUEST),
});

/** The Conversation object: `id`, `object`, `created_at` (seconds), `metadata`. */
export const conversationObject = (conversation: StoredConversation): Record<string, unknown> => ({
  id: conversation.id,
  object: "conversation",
  created_at: Math.floor(conversation.createdAt / 1000),
  metadata: conversation.metadata,
});

/**
 * Items a client adds to a conversation, as stored: ids given, messages in their listed shape. An
 * `item_reference` cannot be added (it names an item, it is none): a 400 naming it.
 */
export function clientItems(items: readonly unknown[], ids: IdGenerator): StoredItem[] {
  const parsed = items.map((item, index) => {
    const value = parseOrThrow(ResponseInputItemSchema, item);
    if (value.type === "item_reference")
      throw invalidRequest(
        `items[${index}]: an item_reference cannot be added to a conversation; send the item.`,
        `items[${index}]`,
      );
    return value;
  });
  return withItemIds(
    parsed.map((item) => ({ item, producer: null })),
    ids,
  );
}
