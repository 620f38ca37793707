import { formatPath, GatewayError, invalidRequest } from "@switchyard/core";

/**
 * What one request body may hold, checked when it is read, before any provider is called and before any
 * work that grows faster than the body (model-name suggestions, translation, provider code that recurses
 * into schemas and content). Each limit has a documented default (apps/server/README.md).
 */
export interface InputLimits {
  /** Deepest nesting of objects and arrays; the body itself is level 1 (default 64). */
  maxNestingDepth: number;
  /** Longest `model`, and longest `gateway.models` entry, in characters (default 256). */
  maxModelNameLength: number;
  /** Most entries in `gateway.models` (default 16). */
  maxGatewayModels: number;
  /** Most entries in `tools` (default 512). */
  maxTools: number;
  /** Most entries in `messages`, or in an `input` list (default 100,000, Anthropic's own limit). */
  maxMessages: number;
}

/** The default input limits. */
export const DEFAULT_INPUT_LIMITS: InputLimits = {
  maxNestingDepth: 64,
  maxModelNameLength: 256,
  maxGatewayModels: 16,
  maxTools: 512,
  maxMessages: 100_000,
};

/** A field path in an error names the field without echoing unbounded client text. */
const MAX_KEY_CHARACTERS = 64;
const MAX_PATH_CHARACTERS = 256;

type PathKey = string | number;

/** One container still to visit, linked to its parent so the path is built only when it is needed. */
interface Frame {
  value: object;
  depth: number;
  parent: Frame | undefined;
  key: PathKey;
}

function pathOf(frame: Frame): PathKey[] {
  const path: PathKey[] = [];
  for (let current: Frame | undefined = frame; current?.parent !== undefined; current = current.parent)
    path.push(
      typeof current.key === "string" && current.key.length > MAX_KEY_CHARACTERS
        ? `${current.key.slice(0, MAX_KEY_CHARACTERS)}…`
        : current.key,
    );
  return path.reverse();
}

const boundedPath = (path: readonly PathKey[]): string => {
  const formatted = formatPath(path);
  return formatted.length > MAX_PATH_CHARACTERS ? `${formatted.slice(0, MAX_PATH_CHARACTERS)}…` : formatted;
};

/**
 * The path of the first container nested deeper than `maxDepth`, or undefined. Iterative, so a body of any
 * depth is measured without recursion (JSON.parse itself does not recurse).
 */
export function pathDeeperThan(root: unknown, maxDepth: number): PathKey[] | undefined {
  if (root === null || typeof root !== "object") return undefined;
  const stack: Frame[] = [{ value: root, depth: 1, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > maxDepth) return pathOf(frame);
    const visit = (key: PathKey, child: unknown) => {
      if (child !== null && typeof child === "object")
        stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    };
    // Pushed in reverse, so the first field in document order is visited (and reported) first.
    const value = frame.value;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) visit(index, value[index]);
    } else {
      const keys = Object.keys(value);
      for (let index = keys.length - 1; index >= 0; index--)
        visit(keys[index]!, (value as Record<string, unknown>)[keys[index]!]);
    }
  }
  return undefined;
}

const tooLong = (param: string, limit: number) =>
  invalidRequest(`${param}: must be at most ${limit} characters long`, param, "input_limit_exceeded");

const tooMany = (param: string, limit: number, what: string) =>
  invalidRequest(`${param}: must have at most ${limit} ${what}`, param, "input_limit_exceeded");

const fieldOf = (body: object, key: string): unknown =>
  Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;

/**
 * Checks a parsed body against the limits and throws a 400 naming the field (`param`) that breaks one.
 * Fields of the wrong type are left to the route's schema.
 */
export function checkInputLimits(body: unknown, limits: InputLimits): void {
  const deep = pathDeeperThan(body, limits.maxNestingDepth);
  if (deep !== undefined) {
    const param = boundedPath(deep);
    throw invalidRequest(
      `${param}: nested deeper than the limit of ${limits.maxNestingDepth} levels`,
      param,
      "input_limit_exceeded",
    );
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) return;
  const model = fieldOf(body, "model");
  if (typeof model === "string" && model.length > limits.maxModelNameLength)
    throw tooLong("model", limits.maxModelNameLength);
  const gateway = fieldOf(body, "gateway");
  const models = gateway !== null && typeof gateway === "object" ? fieldOf(gateway, "models") : undefined;
  if (Array.isArray(models)) {
    if (models.length > limits.maxGatewayModels)
      throw tooMany("gateway.models", limits.maxGatewayModels, "entries");
    models.forEach((name, index) => {
      if (typeof name === "string" && name.length > limits.maxModelNameLength)
        throw tooLong(`gateway.models[${index}]`, limits.maxModelNameLength);
    });
  }
  const tools = fieldOf(body, "tools");
  if (Array.isArray(tools) && tools.length > limits.maxTools)
    throw tooMany("tools", limits.maxTools, "tools");
  for (const list of ["messages", "input"]) {
    const items = fieldOf(body, list);
    if (Array.isArray(items) && items.length > limits.maxMessages)
      throw tooMany(list, limits.maxMessages, "items");
  }
}

/** The 400 `checkInputLimits` would throw for `body`, or undefined when the body is within the limits. */
export function inputLimitError(body: unknown, limits: InputLimits): GatewayError | undefined {
  try {
    checkInputLimits(body, limits);
    return undefined;
  } catch (error) {
    if (error instanceof GatewayError) return error;
    throw error;
  }
}
