import {
  type ChatFunctionTool,
  type ResponsesCustomTool,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";

/** The one string argument a custom tool takes when a Chat upstream sees it as a function. */
export const CUSTOM_INPUT_ARGUMENT = "input";

const TARGET = "Chat Completions upstreams";

/** The free-form format of a custom tool, in either protocol's shape. */
interface GrammarFormat {
  syntax: string;
  definition: string;
}

/** The grammar of a Responses custom tool format (`{type: "grammar", syntax, definition}`), if it has one. */
export function grammarOf(format: unknown): GrammarFormat | undefined {
  if (typeof format !== "object" || format === null) return undefined;
  const { type, syntax, definition } = format as Record<string, unknown>;
  if (type !== "grammar" || typeof syntax !== "string" || typeof definition !== "string") return undefined;
  return { syntax, definition };
}

/**
 * A Responses custom tool as a Chat function with one required string argument, `input`, that carries the
 * free-form text. A grammar cannot be enforced by these upstreams: it is given to the model in the
 * description (as Codex does for models without grammars) and reported as a warning.
 */
export function customToolToChatFunction(
  tool: ResponsesCustomTool,
  chatName: string,
  path: string,
  warnings: Warning[],
): ChatFunctionTool {
  const grammar = grammarOf(tool.format);
  const parts: string[] = [];
  if (tool.description !== undefined && tool.description !== "") parts.push(tool.description);
  parts.push(
    `Pass the tool's free-form input, exactly as it should be read, as the string argument '${CUSTOM_INPUT_ARGUMENT}'.`,
  );
  if (grammar !== undefined) {
    parts.push(`The input must match this ${grammar.syntax} grammar:\n${grammar.definition}`);
    warnings.push(
      unsupportedParameter(
        `${path}.format`,
        TARGET,
        "the grammar is given to the model in the tool description and is not enforced",
      ),
    );
  }
  return {
    type: "function",
    function: {
      name: chatName,
      description: parts.join("\n\n"),
      parameters: {
        type: "object",
        properties: {
          [CUSTOM_INPUT_ARGUMENT]: { type: "string", description: "The free-form input of the tool." },
        },
        required: [CUSTOM_INPUT_ARGUMENT],
        additionalProperties: false,
      },
    },
  };
}

/** A custom tool's input as the arguments of its Chat function: `{"input": "..."}`. */
export const customInputToArguments = (input: string): string =>
  JSON.stringify({ [CUSTOM_INPUT_ARGUMENT]: input });

/**
 * The free-form input in a Chat function call's arguments. When the model did not send `{"input": string}`,
 * the arguments are taken as the input itself and `wellFormed` is false.
 */
export function customInputOfArguments(argumentsText: string): { input: string; wellFormed: boolean } {
  try {
    const parsed: unknown = JSON.parse(argumentsText);
    const input = (parsed as Record<string, unknown> | null)?.[CUSTOM_INPUT_ARGUMENT];
    if (typeof input === "string") return { input, wellFormed: true };
  } catch {
    // Not JSON: the model wrote the input bare.
  }
  return { input: argumentsText, wellFormed: false };
}

/** A Chat custom tool format (`{type: "grammar", grammar: {syntax, definition}}`) in the flat Responses shape. */
export function chatCustomFormatToResponses(format: unknown): unknown {
  if (typeof format !== "object" || format === null) return format;
  const { type, grammar, ...rest } = format as Record<string, unknown>;
  if (type !== "grammar" || typeof grammar !== "object" || grammar === null) return format;
  return { type, ...(grammar as Record<string, unknown>), ...rest };
}
