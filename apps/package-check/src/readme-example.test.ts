import { describe, expect, it } from "vitest";
import { extractReadmeExample } from "./readme-example";

const readme = (example: string) =>
  `# pkg\n\nIntro.\n\n${example}\n## Public API\n\n\`\`\`ts\nnot this\n\`\`\`\n`;

describe("extractReadmeExample", () => {
  it("takes the first ts block of the Example section and the text block after it", () => {
    const markdown = readme(
      '## Example\n\n```sh\nnpm i pkg\n```\n\n```ts\nconsole.log("hi");\n```\n\nPrints:\n\n```text\nhi\n```\n',
    );
    expect(extractReadmeExample(markdown)).toEqual({ code: 'console.log("hi");\n', expectedOutput: "hi\n" });
  });

  it.each([
    ["no Example section", "# pkg\n", "the README has no '## Example' section"],
    [
      "no ts block",
      readme("## Example\n\n```text\nhi\n```\n"),
      "the '## Example' section has no ```ts block",
    ],
    [
      "no output block",
      readme("## Example\n\n```ts\nx\n```\n"),
      "the '## Example' section has no ```text block after its code",
    ],
    ["an unclosed block", "## Example\n\n```ts\nx\n", "a ```ts block is never closed"],
  ])("refuses a README with %s", (_case, markdown, message) => {
    expect(() => extractReadmeExample(markdown)).toThrow(message);
  });

  it("does not take an output block from the next section", () => {
    const markdown = "## Example\n\n```ts\nx\n```\n\n## Output\n\n```text\nhi\n```\n";
    expect(() => extractReadmeExample(markdown)).toThrow("no ```text block");
  });
});
