import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { repositoryRoot } from "./fixtures";

/** The wire protocols of the shared recordings folder. */
export type RecordingProtocol = "openai-chat" | "openai-responses" | "anthropic" | "gemini";

/** One recorded body or stream from `../shared/recordings`. */
export interface Recording {
  protocol: RecordingProtocol;
  /** File name, such as `deepseek-reasoning.chunks.txt`. */
  name: string;
  kind: "json" | "chunks" | "sse";
  path: string;
  readText(): string;
  readJson<T = unknown>(): T;
  /** The JSON values of a `.chunks.txt` stream, one per non-empty line. */
  readChunks<T = unknown>(): T[];
}

/** Where the recordings are: `SWITCHYARD_RECORDINGS`, or `../shared/recordings` beside the repository. */
export const recordingsRoot: string =
  process.env.SWITCHYARD_RECORDINGS ?? resolve(repositoryRoot, "..", "shared", "recordings");

/** Whether the recordings folder is present. */
export const hasRecordings: boolean = existsSync(recordingsRoot);

/** The message tests print when they skip for lack of recordings. */
export const recordingsMissingMessage = `recorded provider traffic not found at ${recordingsRoot}; the replay tests are skipped`;

const kindOf = (name: string): Recording["kind"] | undefined => {
  if (name.endsWith(".chunks.txt")) return "chunks";
  if (name.endsWith(".sse")) return "sse";
  if (name.endsWith(".json")) return "json";
  return undefined;
};

/** Lists the recordings of one protocol (optionally of one kind); empty when the folder is missing. */
export function listRecordings(protocol: RecordingProtocol, kind?: Recording["kind"]): Recording[] {
  const directory = join(recordingsRoot, protocol);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .sort()
    .flatMap((name): Recording[] => {
      const fileKind = kindOf(name);
      if (fileKind === undefined || (kind !== undefined && fileKind !== kind)) return [];
      const path = join(directory, name);
      const readText = () => readFileSync(path, "utf8");
      return [
        {
          protocol,
          name,
          kind: fileKind,
          path,
          readText,
          readJson: () => JSON.parse(readText()),
          readChunks: () =>
            readText()
              .split("\n")
              .filter((line) => line.trim() !== "")
              .map((line) => JSON.parse(line)),
        },
      ];
    });
}
