import type { ResponseInputItem, ResponsesRequest } from "@switchyard/core";
import {
  type AttemptInput,
  type ChatTranslation,
  type ResponsesPlan,
  translateToChat,
} from "../responses-attempt";
import { type PreparedResponses, producerOf } from "./prepare-responses";

/**
 * The request an upstream is asked: the full input, without the fields the gateway resolved itself
 * (`store`, `previous_response_id`, `conversation`, `background`), which a Chat translation would refuse.
 */
export function upstreamRequestOf(
  request: ResponsesRequest,
  input: string | ResponseInputItem[],
): ResponsesRequest {
  const upstream: ResponsesRequest = { ...request, input };
  delete upstream.store;
  delete upstream.previous_response_id;
  delete upstream.conversation;
  delete upstream.background;
  return upstream;
}

/**
 * The plan of a prepared Responses request: a request without stored state is translated once; one that
 * continues stored state is translated per producer, since stored opaque reasoning goes only to the model
 * that made it.
 */
export function planResponses(request: ResponsesRequest, prepared: PreparedResponses): ResponsesPlan {
  const echoed: ResponsesRequest = { ...request, store: prepared.stores };
  const base = prepared.inputFor(undefined);
  const baseRequest = upstreamRequestOf(request, base.input);
  const chat = translateToChat(baseRequest);
  const fixed: AttemptInput = { request: baseRequest, chat: () => chat, warnings: prepared.warnings };
  const perProducer = new Map<string, AttemptInput>();
  return {
    request: echoed,
    chat,
    attemptFor(target) {
      if (!prepared.stateful) return fixed;
      const producer = producerOf(target);
      const key = `${producer.provider}\u0000${producer.model}`;
      let attempt = perProducer.get(key);
      if (attempt === undefined) {
        const resolved = prepared.inputFor(target);
        const upstream = upstreamRequestOf(request, resolved.input);
        let translated: ChatTranslation | undefined;
        attempt = {
          request: upstream,
          chat: () => {
            translated ??= translateToChat(upstream);
            return translated;
          },
          warnings: [...prepared.warnings, ...resolved.warnings],
        };
        perProducer.set(key, attempt);
      }
      return attempt;
    },
  };
}
