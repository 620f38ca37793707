import { invalidRequest, type Translation, type Warning } from "@switchyard/core";

// Gemini models before 2.5 take schemas only in the OpenAPI 3.0 subset of the `Schema` message
// (https://ai.google.dev/api/caching#Schema): upper-case `type`, `nullable` instead of type arrays,
// `anyOf` but no `oneOf`/`allOf`, string `enum`s, no `$ref`, no `additionalProperties`.

type JsonObject = Record<string, unknown>;

const copiedKeys = new Set([
  "description",
  "title",
  "pattern",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "default",
  "example",
  "propertyOrdering",
]);

/** Keys read by the conversion itself; every other key is dropped with a warning. */
const handledKeys = new Set([
  "type",
  "nullable",
  "enum",
  "const",
  "format",
  "properties",
  "required",
  "items",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
  "$defs",
  "definitions",
]);

/** Formats the subset keeps, per type; others are dropped with a warning. */
const keptFormats: Record<string, readonly string[]> = {
  STRING: ["date-time", "enum"],
  NUMBER: ["float", "double"],
  INTEGER: ["int32", "int64", "enum"],
};

const jsonTypes = new Set(["string", "number", "integer", "boolean", "array", "object"]);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

interface Context {
  root: JsonObject;
  warnings: Warning[];
}

const warn = (context: Context, path: string, message: string) => {
  context.warnings.push({ type: "schema_conversion", code: path, message });
};

function resolveReference(reference: string, context: Context, path: string): unknown {
  if (!reference.startsWith("#")) {
    throw invalidRequest(
      `Only local '$ref's ('#/$defs/...') can be sent to this Gemini model; '${reference}' cannot be resolved.`,
      `${path}.$ref`,
    );
  }
  let target: unknown = context.root;
  const pointer = reference.slice(1);
  for (const segment of pointer === "" ? [] : pointer.slice(1).split("/")) {
    const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
    target = isObject(target) ? target[key] : undefined;
  }
  if (target === undefined) {
    throw invalidRequest(`'$ref' '${reference}' points to no definition in the schema.`, `${path}.$ref`);
  }
  return target;
}

/** Collapses `{anyOf: [X, {type: "null"}]}` into X with `nullable: true`. */
function convertAlternatives(
  branches: unknown[],
  path: string,
  context: Context,
  references: readonly string[],
): { branches: JsonObject[]; nullable: boolean } {
  let nullable = false;
  const converted: JsonObject[] = [];
  branches.forEach((branch, index) => {
    if (isObject(branch) && branch["type"] === "null" && Object.keys(branch).length === 1) {
      nullable = true;
      return;
    }
    converted.push(convertNode(branch, `${path}[${index}]`, context, references));
  });
  return { branches: converted, nullable };
}

function convertEnum(values: unknown[], output: JsonObject, path: string, context: Context): boolean {
  const present = values.filter((value) => value !== null);
  const nullable = present.length < values.length;
  if (present.every((value) => typeof value === "string")) {
    output["type"] ??= "STRING";
    output["enum"] = present;
    return nullable;
  }
  output["enum"] = present.map((value) => (typeof value === "string" ? value : JSON.stringify(value)));
  if (output["type"] === "INTEGER" || output["type"] === "NUMBER") {
    output["format"] = "enum";
  } else {
    output["type"] = "STRING";
    warn(context, `${path}.enum`, `Non-string enum values at ${path} were sent to Gemini as strings.`);
  }
  return nullable;
}

