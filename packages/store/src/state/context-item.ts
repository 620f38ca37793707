import type { Producer, StoredItem } from "../records";

/** An item on its way into a model's input, with who produced it (null: the client sent it). */
export type ContextItem = Omit<StoredItem, "id"> & { id?: string | undefined };

/** Whether two producers are the same provider and model. */
export function sameProducer(left: Producer, right: Producer): boolean {
  return left.provider === right.provider && left.model === right.model;
}
