import type { Warning } from "@switchyard/core";
import { describe, expect, it } from "vitest";
import { chatPartToInput, inputPartToChat } from "./map-content-parts";

describe("content parts", () => {
  it.each([
    [
      { type: "input_text", text: "hi" },
      { type: "text", text: "hi" },
    ],
    [
      { type: "input_image", image_url: "https://x/a.png", detail: "high" },
      { type: "image_url", image_url: { url: "https://x/a.png", detail: "high" } },
    ],
    [
      { type: "input_file", file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" },
      { type: "file", file: { file_data: "data:application/pdf;base64,JVBE", filename: "a.pdf" } },
    ],
    [
      { type: "input_file", file_id: "file-1" },
      { type: "file", file: { file_id: "file-1" } },
    ],
    [
      { type: "input_audio", input_audio: { data: "AA==", format: "wav" } },
      { type: "input_audio", input_audio: { data: "AA==", format: "wav" } },
    ],
  ] as const)("%j <-> %j", (input, chat) => {
    expect(inputPartToChat(input, "input[0].content[0]")).toEqual(chat);
    const warnings: Warning[] = [];
    expect(chatPartToInput(chat, "messages[0].content[0]", warnings)).toEqual(input);
    expect(warnings).toEqual([]);
  });

  it("sends a refusal part of a user message as text, with a warning", () => {
    const warnings: Warning[] = [];
    expect(chatPartToInput({ type: "refusal", refusal: "no" }, "messages[0].content[1]", warnings)).toEqual({
      type: "input_text",
      text: "no",
    });
    expect(warnings.map((warning) => warning.code)).toEqual(["messages[0].content[1]"]);
  });
});
