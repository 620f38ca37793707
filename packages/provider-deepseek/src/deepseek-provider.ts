import type { Provider, ProviderOptions } from "@switchyard/core";
import { createOpenAICompatibleProvider } from "@switchyard/provider-openai-compatible";
import { DEEPSEEK_BASE_URL, deepSeekPreset } from "./deepseek-preset";
import { withSchemaChecks } from "./deepseek-structured-output";

/**
 * The DeepSeek provider: name `deepseek`, base `https://api.deepseek.com`, on the OpenAI-compatible provider,
 * with `response_format: json_schema` served through JSON mode and its answers checked against the schema.
 */
export function createDeepSeekProvider(options: ProviderOptions = {}): Provider {
  return withSchemaChecks(
    createOpenAICompatibleProvider({
      ...options,
      name: "deepseek",
      baseUrl: options.baseUrl ?? DEEPSEEK_BASE_URL,
      preset: deepSeekPreset,
    }),
  );
}
