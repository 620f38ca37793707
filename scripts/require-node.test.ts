import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { nodeVersionProblem } = createRequire(import.meta.url)("./require-node.cjs") as {
  nodeVersionProblem(version: string): string | undefined;
};

describe("the Node preflight of pnpm test and pnpm start", () => {
  it.each(["18.20.4", "20.19.5", "22.11.0", "v20.0.0"])(
    "stops Node %s with one line naming the fix",
    (version) => {
      const problem = nodeVersionProblem(version);
      expect(problem).toContain("needs Node 22.12 or newer");
      expect(problem).toContain(`this is Node ${version}`);
      expect(problem).toContain("bash .ci/run");
      expect(problem).not.toContain("\n");
    },
  );

  it.each(["22.12.0", "22.20.1", "24.21.0", "25.0.0"])("lets Node %s through", (version) => {
    expect(nodeVersionProblem(version)).toBeUndefined();
  });

  it("passes silently on the Node running the tests", () => {
    const output = execFileSync(process.execPath, [new URL("./require-node.cjs", import.meta.url).pathname], {
      encoding: "utf8",
    });
    expect(output).toBe("");
  });
});
