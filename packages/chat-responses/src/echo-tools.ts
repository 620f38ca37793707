import type { ResponsesTool } from "@switchyard/core";

/**
 * The `tools` a Response object echoes. A function tool carries every field of OpenAI's `FunctionTool`
 * object (`type`, `name`, `description`, `parameters`, `strict`), `null` where the request left one out,
 * as OpenAI returns it; any other field it was sent with is kept. Other tools are echoed as sent.
 * See https://platform.openai.com/docs/api-reference/responses/object#responses-object-tools
 */
export function echoedTools(tools: readonly ResponsesTool[] | undefined): ResponsesTool[] {
  if (tools === undefined) return [];
  return tools.map((tool) => {
    if (tool.type !== "function") return tool;
    const { type, name, description, parameters, strict, ...rest } = tool as Extract<
      ResponsesTool,
      { type: "function" }
    >;
    return {
      type,
      name,
      description: description ?? null,
      parameters: parameters ?? null,
      strict: strict ?? null,
      ...rest,
    };
  });
}
