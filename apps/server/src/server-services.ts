import type { Clock, IdGenerator } from "@switchyard/core";
import type { ProviderRegistration, Router } from "@switchyard/router";
import type { Logger } from "pino";
import type { ServerConfig } from "./config/config";
import type { ServerMetrics } from "./metrics";
import type { GatewayState } from "./state/gateway-state";

/** What route modules share: configuration, the router, and the injected clock, ids, metrics and logger. */
export interface ServerServices {
  readonly config: ServerConfig;
  readonly router: Router;
  /** The providers the router may call, with their key pools (the keys are never exposed). */
  readonly providers: readonly ProviderRegistration[];
  readonly ids: IdGenerator;
  readonly clock: Clock;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  /** Clock time the server was created; `created` of model objects and the uptime of `/health`. */
  readonly startedAt: number;
  /** Stored responses and conversations, and the background responses this instance runs. */
  readonly state: GatewayState;
  /** Whether the server is draining for shutdown. */
  isShuttingDown(): boolean;
  /** Aborted when the shutdown deadline passes: streams still open end with their protocol's error. */
  readonly shutdownDeadline: AbortSignal;
}
