/** The kit as a vitest suite: `describeConformance(subject)` registers one test per check. */
import { describe, it } from "vitest";
import type { ConformanceSubject } from "./conformance-subject";
import { conformanceChecks, runCheck } from "./run-conformance";

/** Registers the conformance suite of one provider; a declared-unsupported feature shows as a skipped test with its reason. */
export function describeConformance(subject: ConformanceSubject): void {
  describe(`${subject.name} conformance`, () => {
    for (const check of conformanceChecks) {
      const reason = check.requires === undefined ? undefined : subject.unsupported?.[check.requires];
      if (reason !== undefined) {
        it.skip(`${check.id}: ${check.title} (declared unsupported: ${reason})`, () => {});
        continue;
      }
      it(`${check.id}: ${check.title}`, async () => {
        const result = await runCheck(subject, check);
        if (result.outcome === "failed") throw new Error(result.message);
      });
    }
  });
}
