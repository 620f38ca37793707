// A second process on the same SQLite file, for the multi-process test: appends blocks to one conversation.
// Usage: node --import tsx sqlite-writer-process.ts <file> <conversation id> <prefix> <blocks>
// Once its storage is open it writes `<file>.<prefix>.ready` and waits for `<file>.go`, so every process
// starts appending at the same moment and their transactions really contend.
import { existsSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { openStorage } from "../open-storage";
import { alice, userItem } from "./contract-fixtures";

const [file, conversationId, prefix, blocks] = process.argv.slice(2) as [string, string, string, string];
const storage = await openStorage({ backend: "sqlite", file });
writeFileSync(`${file}.${prefix}.ready`, "");
while (!existsSync(`${file}.go`)) await sleep(2);
await Promise.all(
  Array.from({ length: Number(blocks) }, (_, index) =>
    storage.conversations.append(
      alice,
      conversationId,
      [userItem(`${prefix}_${index}_a`, "a"), userItem(`${prefix}_${index}_b`, "b")],
      Date.now(),
    ),
  ),
);
await storage.close();
