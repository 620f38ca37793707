import type { ChatDelta } from "@switchyard/core";

/**
 * Carries an assistant message's `phase` (`commentary`, `final_answer`) as an extension field on the Chat
 * message, as chat-responses does for a whole Response: the first phased message's phase rides on that
 * message's first delta. A Chat message has one phase, so a later message's phase cannot be carried.
 */
export class MessagePhase {
  private seen = false;
  private pending: { outputIndex: number; phase: string } | undefined;

  /** A message item was added. Returns false when its phase cannot be carried (an earlier one was). */
  added(outputIndex: number, phase: unknown): boolean {
    if (typeof phase !== "string") return true;
    if (this.seen) return false;
    this.seen = true;
    this.pending = { outputIndex, phase };
    return true;
  }

  /** The delta, with the waiting phase added when it is the first delta of that phase's message. */
  onDelta(delta: ChatDelta, outputIndex: unknown): ChatDelta {
    if (this.pending === undefined || this.pending.outputIndex !== outputIndex) return delta;
    const { phase } = this.pending;
    this.pending = undefined;
    return { ...delta, phase };
  }

  /** Takes the phase still waiting (for the message at `outputIndex`, or any), for a chunk of its own. */
  take(outputIndex?: number): string | undefined {
    if (this.pending === undefined) return undefined;
    if (outputIndex !== undefined && this.pending.outputIndex !== outputIndex) return undefined;
    const { phase } = this.pending;
    this.pending = undefined;
    return phase;
  }
}
