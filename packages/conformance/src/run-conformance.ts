import { type ConformanceCheck, createCheckContext } from "./check";
import { abortChecks } from "./checks/abort-checks";
import { errorChecks } from "./checks/error-checks";
import { reasoningChecks } from "./checks/reasoning-checks";
import { textChecks } from "./checks/text-checks";
import { toolChecks } from "./checks/tool-checks";
import type { ConformanceSubject } from "./conformance-subject";

/** Every shared expectation, in the order the report lists them. */
export const conformanceChecks: readonly ConformanceCheck[] = [
  ...textChecks,
  ...toolChecks,
  ...errorChecks,
  ...abortChecks,
  ...reasoningChecks,
];

/** The outcome of one check. */
export interface CheckResult {
  id: string;
  title: string;
  outcome: "passed" | "failed" | "unsupported";
  /** Why it failed, or the provider's reason for not supporting the feature. */
  message?: string;
}

/** The outcome of every check for one provider. */
export interface ConformanceReport {
  subject: string;
  results: CheckResult[];
  passed: number;
  failed: number;
  unsupported: number;
}

/** How long one check may take before it counts as hung (a safety net, not a speed requirement). */
export const CHECK_TIMEOUT_MS = 10_000;

/** Runs one check on a fresh provider and fake; resolves to its result, never rejects. */
export async function runCheck(subject: ConformanceSubject, check: ConformanceCheck): Promise<CheckResult> {
  const reason = check.requires === undefined ? undefined : subject.unsupported?.[check.requires];
  if (reason !== undefined)
    return { id: check.id, title: check.title, outcome: "unsupported", message: reason };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hung = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`did not finish within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([check.run(createCheckContext(subject)), hung]);
    return { id: check.id, title: check.title, outcome: "passed" };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { id: check.id, title: check.title, outcome: "failed", message };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check against the subject and reports each outcome. */
export async function runConformance(subject: ConformanceSubject): Promise<ConformanceReport> {
  const results: CheckResult[] = [];
  for (const check of conformanceChecks) results.push(await runCheck(subject, check));
  const count = (outcome: CheckResult["outcome"]) =>
    results.filter((result) => result.outcome === outcome).length;
  return {
    subject: subject.name,
    results,
    passed: count("passed"),
    failed: count("failed"),
    unsupported: count("unsupported"),
  };
}
