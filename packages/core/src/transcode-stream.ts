import type { Warning } from "./gateway/warning";

/** A push state machine that turns inputs into outputs and records warnings as it goes. */
export interface PushTranscoder<Input, Output> {
  push(input: Input): Output[];
  end(): Output[];
  /** Warnings recorded so far; only ever appended to. */
  readonly warnings: readonly Warning[];
}

/**
 * Feeds every input into `transcoder` and yields its outputs, then those of `end()`. The transcoder's new
 * warnings are appended to `warnings` after each call, before its outputs are yielded, and once more when
 * the stream stops (a throw or an early return), so none recorded before a failure is lost.
 */
export async function* pumpTranscoder<Input, Output>(
  inputs: AsyncIterable<Input>,
  transcoder: PushTranscoder<Input, Output>,
  warnings: Warning[],
): AsyncGenerator<Output> {
  let reported = 0;
  const report = () => {
    warnings.push(...transcoder.warnings.slice(reported));
    reported = transcoder.warnings.length;
  };
  try {
    for await (const input of inputs) {
      const outputs = transcoder.push(input);
      report();
      yield* outputs;
    }
    const rest = transcoder.end();
    report();
    yield* rest;
  } finally {
    report();
  }
}
