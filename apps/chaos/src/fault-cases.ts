import {
  dribble,
  errorBodyWith200,
  type FakeHandler,
  hangBeforeHeaders,
  hugeBody,
  malformedJson,
  malformedSse,
  resetAfterWrites,
  stallAfterWrites,
  statusWithSecrets,
} from "@switchyard/server/testing";

/** One fault the first candidate's upstream injects. */
export interface Fault {
  name: string;
  /** Streamed requests, whole ones, or both. */
  modes: readonly ("stream" | "whole")[];
  /** The handler for the next request to that upstream, built on its protocol responder. */
  handler(responder: FakeHandler, secrets: readonly string[]): FakeHandler;
}

/** Every fault of the suite (item list of issue #15's fault-injection suite). */
export const FAULTS: readonly Fault[] = [
  { name: "hang before headers", modes: ["stream", "whole"], handler: () => hangBeforeHeaders().handler },
  {
    name: "headers, then silence",
    modes: ["stream", "whole"],
    handler: (responder) => stallAfterWrites(responder, 0).handler,
  },
  {
    name: "stall mid-stream",
    modes: ["stream"],
    handler: (responder) => stallAfterWrites(responder, 3).handler,
  },
  {
    name: "reset before the body",
    modes: ["stream", "whole"],
    handler: (responder) => resetAfterWrites(responder, 0),
  },
  { name: "reset mid-stream", modes: ["stream"], handler: (responder) => resetAfterWrites(responder, 3) },
  { name: "malformed JSON", modes: ["whole"], handler: () => malformedJson() },
  { name: "malformed SSE", modes: ["stream"], handler: () => malformedSse() },
  {
    name: "200 with an error body",
    modes: ["stream", "whole"],
    handler: () => errorBodyWith200({ error: { message: "upstream exploded", type: "server_error" } }),
  },
  {
    name: "dribble (1 byte / 2 ms)",
    modes: ["stream", "whole"],
    handler: (responder) => dribble(responder, 2),
  },
  { name: "40 MB whole answer", modes: ["whole"], handler: () => hugeBody(40 * 1024 * 1024) },
  {
    name: "500 full of secrets",
    modes: ["stream", "whole"],
    handler: (_responder, secrets) => statusWithSecrets(500, secrets),
  },
  {
    name: "429 full of secrets",
    modes: ["stream", "whole"],
    handler: (_responder, secrets) => statusWithSecrets(429, secrets),
  },
  {
    name: "401 full of secrets",
    modes: ["stream", "whole"],
    handler: (_responder, secrets) => statusWithSecrets(401, secrets),
  },
  {
    name: "400 full of secrets",
    modes: ["stream", "whole"],
    handler: (_responder, secrets) => statusWithSecrets(400, secrets),
  },
];
