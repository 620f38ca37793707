import type { ChatResponseFormat, ResponsesTextFormat } from "@switchyard/core";

/**
 * Responses `text.format` -> Chat `response_format`: the JSON Schema's `name`, `schema`, `description`
 * and `strict` move under `json_schema`.
 */
export function textFormatToResponseFormat(format: ResponsesTextFormat): ChatResponseFormat {
  if (format.type !== "json_schema") return format;
  const { type: _type, name, schema, description, strict, ...rest } = format;
  return {
    type: "json_schema",
    json_schema: {
      name,
      schema,
      ...(description === undefined ? {} : { description }),
      ...(strict == null ? {} : { strict }),
      ...rest,
    },
  };
}

/** Chat `response_format` -> Responses `text.format`, the inverse of `textFormatToResponseFormat`. */
export function responseFormatToTextFormat(format: ChatResponseFormat): ResponsesTextFormat {
  if (format.type !== "json_schema") return format;
  const { name, schema, description, strict, ...rest } = format.json_schema;
  return {
    type: "json_schema",
    name,
    // Responses requires `schema`; a Chat schema-less json_schema format means "any JSON object".
    schema: schema ?? { type: "object" },
    ...(description === undefined ? {} : { description }),
    ...(strict == null ? {} : { strict }),
    ...rest,
  };
}
