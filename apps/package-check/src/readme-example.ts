/** The runnable example of a package README and the output it must print. */
export interface ReadmeExample {
  /** The TypeScript source of the first `ts` code block under the `## Example` heading. */
  code: string;
  /** The first `text` code block after it, in the same section: what the example prints. */
  expectedOutput: string;
}

const fencePattern = /^```(\w*)\s*$/;

/** Finds the `## Example` section of a README and returns its example and expected output. */
export function extractReadmeExample(markdown: string): ReadmeExample {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => /^## Example\s*$/.test(line));
  if (start === -1) throw new Error("the README has no '## Example' section");
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  const section = lines.slice(start + 1, end === -1 ? undefined : end);
  const blocks = fencedBlocks(section);
  const codeIndex = blocks.findIndex((block) => block.language === "ts");
  if (codeIndex === -1) throw new Error("the '## Example' section has no ```ts block");
  const output = blocks.slice(codeIndex + 1).find((block) => block.language === "text");
  if (output === undefined) {
    throw new Error("the '## Example' section has no ```text block after its code: the output it prints");
  }
  return { code: blocks[codeIndex]?.body ?? "", expectedOutput: output.body };
}

interface FencedBlock {
  language: string;
  body: string;
}

function fencedBlocks(lines: string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { language: string; lines: string[] } | undefined;
  for (const line of lines) {
    const fence = fencePattern.exec(line);
    if (open === undefined) {
      if (fence) open = { language: fence[1] ?? "", lines: [] };
    } else if (fence && fence[1] === "") {
      blocks.push({ language: open.language, body: `${open.lines.join("\n")}\n` });
      open = undefined;
    } else {
      open.lines.push(line);
    }
  }
  if (open !== undefined) throw new Error(`a \`\`\`${open.language} block is never closed`);
  return blocks;
}
