import type { ResponseInputItem, ResponsesRequest } from "@switchyard/core";
import { recordTarget } from "../record-routing";
import type { ExchangeContext } from "../request-context";
import { streamAnswer } from "../responses-answer";
import { routePlannedResponses } from "../responses-attempt";
import type { ResponsesEventSink, ResponsesRelayResult } from "../responses-stream-relay";
import { recordRequest } from "../routes/responses";
import type { ServerServices } from "../server-services";
import { prepareResponses } from "../state/prepare-responses";
import { responseFinisher } from "../state/response-finisher";
import { failedEnding, responseRecorder } from "../state/response-recorder";
import { planResponses } from "../state/responses-plan";
import { inputItemsOf } from "./connection-response-cache";

/** How a stored WebSocket turn went: the relay's result and the full input the model was given. */
export interface StoredTurn {
  relayed: ResponsesRelayResult | undefined;
  /** The resolved input (stored chain included), for the connection's cache. */
  input: ResponseInputItem[];
}

/**
 * Serves a `response.create` that stores (`store` not false, storing on) the way `POST /v1/responses`
 * streams one: its state resolved from the store (`previous_response_id` of any connection of the same
 * key), the final Response stored before its terminal event goes out, so `GET /v1/responses/{id}` and a
 * continuation on another connection or over HTTP find it.
 */
export async function streamStoredTurn(
  services: ServerServices,
  context: ExchangeContext,
  request: ResponsesRequest,
  open: () => ResponsesEventSink,
): Promise<StoredTurn> {
  recordRequest(services, context, request);
  const prepared = await prepareResponses(services, context.identity, request);
  const plan = planResponses(request, prepared);
  const finisher = responseFinisher(services, prepared, request, services.clock());
  const success = await routePlannedResponses(services, context, request, plan);
  recordTarget(context, success);
  const started = success.value;
  if (started.kind !== "native-stream" && started.kind !== "chat-stream")
    throw new Error("a WebSocket turn is always streamed");
  const recorder = responseRecorder(finisher);
  const relayed = await streamAnswer(services, context, success, started, () => recorder.wrap(open()), {
    request: plan.request,
    ids: prepared.ids,
  });
  if (relayed !== undefined)
    await recorder.settle(
      relayed.clientAborted ? { kind: "client_disconnected" } : failedEnding(relayed.error),
    );
  const input = prepared.inputFor(undefined).input;
  return { relayed, input: inputItemsOf(input) };
}
