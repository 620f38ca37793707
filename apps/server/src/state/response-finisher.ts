import type { ResponseObject, ResponsesRequest, Warning } from "@switchyard/core";
import type { Producer, StoredItem } from "@switchyard/store";
import type { ServerServices } from "../server-services";
import { echoState, type PreparedResponses } from "./prepare-responses";
import type { ResponseFinisher } from "./response-recorder";

/** Who answered, from the Response's `routing_metadata`; null when no upstream answered. */
export function producerOfResponse(response: ResponseObject): Producer | null {
  const routing = response.routing_metadata;
  return routing === undefined ? null : { provider: routing.provider, model: routing.provider_model_id };
}

/** A Response's output as stored items (every output item has an id). */
export function outputItemsOf(response: ResponseObject, producer: Producer | null): StoredItem[] {
  return response.output.map((item, index) => ({
    id: (item as { id?: string }).id ?? `${response.id}_output_${index}`,
    item,
    producer,
  }));
}

/** The Response the client gets when storing it failed: `store: false` and a warning that says why. */
function notStored(response: ResponseObject, reason: string): ResponseObject {
  const warning: Warning = {
    type: "dropped_content",
    code: "store",
    message: `The response was not stored: ${reason}. It cannot be retrieved or continued with previous_response_id.`,
  };
  const routing = response.routing_metadata;
  return {
    ...response,
    store: false,
    ...(routing === undefined
      ? {}
      : { routing_metadata: { ...routing, warnings: [...(routing.warnings ?? []), warning] } }),
  };
}

/**
 * How a prepared request's answers are shown and stored: `echo` puts the gateway's id and the request's
 * state fields on every Response object; `finish` writes the final one in one transaction (response, its
 * input and output items, the conversation's new items) before the client gets it. A response on a
 * conversation with `store: false` only appends its items to the conversation.
 */
export function responseFinisher(
  services: ServerServices,
  prepared: PreparedResponses,
  request: ResponsesRequest,
  createdAt: number,
): ResponseFinisher {
  return {
    echo: (response) => echoState(response, prepared, request),
    async finish(response) {
      const storage = prepared.storage;
      if (storage === undefined || (!prepared.stores && prepared.conversationId === null)) return response;
      const producer = producerOfResponse(response);
      const now = services.clock();
      try {
        if (!prepared.stores) {
          const items = [...prepared.inputItems, ...outputItemsOf(response, producer)];
          await storage.conversations.append(prepared.owner, prepared.conversationId!, items, now);
          return response;
        }
        const outcome = await storage.responses.finish({
          id: prepared.responseId,
          owner: prepared.owner,
          response,
          previousResponseId: prepared.previousResponseId,
          conversationId: prepared.conversationId,
          producer,
          input: prepared.inputItems,
          createdAt,
          now,
        });
        // A cancel that won the race stays: the client sees what is stored.
        return outcome.written ? response : outcome.current.response;
      } catch (error) {
        services.logger.error({ err: error, response_id: prepared.responseId }, "storing a response failed");
        return notStored(response, error instanceof Error ? error.message : String(error));
      }
    },
  };
}
