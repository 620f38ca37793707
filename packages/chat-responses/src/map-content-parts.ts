import { type ChatContentPart, type InputContent, operationNotAllowed, type Warning } from "@switchyard/core";

/**
 * One Responses input part -> one Chat content part. `input_image` by `file_id` and `input_file` by
 * `file_url` have no Chat form and are refused with a 400 naming the part.
 */
export function inputPartToChat(part: InputContent, path: string): ChatContentPart {
  switch (part.type) {
    case "input_text":
      return { type: "text", text: part.text };
    case "input_image": {
      if (part.image_url == null) {
        throw operationNotAllowed(
          `${path}.file_id`,
          `${path}: an input_image given by file_id cannot be sent to a Chat Completions upstream; send image_url (an https or data: URL).`,
        );
      }
      // Chat accepts `auto`, `low` and `high`; OpenAI's newer `original` passes through as sent.
      const detail = part.detail === undefined ? {} : { detail: part.detail };
      return { type: "image_url", image_url: { url: part.image_url, ...detail } };
    }
    case "input_file": {
      if (part.file_url != null) {
        throw operationNotAllowed(
          `${path}.file_url`,
          `${path}: an input_file given by file_url cannot be sent to a Chat Completions upstream; send file_data or file_id.`,
        );
      }
      return {
        type: "file",
        file: {
          ...(part.file_data == null ? {} : { file_data: part.file_data }),
          ...(part.file_id == null ? {} : { file_id: part.file_id }),
          ...(part.filename == null ? {} : { filename: part.filename }),
        },
      };
    }
    case "input_audio":
      return { type: "input_audio", input_audio: part.input_audio };
  }
}

/** A cache hint has no Responses equivalent: one warning naming where it was. */
export const cacheControlWarning = (path: string): Warning => ({
  type: "unsupported_parameter",
  code: `${path}.cache_control`,
  message: `Parameter '${path}.cache_control' is not supported by the Responses API; the cache hint was dropped.`,
});

/**
 * One Chat content part -> one Responses input part. Images get `detail: "auto"` when none is given
 * (Chat's default; the Responses `input_image` type requires the field). Refusal parts are not input.
 */
export function chatPartToInput(part: ChatContentPart, path: string, warnings: Warning[]): InputContent {
  if (part.type !== "refusal" && part.cache_control !== undefined) warnings.push(cacheControlWarning(path));
  switch (part.type) {
    case "text":
      return { type: "input_text", text: part.text };
    case "image_url":
      return { type: "input_image", image_url: part.image_url.url, detail: part.image_url.detail ?? "auto" };
    case "input_audio":
      return { type: "input_audio", input_audio: part.input_audio };
    case "file":
      return {
        type: "input_file",
        ...(part.file.file_data === undefined ? {} : { file_data: part.file.file_data }),
        ...(part.file.file_id === undefined ? {} : { file_id: part.file.file_id }),
        ...(part.file.filename === undefined ? {} : { filename: part.file.filename }),
      };
    case "refusal":
      warnings.push({
        type: "adjusted_parameter",
        code: path,
        message: `'${path}' is a refusal part, which a Responses input message cannot hold; it was sent as text.`,
      });
      return { type: "input_text", text: part.refusal };
  }
}
