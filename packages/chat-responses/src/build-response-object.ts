import type {
  ResponseError,
  ResponseObject,
  ResponseOutputItem,
  ResponseStatus,
  ResponsesRequest,
  ResponseUsage,
} from "@switchyard/core";
import { echoedTools } from "./echo-tools";

/** What a Response object is built from besides the request: everything the model run decided. */
export interface ResponseState {
  id: string;
  /** Unix time in seconds, as on the wire. */
  createdAt: number;
  model: string;
  status: ResponseStatus;
  output: ResponseOutputItem[];
  usage?: ResponseUsage | null;
  error?: ResponseError | null;
  incompleteDetails?: { reason: string } | null;
  /** Unix time in seconds; OpenAI sets it only on completed responses. */
  completedAt?: number | null;
  /** The tier the upstream reports having used; `default` when it reports none. */
  serviceTier?: string | null;
}

/** `output_text`: the concatenation of every `output_text` part of every assistant message, in order. */
export function outputTextOf(output: readonly ResponseOutputItem[]): string {
  let text = "";
  for (const item of output) {
    if (item.type !== "message") continue;
    for (const part of item.content) if (part.type === "output_text") text += part.text;
  }
  return text;
}

const conversationOf = (conversation: ResponsesRequest["conversation"]): { id: string } | null => {
  if (conversation == null) return null;
  return typeof conversation === "string" ? { id: conversation } : { id: conversation.id };
};

/**
 * The complete Response object: every field of core's `RESPONSE_OBJECT_FIELDS`, echoing the request's
 * settings with the defaults OpenAI documents and returns (temperature 1, top_p 1, truncation "disabled",
 * tool_choice "auto", parallel_tool_calls true, text format "text" with verbosity "medium", ...), null
 * where a setting has no default.
 * See https://platform.openai.com/docs/api-reference/responses/object
 */
export function buildResponseObject(request: ResponsesRequest, state: ResponseState): ResponseObject {
  return {
    id: state.id,
    object: "response",
    created_at: state.createdAt,
    status: state.status,
    background: request.background ?? false,
    completed_at: state.completedAt ?? null,
    conversation: conversationOf(request.conversation),
    error: state.error ?? null,
    incomplete_details: state.incompleteDetails ?? null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.max_output_tokens ?? null,
    max_tool_calls: request.max_tool_calls ?? null,
    metadata: request.metadata ?? {},
    model: state.model,
    output: state.output,
    output_text: outputTextOf(state.output),
    parallel_tool_calls: request.parallel_tool_calls ?? true,
    previous_response_id: request.previous_response_id ?? null,
    prompt: request.prompt ?? null,
    prompt_cache_key: request.prompt_cache_key ?? null,
    prompt_cache_retention: request.prompt_cache_retention ?? null,
    reasoning: {
      effort: request.reasoning?.effort ?? null,
      summary: request.reasoning?.summary ?? request.reasoning?.generate_summary ?? null,
    },
    safety_identifier: request.safety_identifier ?? null,
    service_tier: state.serviceTier ?? "default",
    store: request.store ?? false,
    temperature: request.temperature ?? 1,
    text: {
      format: request.text?.format ?? { type: "text" },
      verbosity: request.text?.verbosity ?? "medium",
    },
    tool_choice: request.tool_choice ?? "auto",
    tools: echoedTools(request.tools),
    top_logprobs: request.top_logprobs ?? 0,
    top_p: request.top_p ?? 1,
    frequency_penalty: request.frequency_penalty ?? 0,
    presence_penalty: request.presence_penalty ?? 0,
    truncation: request.truncation ?? "disabled",
    usage: state.usage ?? null,
    user: request.user ?? null,
  };
}
