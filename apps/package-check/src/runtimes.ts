import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** A runtime the README examples run on, and how to run one file with it. */
export interface Runtime {
  name: "node-esm" | "node-commonjs" | "bun" | "deno";
  /** The file name the example is written to; its extension picks the module system. */
  fileName: string;
  command(file: string): { executable: string; args: string[] };
}

const require = createRequire(import.meta.url);

/** The path of an npm package's executable as installed beside this package (bun and deno ship as npm packages). */
function binaryOf(packageName: "bun" | "deno"): string {
  const manifest = require.resolve(`${packageName}/package.json`);
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  const relative = typeof bin === "string" ? bin : bin[packageName];
  if (relative === undefined) throw new Error(`${packageName} declares no executable`);
  return join(dirname(manifest), relative);
}

/** Node runs the examples with its built-in type stripping, as ESM (.mts) and CommonJS (.cts). */
export const nodeRuntimes: Runtime[] = [
  {
    name: "node-esm",
    fileName: "example.mts",
    command: (file) => ({
      executable: process.execPath,
      args: ["--disable-warning=ExperimentalWarning", file],
    }),
  },
  {
    name: "node-commonjs",
    fileName: "example.cts",
    command: (file) => ({
      executable: process.execPath,
      args: ["--disable-warning=ExperimentalWarning", file],
    }),
  },
];

/** Bun and Deno run the ESM example as TypeScript, resolving packages from the scratch project's node_modules. */
export const otherRuntimes: Runtime[] = [
  {
    name: "bun",
    fileName: "example.ts",
    command: (file) => ({ executable: binaryOf("bun"), args: ["run", file] }),
  },
  {
    name: "deno",
    fileName: "example.ts",
    command: (file) => ({
      executable: binaryOf("deno"),
      args: ["run", "--quiet", "--no-prompt", "--allow-env", "--allow-read", file],
    }),
  },
];
