import {
  operationNotAllowed,
  type ResponsesTool,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";

const TARGET = "Chat Completions upstreams";

/** The Responses tool types of OpenAI's hosted web search (openai-node `WebSearchTool`, `WebSearchPreviewTool`). */
export const WEB_SEARCH_TOOL_TYPES: ReadonlySet<string> = new Set([
  "web_search",
  "web_search_2025_08_26",
  "web_search_preview",
  "web_search_preview_2025_03_11",
]);

/** Whether a Responses tool is a hosted web search. */
export const isWebSearchTool = (tool: ResponsesTool): boolean => WEB_SEARCH_TOOL_TYPES.has(tool.type);

const stringFields = (source: Record<string, unknown>, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    names.flatMap((name) => (typeof source[name] === "string" ? [[name, source[name] as string]] : [])),
  );

/**
 * A hosted web search tool as Chat `web_search_options`, which each provider maps to its own search
 * (Anthropic's web search server tool, Gemini's Google Search grounding) or removes with a warning.
 * `search_context_size` and `user_location` have Chat fields (the location nested under `approximate`);
 * `filters` travels as a Switchyard extension of `web_search_options`. What no upstream can honour, cached-only
 * search and image results, becomes a warning.
 */
export function webSearchOptionsOf(
  tool: ResponsesTool,
  path: string,
  warnings: Warning[],
): Record<string, unknown> {
  const fields = tool as Record<string, unknown>;
  const options: Record<string, unknown> = {};
  if (typeof fields.search_context_size === "string")
    options.search_context_size = fields.search_context_size;
  const location = fields.user_location;
  if (typeof location === "object" && location !== null) {
    const approximate = stringFields(location as Record<string, unknown>, [
      "city",
      "country",
      "region",
      "timezone",
    ]);
    options.user_location = { type: "approximate", approximate };
  }
  const filters = fields.filters as { allowed_domains?: unknown } | null | undefined;
  if (Array.isArray(filters?.allowed_domains)) options.filters = { allowed_domains: filters.allowed_domains };
  if (fields.external_web_access === false)
    warnings.push(
      unsupportedParameter(`${path}.external_web_access`, TARGET, "searches may reach the live web"),
    );
  if (fields.search_content_types != null)
    warnings.push(unsupportedParameter(`${path}.search_content_types`, TARGET, "results are text"));
  return options;
}

/**
 * A hosted tool that no Chat upstream runs (file_search, code_interpreter, image_generation, mcp,
 * computer use, tool_search, ...): removed with a warning so the request is still served, or, with
 * `gateway.strict_tools: true`, a 400 naming it.
 */
export function removeHostedTool(tool: ResponsesTool, path: string, strict: boolean): Warning {
  const message = `the hosted tool '${tool.type}' runs only on OpenAI's Responses servers and cannot be served by a Chat Completions upstream`;
  if (strict) throw operationNotAllowed(`${path}.type`, `${path}: ${message}.`);
  return {
    type: "unsupported_parameter",
    code: path,
    message: `${path}: ${message}; it was removed (send gateway.strict_tools: true to get a 400 instead).`,
  };
}
