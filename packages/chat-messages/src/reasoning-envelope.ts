import { REASONING_FORMATS, type ReasoningDetail } from "@switchyard/core";

/** Whether a reasoning detail was made by Claude, so it can go back to Anthropic as a native block. */
export const isAnthropicDetail = (detail: ReasoningDetail): boolean =>
  detail.format === REASONING_FORMATS.anthropic;
