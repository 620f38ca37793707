import { createParser, type EventSourceMessage } from "eventsource-parser";

/** One server-sent event: its `event:` name (when the stream names events) and its `data:` text. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/** A push parser for SSE bytes: feed chunks split anywhere, get whole events back. */
export interface SseParser {
  /** Feeds bytes or text; returns the events completed by them. */
  push(chunk: Uint8Array | string): SseEvent[];
  /** Flushes a final event that was not followed by a blank line. */
  end(): SseEvent[];
}

/** Creates an `SseParser` on top of eventsource-parser, decoding UTF-8 across chunk boundaries. */
export function createSseParser(): SseParser {
  const decoder = new TextDecoder();
  let completed: SseEvent[] = [];
  const parser = createParser({
    onEvent(message: EventSourceMessage) {
      const event: SseEvent = { data: message.data };
      if (message.event !== undefined) event.event = message.event;
      if (message.id !== undefined) event.id = message.id;
      completed.push(event);
    },
  });
  const drain = (): SseEvent[] => {
    const events = completed;
    completed = [];
    return events;
  };
  return {
    push(chunk) {
      parser.feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
      return drain();
    },
    end() {
      const rest = decoder.decode();
      // Two line breaks complete a trailing event that the stream did not terminate; they are harmless otherwise.
      parser.feed(`${rest}\n\n`);
      parser.reset();
      return drain();
    },
  };
}

/** Parses an async iterable of SSE bytes into events. */
export async function* parseSseStream(body: AsyncIterable<Uint8Array | string>): AsyncGenerator<SseEvent> {
  const parser = createSseParser();
  for await (const chunk of body) yield* parser.push(chunk);
  yield* parser.end();
}
