import { createSseParser, type SseEvent, type SseParser, type Warning } from "@switchyard/core";
import type { SseTranscoder } from "./sse-transcoder";

/**
 * The shared frame loop of both SSE transcoders: upstream bytes are parsed into SSE frames and each frame's
 * output text is concatenated; `end()` flushes the last frame, then appends `finish()`. Warnings are those
 * of the wrapped event transcoder.
 */
export abstract class SseFrameTranscoder<Transcoder extends { readonly warnings: Warning[] }>
  implements SseTranscoder
{
  private readonly parser: SseParser = createSseParser();

  protected constructor(protected readonly transcoder: Transcoder) {}

  get warnings(): Warning[] {
    return this.transcoder.warnings;
  }

  push(bytes: Uint8Array | string): string {
    return this.frames(this.parser.push(bytes));
  }

  end(): string {
    const out = this.frames(this.parser.end());
    return out + this.finish();
  }

  /** The output text of one upstream frame, possibly empty. */
  protected abstract frame(frame: SseEvent): string;

  /** The closing output text, once the upstream closed and its last frame was read. */
  protected abstract finish(): string;

  private frames(frames: SseEvent[]): string {
    let out = "";
    for (let position = 0; position < frames.length; position++) out += this.frame(frames[position]!);
    return out;
  }
}