function convertNode(
  node: unknown,
  path: string,
  context: Context,
  references: readonly string[],
): JsonObject {
  if (node === true || (isObject(node) && Object.keys(node).length === 0)) return {};
  if (!isObject(node)) {
    throw invalidRequest(`A JSON Schema must be an object; found ${JSON.stringify(node)}.`, path);
  }

  const reference = node["$ref"];
  if (typeof reference === "string") {
    if (references.includes(reference)) {
      warn(
        context,
        `${path}.$ref`,
        `The recursive '$ref' '${reference}' at ${path} cannot be inlined for Gemini; it was sent as an object without properties.`,
      );
      return typeof node["description"] === "string"
        ? { type: "OBJECT", description: node["description"] }
        : { type: "OBJECT" };
    }
    const resolved = convertNode(resolveReference(reference, context, path), path, context, [
      ...references,
      reference,
    ]);
    for (const key of Object.keys(node)) {
      if (key === "$ref" || key.startsWith("$")) continue;
      if (copiedKeys.has(key)) resolved[key] = node[key];
      else warn(context, `${path}.${key}`, `'${key}' beside '$ref' at ${path} was dropped for Gemini.`);
    }
    return resolved;
  }

  const output: JsonObject = {};
  let nullable = node["nullable"] === true;

  const declared = node["type"];
  const types = Array.isArray(declared) ? declared : declared === undefined ? [] : [declared];
  if (types.includes("null")) nullable = true;
  const concrete = types.filter((type): type is string => typeof type === "string" && jsonTypes.has(type));
  if (concrete.length < types.filter((type) => type !== "null").length) {
    warn(context, `${path}.type`, `Unknown 'type' values at ${path} were dropped for Gemini.`);
  }
  if (concrete.length === 1) output["type"] = concrete[0]!.toUpperCase();
  else if (concrete.length > 1) output["anyOf"] = concrete.map((type) => ({ type: type.toUpperCase() }));
  else if (types.length > 0 && nullable) {
    warn(context, `${path}.type`, `A schema at ${path} that allows only null has no Gemini equivalent.`);
  }
  if (output["type"] === undefined && output["anyOf"] === undefined) {
    if (isObject(node["properties"])) output["type"] = "OBJECT";
    else if (node["items"] !== undefined) output["type"] = "ARRAY";
  }

  for (const key of Object.keys(node)) {
    if (copiedKeys.has(key)) output[key] = node[key];
    else if (!handledKeys.has(key)) {
      warn(
        context,
        `${path}.${key}`,
        `'${key}' at ${path} is not in Gemini's OpenAPI schema subset and was dropped.`,
      );
    }
  }

  if (Array.isArray(node["enum"])) {
    if (convertEnum(node["enum"], output, path, context)) nullable = true;
  }
  if (node["const"] !== undefined) {
    if (typeof node["const"] === "string") {
      output["type"] ??= "STRING";
      output["enum"] = [node["const"]];
      warn(context, `${path}.const`, `'const' at ${path} was sent to Gemini as a one-value enum.`);
    } else {
      warn(
        context,
        `${path}.const`,
        `'const' at ${path} is not in Gemini's OpenAPI schema subset and was dropped.`,
      );
    }
  }

  const format = node["format"];
  if (typeof format === "string") {
    const allowed = keptFormats[String(output["type"])] ?? [];
    if (allowed.includes(format)) output["format"] = format;
    else
      warn(
        context,
        `${path}.format`,
        `Format '${format}' at ${path} is not supported by Gemini and was dropped.`,
      );
  }

  if (isObject(node["properties"])) {
    const properties: JsonObject = {};
    for (const [name, child] of Object.entries(node["properties"])) {
      properties[name] = convertNode(child, `${path}.properties.${name}`, context, references);
    }
    output["properties"] = properties;
  }
  if (Array.isArray(node["required"])) {
    const names = isObject(node["properties"]) ? Object.keys(node["properties"]) : [];
    const required = node["required"].filter(
      (name): name is string => typeof name === "string" && names.includes(name),
    );
    if (required.length > 0) output["required"] = required;
  }

  const items = node["items"];
  if (Array.isArray(items)) {
    warn(
      context,
      `${path}.items`,
      `Tuple 'items' at ${path} were reduced to the first item's schema for Gemini.`,
    );
    if (items.length > 0) output["items"] = convertNode(items[0], `${path}.items[0]`, context, references);
  } else if (items !== undefined) {
    output["items"] = convertNode(items, `${path}.items`, context, references);
  }

  for (const keyword of ["anyOf", "oneOf"] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    if (keyword === "oneOf") {
      warn(context, `${path}.oneOf`, `'oneOf' at ${path} was sent to Gemini as 'anyOf' (not exclusive).`);
    }
    const alternatives = convertAlternatives(branches, `${path}.${keyword}`, context, references);
    if (alternatives.nullable) nullable = true;
    if (alternatives.branches.length === 1) Object.assign(output, { ...alternatives.branches[0], ...output });
    else if (alternatives.branches.length > 1) output["anyOf"] = alternatives.branches;
  }

  const allOf = node["allOf"];
  if (Array.isArray(allOf)) {
    warn(context, `${path}.allOf`, `'allOf' at ${path} was merged into one schema for Gemini.`);
    allOf.forEach((branch, index) => {
      const converted = convertNode(branch, `${path}.allOf[${index}]`, context, references);
      if (isObject(converted["properties"])) {
        output["properties"] = {
          ...(isObject(output["properties"]) ? output["properties"] : {}),
          ...converted["properties"],
        };
      }
      if (Array.isArray(converted["required"])) {
        const required = Array.isArray(output["required"]) ? output["required"] : [];
        output["required"] = [...new Set([...required, ...converted["required"]])];
      }
      for (const [key, value] of Object.entries(converted)) {
        if (key !== "properties" && key !== "required" && output[key] === undefined) output[key] = value;
      }
    });
  }

  if (nullable) output["nullable"] = true;
  return output;
}

/**
 * Converts a JSON Schema to Gemini's OpenAPI subset: local `$ref`s inlined, type arrays to `nullable`,
 * `oneOf` to `anyOf`, `allOf` merged; unsupported keys dropped, each with a `schema_conversion` warning
 * whose `code` is the field path. An unresolvable `$ref` is a 400 naming the field. `path` prefixes the
 * field paths (`tools[0].function.parameters`).
 */
export function convertJsonSchemaToGemini(
  schema: unknown,
  path: string,
): Translation<Record<string, unknown>> {
  const context: Context = { root: isObject(schema) ? schema : {}, warnings: [] };
  return { value: convertNode(schema, path, context, []), warnings: context.warnings };
}
