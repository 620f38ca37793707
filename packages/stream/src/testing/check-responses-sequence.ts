import { RESPONSE_OBJECT_FIELDS } from "@switchyard/core";

interface LooseEvent {
  type: string;
  sequence_number?: number;
  item_id?: string;
  output_index?: number;
  item?: { id?: string | null; type?: string; name?: string; call_id?: string };
  response?: Record<string, unknown>;
  [field: string]: unknown;
}

const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed"]);

/**
 * The rules strict Responses clients check, as a list of violations (empty when the stream is sound):
 * created then in_progress first; sequence numbers from 0 by one; one item open at a time; unique non-empty
 * item ids; every delta on the open item; function calls added with name and call_id; one terminal event,
 * last, carrying a full Response object; `error` only right before `response.failed`.
 */
export function checkResponsesSequence(events: readonly LooseEvent[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let open: { id: string; index: number } | null = null;
  let nextIndex = 0;
  events.forEach((event, position) => {
    const at = `event ${position} (${event.type})`;
    if (event.sequence_number !== position) problems.push(`${at}: sequence_number ${event.sequence_number}`);
    if (position === 0 && event.type !== "response.created")
      problems.push(`${at}: first event must be response.created`);
    if (position === 1 && event.type !== "response.in_progress")
      problems.push(`${at}: second must be response.in_progress`);
    if (event.response !== undefined) {
      for (const field of RESPONSE_OBJECT_FIELDS) {
        if (!(field in event.response)) problems.push(`${at}: response lacks '${field}'`);
      }
    }
    if (TERMINAL.has(event.type) && position !== events.length - 1)
      problems.push(`${at}: terminal event not last`);
    if (event.type === "error" && events[position + 1]?.type !== "response.failed") {
      problems.push(`${at}: error not followed by response.failed`);
    }
    if (event.type === "response.output_item.added") {
      const id = event.item?.id ?? "";
      if (open !== null) problems.push(`${at}: item ${id} added while ${open.id} is open`);
      if (id === "" || seen.has(id)) problems.push(`${at}: item id '${id}' empty or repeated`);
      if (event.output_index !== nextIndex) problems.push(`${at}: output_index ${event.output_index}`);
      if (event.item?.type === "function_call" && (!event.item.name || !event.item.call_id)) {
        problems.push(`${at}: function_call added without name or call_id`);
      }
      seen.add(id);
      open = { id, index: nextIndex++ };
    } else if (event.type === "response.output_item.done") {
      if (open?.id !== event.item?.id) problems.push(`${at}: done for an item that is not open`);
      open = null;
    } else if (event.item_id !== undefined) {
      if (open?.id !== event.item_id || open.index !== event.output_index) {
        problems.push(`${at}: item_id ${event.item_id} is not the open item`);
      }
    }
  });
  if (!TERMINAL.has(events.at(-1)?.type ?? "")) problems.push("the stream has no terminal event");
  return problems;
}
