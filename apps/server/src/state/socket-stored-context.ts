import type { ResponseInputItem } from "@switchyard/core";
import type { StoredContextResolver } from "../responses-socket/responses-socket-session";
import type { ServerServices } from "../server-services";
import { expandCompactions } from "./compaction";
import { ownerOf } from "./stored-objects";

/**
 * How WebSocket mode finds a `previous_response_id` its connection does not hold: the stored chain of the
 * same client key (one query), every turn's input then output. The model of the next turn is not known
 * here, so stored reasoning keeps its opaque state and the providers' own rule applies (state goes back
 * only to its model family). Undefined when storing is off.
 */
export function storedContextResolver(services: ServerServices): StoredContextResolver | undefined {
  if (!services.state.enabled) return undefined;
  return async (id, identity) => {
    const storage = await services.state.storage();
    const chain = await storage.responses.readChain(ownerOf(identity), id);
    if (chain === undefined) return undefined;
    const items: ResponseInputItem[] = chain.turns.flatMap((turn) =>
      [...turn.input, ...turn.output].map((stored) => stored.item as ResponseInputItem),
    );
    return expandCompactions(items);
  };
}
