import {
  type ChatCompletionRequest,
  type ChatToolChoice,
  invalidRequest,
  operationNotAllowed,
  type Translation,
  unsupportedParameter,
  type Warning,
} from "@switchyard/core";
import { convertJsonSchemaToGemini } from "./convert-json-schema-to-gemini";
import type { GeminiFunctionCallingConfig, GeminiFunctionDeclaration } from "./gemini-api";
import type { GeminiModelTraits } from "./gemini-models";

/** The `tools` and `toolConfig` fields of a generateContent request. */
export interface GeminiToolFields {
  tools?: { functionDeclarations: GeminiFunctionDeclaration[] }[];
  toolConfig?: { functionCallingConfig: GeminiFunctionCallingConfig };
}

interface FunctionDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
  strict?: boolean | null;
  path: string;
}

const target = "Gemini";

function collectFunctions(request: ChatCompletionRequest, warnings: Warning[]): FunctionDefinition[] {
  const functions: FunctionDefinition[] = [];
  request.tools?.forEach((tool, index) => {
    if (tool.type === "custom") {
      throw operationNotAllowed(
        `tools[${index}]`,
        `Custom (free-form input) tools have no Gemini equivalent; declare '${tool.custom.name}' as a function tool.`,
      );
    }
    if (tool.cache_control !== undefined)
      warnings.push(unsupportedParameter(`tools[${index}].cache_control`, target));
    functions.push({ ...tool.function, path: `tools[${index}].function` });
  });
  request.functions?.forEach((definition, index) => {
    const name = definition["name"];
    if (typeof name !== "string" || name === "")
      throw invalidRequest("is required", `functions[${index}].name`);
    const description = definition["description"];
    const parameters = definition["parameters"];
    functions.push({
      name,
      ...(typeof description === "string" ? { description } : {}),
      ...(typeof parameters === "object" && parameters !== null
        ? { parameters: parameters as Record<string, unknown> }
        : {}),
      path: `functions[${index}]`,
    });
  });
  return functions;
}

function declare(definition: FunctionDefinition, traits: GeminiModelTraits, warnings: Warning[]) {
  const declaration: GeminiFunctionDeclaration = { name: definition.name };
  if (definition.description !== undefined) declaration.description = definition.description;
  if (definition.strict === true) {
    warnings.push(
      unsupportedParameter(
        `${definition.path}.strict`,
        target,
        "Gemini has no per-function strict mode; arguments are not constrained to the schema",
      ),
    );
  }
  if (definition.parameters === undefined) return declaration;
  if (traits.jsonSchema) {
    declaration.parametersJsonSchema = definition.parameters;
    return declaration;
  }
  const converted = convertJsonSchemaToGemini(definition.parameters, `${definition.path}.parameters`);
  warnings.push(...converted.warnings);
  const properties = converted.value["properties"];
  // The OpenAPI subset rejects an OBJECT without properties; a function without parameters omits the field.
  const empty =
    converted.value["type"] === "OBJECT" &&
    (typeof properties !== "object" || properties === null || Object.keys(properties).length === 0);
  if (!empty) declaration.parameters = converted.value;
  return declaration;
}

function allowedToolNames(choice: Extract<ChatToolChoice, { type: "allowed_tools" }>): string[] {
  return choice.allowed_tools.tools.flatMap((tool, index) => {
    const nested = tool["function"];
    const name =
      typeof nested === "object" && nested !== null && "name" in nested
        ? (nested as { name: unknown }).name
        : tool["name"];
    if (typeof name !== "string") {
      throw operationNotAllowed(
        `tool_choice.allowed_tools.tools[${index}]`,
        "Only function tools can be allowed on Gemini.",
      );
    }
    return [name];
  });
}

function normalizeChoice(request: ChatCompletionRequest): {
  choice: ChatToolChoice | undefined;
  path: string;
} {
  if (request.tool_choice !== undefined) return { choice: request.tool_choice, path: "tool_choice" };
  const legacy = request.function_call;
  if (legacy === undefined) return { choice: undefined, path: "function_call" };
  if (typeof legacy === "string") return { choice: legacy, path: "function_call" };
  return { choice: { type: "function", function: { name: legacy.name } }, path: "function_call" };
}

/**
 * Maps Chat `tools` (and the deprecated `functions`) to Gemini function declarations, and `tool_choice`
 * to `functionCallingConfig`: `auto` -> AUTO, `none` -> NONE, `required` -> ANY, a named function -> ANY
 * with `allowedFunctionNames`, `allowed_tools` -> the allowed subset (AUTO declares only those functions,
 * since Gemini takes allowed names only with ANY).
 */
export function mapGeminiTools(
  request: ChatCompletionRequest,
  traits: GeminiModelTraits,
): Translation<GeminiToolFields> {
  const warnings: Warning[] = [];
  const functions = collectFunctions(request, warnings);
  const names = new Set(functions.map((definition) => definition.name));
  const { choice, path } = normalizeChoice(request);
  if (request.parallel_tool_calls === false && functions.length > 0) {
    warnings.push(
      unsupportedParameter("parallel_tool_calls", target, "Gemini cannot be told to make one call at a time"),
    );
  }
  if (functions.length === 0) {
    if (choice !== undefined && choice !== "none" && choice !== "auto") {
      throw invalidRequest(`'${path}' requires tools to be declared.`, path);
    }
    return { value: {}, warnings };
  }

  let declared = functions;
  let config: GeminiFunctionCallingConfig | undefined;
  if (choice === "auto") config = { mode: "AUTO" };
  else if (choice === "none") config = { mode: "NONE" };
  else if (choice === "required") config = { mode: "ANY" };
  else if (choice !== undefined && choice.type === "custom") {
    throw operationNotAllowed(`${path}.custom`, "Custom tools have no Gemini equivalent.");
  } else if (choice !== undefined && choice.type === "function") {
    if (!names.has(choice.function.name)) {
      throw invalidRequest(
        `No function named '${choice.function.name}' is declared in 'tools'.`,
        `${path}.function.name`,
      );
    }
    config = { mode: "ANY", allowedFunctionNames: [choice.function.name] };
  } else if (choice !== undefined && choice.type === "allowed_tools") {
    const allowed = allowedToolNames(choice);
    for (const name of allowed) {
      if (!names.has(name)) {
        throw invalidRequest(
          `No function named '${name}' is declared in 'tools'.`,
          `${path}.allowed_tools.tools`,
        );
      }
    }
    if (choice.allowed_tools.mode === "required") config = { mode: "ANY", allowedFunctionNames: allowed };
    else {
      declared = functions.filter((definition) => allowed.includes(definition.name));
      config = { mode: "AUTO" };
    }
  }

  const functionDeclarations = declared.map((definition) => declare(definition, traits, warnings));
  const value: GeminiToolFields = { tools: [{ functionDeclarations }] };
  if (config !== undefined) value.toolConfig = { functionCallingConfig: config };
  return { value, warnings };
}
