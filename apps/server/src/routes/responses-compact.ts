import {
  invalidRequest,
  parseOrThrow,
  type ResponseInputItem,
  type ResponsesRequest,
  ResponsesRequestSchema,
} from "@switchyard/core";
import { inputItemsOf } from "@switchyard/store";
import { bodyReadOptions, readJsonBody } from "../read-json-body";
import { recordTarget } from "../record-routing";
import { wholeResponse } from "../responses-answer";
import { routePlannedResponses } from "../responses-attempt";
import type { Route } from "../route-table";
import { sendJson } from "../send-json";
import type { ServerServices } from "../server-services";
import { COMPACTION_INSTRUCTIONS, wrapCompaction } from "../state/compaction";
import { prepareResponses } from "../state/prepare-responses";
import { planResponses } from "../state/responses-plan";

/** The fields of `POST /v1/responses/compact` that shape the model call; others are not sent. */
const COMPACT_FIELDS = [
  "model",
  "input",
  "instructions",
  "previous_response_id",
  "prompt_cache_key",
] as const;

const isUserMessage = (item: ResponseInputItem): boolean =>
  (item.type === undefined || item.type === "message") && (item as { role?: unknown }).role === "user";

/**
 * `POST /v1/responses/compact` on any model: the model itself summarises the conversation (the input, after
 * the stored chain of `previous_response_id`), and the answer, `object: "response.compaction"`, holds the
 * conversation's user messages followed by one `compaction` item. Its `encrypted_content` is the gateway's
 * own opaque envelope of that summary (see `wrapCompaction`): sent back as input, on this or any other
 * model, it becomes the summary again. Nothing is stored.
 */
export function compactResponsesRoute(services: ServerServices): Route {
  return {
    method: "POST",
    path: "/v1/responses/compact",
    authenticated: true,
    async handle(context) {
      const body = await readJsonBody(context.request, bodyReadOptions(services.config.limits));
      const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
      if (typeof fields["model"] !== "string" || fields["model"] === "")
        throw invalidRequest("model: is required to compact a conversation.", "model");
      const picked: Record<string, unknown> = {};
      for (const field of COMPACT_FIELDS) if (fields[field] != null) picked[field] = fields[field];
      const client = parseOrThrow(ResponsesRequestSchema, picked);
      const instruction: ResponseInputItem = {
        type: "message",
        role: "user",
        content: [{ type: "input_text", text: COMPACTION_INSTRUCTIONS }],
      };
      const request: ResponsesRequest = {
        ...client,
        input: [...inputItemsOf(client.input), instruction],
        store: false,
        stream: false,
      };
      context.outcome.requestedModel = client.model!;
      const prepared = await prepareResponses(services, context.identity, request);
      const plan = planResponses(request, prepared);
      const success = await routePlannedResponses(services, context, request, plan);
      recordTarget(context, success);
      const started = success.value;
      if (started.kind !== "native" && started.kind !== "chat") throw new Error("compaction is not streamed");
      const whole = wholeResponse(services, context, success, started, {
        request: plan.request,
        ids: prepared.ids,
      });
      const { response } = whole;
      if (response.status !== "completed")
        throw invalidRequest(
          `The model did not finish the compaction (status ${response.status}); try again or with another model.`,
          "model",
        );
      const history = prepared.inputFor(undefined).input;
      const conversation = (typeof history === "string" ? inputItemsOf(history) : history).slice(0, -1);
      const compaction = {
        id: services.ids("cmp"),
        type: "compaction",
        encrypted_content: wrapCompaction({
          summary: response.output_text ?? "",
          model: `${success.target.offering.provider}/${success.target.offering.providerModelId}`,
        }),
      };
      sendJson(
        context.response,
        200,
        {
          id: prepared.responseId,
          object: "response.compaction",
          created_at: response.created_at,
          output: [...conversation.filter(isUserMessage), compaction],
          usage: response.usage,
          routing_metadata: response.routing_metadata,
        },
        whole.headers,
      );
    },
  };
}
