import type { ResponseInputItem } from "@switchyard/core";

/**
 * An item as OpenAI lists it once stored: a message gets `type: "message"` and `status: "completed"`, and
 * string content becomes one `input_text` part (`output_text` for the assistant).
 */
export function storedItemShape(item: ResponseInputItem): ResponseInputItem {
  if (item.type !== undefined && item.type !== "message") return item;
  const message = item as { role: string; content: unknown; status?: unknown };
  const part = message.role === "assistant" ? "output_text" : "input_text";
  const content =
    typeof message.content === "string"
      ? [
          part === "output_text"
            ? { type: part, text: message.content, annotations: [] }
            : { type: part, text: message.content },
        ]
      : message.content;
  return { ...item, type: "message", status: message.status ?? "completed", content } as ResponseInputItem;
}
