import type { ItemBody, Producer, StoredItem } from "../records";
import type { SqlRow, SqlValue } from "./sql-database";

/** The producer columns of a row (`producer_provider`, `producer_model` under an optional prefix). */
export function producerOf(row: SqlRow, prefix = ""): Producer | null {
  const provider = row[`${prefix}producer_provider`];
  const model = row[`${prefix}producer_model`];
  return typeof provider === "string" && typeof model === "string" ? { provider, model } : null;
}

/** The producer as its two column values. */
export function producerValues(producer: Producer | null): [SqlValue, SqlValue] {
  return producer === null ? [null, null] : [producer.provider, producer.model];
}

/** An item row (`item_id`, `body`, producer columns) as a `StoredItem`. */
export function itemOf(row: SqlRow, prefix = ""): StoredItem {
  return {
    id: String(row[`${prefix}item_id`]),
    item: JSON.parse(String(row[`${prefix}body`])) as ItemBody,
    producer: producerOf(row, prefix),
  };
}

/** A column that PostgreSQL may return as a string (bigint) as a number. */
export function numberOf(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}
