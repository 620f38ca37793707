import type { OpenAICompatiblePreset, PresetName } from "../openai-compatible-preset";
import { fireworksPreset } from "./fireworks";
import { groqPreset } from "./groq";
import { llamacppPreset } from "./llamacpp";
import { mistralPreset } from "./mistral";
import { ollamaPreset } from "./ollama";
import { togetherPreset } from "./together";
import { vllmPreset } from "./vllm";
import { xaiPreset } from "./xai";

/** The built-in presets, by name. */
export const openAICompatiblePresets: Readonly<Record<PresetName, OpenAICompatiblePreset>> = {
  groq: groqPreset,
  together: togetherPreset,
  fireworks: fireworksPreset,
  mistral: mistralPreset,
  xai: xaiPreset,
  vllm: vllmPreset,
  ollama: ollamaPreset,
  llamacpp: llamacppPreset,
};
