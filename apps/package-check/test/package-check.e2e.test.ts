import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractReadmeExample } from "../src/readme-example";
import { nodeRuntimes, otherRuntimes, type Runtime } from "../src/runtimes";
import { createScratchProject, publishedPackages, type ScratchProject } from "../src/scratch-project";
import { toCommonJs } from "../src/to-commonjs";

const run = promisify(execFile);
const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const packageDirectories = await publishedPackages(join(repositoryRoot, "packages"));
const runtimes: Runtime[] = [...nodeRuntimes, ...otherRuntimes];

let project: ScratchProject;

beforeAll(async () => {
  project = await createScratchProject(repositoryRoot);
}, 600_000);

afterAll(async () => {
  if (project !== undefined) await rm(project.directory, { recursive: true, force: true });
});

describe("every package, packed and installed from its tarball", () => {
  it("is packed with its build, its README and its LICENSE", async () => {
    expect(project.tarballs).toHaveLength(packageDirectories.length);
    for (const tarball of project.tarballs) {
      const { stdout } = await run("tar", ["-tzf", tarball]);
      const files = stdout.split("\n");
      expect(files, tarball).toEqual(
        expect.arrayContaining(["package/dist/index.js", "package/dist/index.d.ts", "package/LICENSE"]),
      );
      expect(
        files.filter((file) => file.includes("node_modules") || file.includes("/src/")),
        tarball,
      ).toEqual([]);
    }
  });

  it.each(packageDirectories)(
    "%s: require() from CommonJS and import from ESM give the same module",
    async (directory) => {
      const { name } = JSON.parse(
        await readFile(join(repositoryRoot, "packages", directory, "package.json"), "utf8"),
      );
      const script = [
        `const required = require(${JSON.stringify(name)});`,
        `import(${JSON.stringify(name)}).then((imported) => {`,
        "  const keys = Object.keys(required).sort().join(',');",
        "  if (keys === '' || keys !== Object.keys(imported).sort().join(',')) process.exit(1);",
        `  console.log(require(${JSON.stringify(`${name}/package.json`)}).name);`,
        "});",
      ].join("\n");
      const { stdout } = await run(process.execPath, ["-e", script], { cwd: project.directory });
      expect(stdout.trim()).toBe(name);
    },
  );
});

describe.each(packageDirectories)("the README example of %s", (directory) => {
  it.each(runtimes.map((runtime) => [runtime.name, runtime] as const))(
    "runs as written on %s and prints its documented output",
    async (_name, runtime) => {
      const readme = await readFile(join(repositoryRoot, "packages", directory, "README.md"), "utf8");
      const example = extractReadmeExample(readme);
      const folder = join(project.directory, "examples", directory, runtime.name);
      await mkdir(folder, { recursive: true });
      const file = join(folder, runtime.fileName);
      await writeFile(file, runtime.name === "node-commonjs" ? toCommonJs(example.code) : example.code);
      const { executable, args } = runtime.command(file);
      const { stdout } = await run(executable, args, {
        cwd: folder,
        env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", DO_NOT_TRACK: "1" },
      });
      expect(stdout).toBe(example.expectedOutput);
    },
    60_000,
  );
});
