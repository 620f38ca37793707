import type { Provider, ProviderOptions } from "@switchyard/core";
import { createOpenAICompatibleProvider } from "@switchyard/provider-openai-compatible";
import { DEEPSEEK_BASE_URL, deepSeekPreset } from "./deepseek-preset";

/** The DeepSeek provider: name `deepseek`, base `https://api.deepseek.com`, on the OpenAI-compatible provider. */
export function createDeepSeekProvider(options: ProviderOptions = {}): Provider {
  return createOpenAICompatibleProvider({
    ...options,
    name: "deepseek",
    baseUrl: options.baseUrl ?? DEEPSEEK_BASE_URL,
    preset: deepSeekPreset,
  });
}
