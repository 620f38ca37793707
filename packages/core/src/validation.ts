import type { z } from "zod";
import { invalidRequest } from "./errors";

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

/** Formats a zod path as `input[2].content[0].image_url`. */
export function formatPath(path: readonly PathKey[]): string {
  let formatted = "";
  for (const key of path) {
    if (typeof key === "number") formatted += `[${key}]`;
    else formatted += formatted === "" ? String(key) : `.${String(key)}`;
  }
  return formatted;
}

const article = (noun: string): string => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

const describeValue = (value: unknown): string => JSON.stringify(value) ?? String(value);

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      // zod does not keep the input on issues by default; its message says when the value was missing.
      return issue.message.endsWith("received undefined")
        ? "is required"
        : `expected ${article(issue.expected)}`;
    case "too_small": {
      const bound = String(issue.minimum);
      if (issue.origin === "array") return `must have at least ${bound} item${bound === "1" ? "" : "s"}`;
      if (issue.origin === "string")
        return `must be at least ${bound} character${bound === "1" ? "" : "s"} long`;
      return `must be ${issue.inclusive ? ">=" : ">"} ${bound}`;
    }
    case "too_big": {
      const bound = String(issue.maximum);
      if (issue.origin === "array") return `must have at most ${bound} items`;
      if (issue.origin === "string") return `must be at most ${bound} characters long`;
      return `must be ${issue.inclusive ? "<=" : "<"} ${bound}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map(describeValue).join(", ")}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `'${key}'`).join(", ")}`;
    case "invalid_format":
      return `expected a valid ${issue.format}`;
    default:
      return issue.message;
  }
}

const depth = (issues: readonly Issue[]): number => Math.max(0, ...issues.map((issue) => issue.path.length));

/** Picks the issue that best explains a failure: for a union, the branch that got furthest. */
function mostSpecificIssue(issue: Issue, prefix: readonly PathKey[]): { path: PathKey[]; message: string } {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union") {
    const discriminator = (issue as { discriminator?: string }).discriminator;
    const branches = issue.errors.filter((branch) => branch.length > 0);
    if (discriminator !== undefined || branches.length === 0) {
      const field = discriminator ?? "type";
      const fieldPath = path[path.length - 1] === field ? path : [...path, field];
      return { path: fieldPath, message: `unknown or missing '${field}' value` };
    }
    const deepest = branches.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
    if (depth(deepest) === 0) return { path, message: "does not match any accepted shape" };
    return mostSpecificIssue(deepest[0]!, path);
  }
  return { path, message: describeIssue(issue) };
}

/** Describes a zod error as one line per issue: `input[2].content[0].image_url: expected a string`. */
export function describeZodError(error: z.ZodError): { message: string; param: string | null } {
  const described = error.issues.map((issue) => mostSpecificIssue(issue, []));
  const first = described[0];
  const param = first && first.path.length > 0 ? formatPath(first.path) : null;
  const message = described
    .map(({ path, message }) => (path.length > 0 ? `${formatPath(path)}: ${message}` : message))
    .join("; ");
  return { message, param };
}

/** Parses `value` with `schema`, or throws a 400 `GatewayError` naming the field path and what was expected. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { message, param } = describeZodError(result.error);
  throw invalidRequest(message, param);
}
