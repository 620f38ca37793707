import type { ResponseInputItem, ResponseObject } from "@switchyard/core";

/**
 * The pure parts of `response.steer` (API reference, "WebSocket events", `ResponseSteerEvent`; openai-node
 * `ResponseSteerEvent`, `ResponseSteerInput`, `ResponseSteerRequiredInput`): validating a submission and
 * naming the client-owned results a stopped response waits for.
 */

/** A valid `response.steer`: the response it targets and its input as the continuation's input items. */
export interface ParsedSteer {
  previousResponseId: string;
  /** The input exactly as sent, returned in `response.steer.failed`. */
  input: unknown;
  items: ResponseInputItem[];
}

/** Why a `response.steer` was refused before it was queued (code `invalid_input`). */
export interface InvalidSteer {
  previousResponseId: string | undefined;
  input: unknown;
  message: string;
}

const STEER_FIELDS = new Set(["type", "previous_response_id", "input"]);
const MESSAGE_FIELDS = new Set(["type", "role", "content"]);
const CONTENT_TYPES = new Set(["input_text", "input_image", "input_file"]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Why one steering message is not allowed, or undefined when it is. */
function messageProblem(item: unknown, index: number): string | undefined {
  const at = `input[${index}]`;
  if (!isRecord(item)) return `${at} must be a message object.`;
  const extra = Object.keys(item).find((key) => !MESSAGE_FIELDS.has(key));
  if (extra !== undefined)
    return `${at}.${extra} is not allowed: a steering message has only type, role and content.`;
  if (item["type"] !== undefined && item["type"] !== "message") return `${at}.type must be 'message'.`;
  if (item["role"] !== "user") return `${at}.role must be 'user': steering takes user messages only.`;
  const content = item["content"];
  if (typeof content === "string") return content === "" ? `${at}.content must not be empty.` : undefined;
  if (!Array.isArray(content) || content.length === 0)
    return `${at}.content must be a string or a non-empty array of input_text, input_image and input_file parts.`;
  const part = content.findIndex((entry) => !isRecord(entry) || !CONTENT_TYPES.has(entry["type"] as string));
  return part === -1
    ? undefined
    : `${at}.content[${part}] must be an input_text, input_image or input_file part.`;
}

/**
 * Validates a `response.steer`: only `type`, `previous_response_id` and `input` ("Do not send `stream_id`;
 * the target response determines the WebSocket lane"); `input` a non-empty string or a non-empty list of
 * user messages of text, image and file parts.
 */
export function parseSteer(event: Record<string, unknown>): ParsedSteer | InvalidSteer {
  const target = event["previous_response_id"];
  const previousResponseId = typeof target === "string" && target !== "" ? target : undefined;
  const input = event["input"];
  const invalid = (message: string): InvalidSteer => ({ previousResponseId, input, message });
  const extra = Object.keys(event).find((key) => !STEER_FIELDS.has(key));
  if (extra !== undefined)
    return invalid(`response.steer accepts only type, previous_response_id and input; remove '${extra}'.`);
  if (previousResponseId === undefined)
    return invalid("previous_response_id must name the response to steer.");
  if (typeof input === "string") {
    if (input === "") return invalid("input must not be empty.");
    return { previousResponseId, input, items: [{ type: "message", role: "user", content: input }] };
  }
  if (!Array.isArray(input) || input.length === 0)
    return invalid("input must be a string or a non-empty array of user messages.");
  for (const [index, item] of input.entries()) {
    const problem = messageProblem(item, index);
    if (problem !== undefined) return invalid(problem);
  }
  const items = input.map(
    (item: Record<string, unknown>) =>
      ({ type: "message", role: "user", content: item["content"] }) as ResponseInputItem,
  );
  return { previousResponseId, input, items };
}

/** Whether a parse result is a refusal. */
export const isInvalidSteer = (parsed: ParsedSteer | InvalidSteer): parsed is InvalidSteer =>
  "message" in parsed;

/** One `required_input` stub of `response.steer.pending`: identifying fields only, no results. */
export type RequiredInputStub = Record<string, string>;

/**
 * The client-owned results a response's output waits for, as `required_input` stubs (reference:
 * `ResponseSteerRequiredInput`): function, custom tool, computer, shell and apply-patch calls, client tool
 * searches and MCP approval requests. Empty when the response needs nothing from the client.
 */
export function requiredInputOf(response: ResponseObject): RequiredInputStub[] {
  const stubs: RequiredInputStub[] = [];
  for (const item of response.output as Record<string, unknown>[]) {
    const callId = typeof item["call_id"] === "string" ? item["call_id"] : undefined;
    switch (item["type"]) {
      case "function_call":
        if (callId !== undefined)
          stubs.push({ type: "function_call_output", call_id: callId, name: String(item["name"] ?? "") });
        break;
      case "custom_tool_call":
        if (callId !== undefined) stubs.push({ type: "custom_tool_call_output", call_id: callId });
        break;
      case "computer_call":
        if (callId !== undefined) stubs.push({ type: "computer_call_output", call_id: callId });
        break;
      case "shell_call":
        if (callId !== undefined) stubs.push({ type: "shell_call_output", call_id: callId });
        break;
      case "apply_patch_call":
        if (callId !== undefined) stubs.push({ type: "apply_patch_call_output", call_id: callId });
        break;
      case "tool_search_call":
        if (callId !== undefined && item["execution"] === "client")
          stubs.push({ type: "tool_search_output", call_id: callId, execution: "client" });
        break;
      case "mcp_approval_request":
        if (typeof item["id"] === "string")
          stubs.push({ type: "mcp_approval_response", approval_request_id: item["id"] });
        break;
    }
  }
  return stubs;
}
