import postgres from "postgres";

/**
 * Fresh schemas in a test PostgreSQL database: every suite (or test) works in its own, so parallel runs
 * never see each other's rows; `dropAll` removes them.
 */
export function createTestSchemas(url: string) {
  const made: string[] = [];
  return {
    /** A new, unused schema name. */
    next(): string {
      const name = `switchyard_test_${process.pid}_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
      made.push(name);
      return name;
    },
    /** Drops every schema made so far. */
    async dropAll(): Promise<void> {
      const client = postgres(url, { max: 1, onnotice: () => {} });
      try {
        for (const name of made.splice(0)) await client.unsafe(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      } finally {
        await client.end({ timeout: 5 });
      }
    },
  };
}
