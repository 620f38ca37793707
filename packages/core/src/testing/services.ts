/** A server some tests need (PostgreSQL, Redis), reached through a URL in an environment variable. */
export interface TestService {
  /** The server's name, as people say it: `PostgreSQL`. */
  name: string;
  /** The variable holding its URL, e.g. `SWITCHYARD_TEST_POSTGRES_URL`. */
  variable: string;
  /** How to run the tests locally, e.g. `start PostgreSQL and set SWITCHYARD_TEST_POSTGRES_URL=postgres://...`. */
  howToRun: string;
}

/** The service's URL when one is configured; otherwise why its tests skip. */
export type TestServiceAvailability =
  | { available: true; url: string }
  | { available: false; message: string };

/**
 * The one rule for tests that need a server: with its URL set they run (and fail if it is unreachable);
 * without it they skip with a message saying how to run them, except under `CI=true`, where a missing
 * service throws, so the test file fails instead of skipping. `.ci/run` starts every service it needs.
 */
export function testService(
  service: TestService,
  environment: Readonly<Record<string, string | undefined>> = process.env,
): TestServiceAvailability {
  const url = environment[service.variable];
  if (url) return { available: true, url };
  if (environment["CI"] === "true") {
    throw new Error(
      `${service.name} tests must run under CI=true but ${service.variable} is not set: .ci/run starts ${service.name} and sets it.`,
    );
  }
  const message = `${service.name} tests skipped: ${service.variable} is not set. To run them, ${service.howToRun}.`;
  console.warn(message);
  return { available: false, message };
}

/** PostgreSQL for the tests: `SWITCHYARD_TEST_POSTGRES_URL`, as `.ci/run` sets it. */
export const POSTGRES_TEST_SERVICE: TestService = {
  name: "PostgreSQL",
  variable: "SWITCHYARD_TEST_POSTGRES_URL",
  howToRun:
    "start a PostgreSQL server and set SWITCHYARD_TEST_POSTGRES_URL=postgres://user:password@localhost:5432/database " +
    "(a role that may create schemas; each suite works in a fresh schema and drops it), or run `bash .ci/run` as root",
};
