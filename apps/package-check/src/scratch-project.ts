import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A scratch project outside the workspace with every package installed from its packed tarball. */
export interface ScratchProject {
  directory: string;
  tarballs: string[];
}

/** The folders under `packages/` whose package is published (not `private`), sorted. */
export async function publishedPackages(packagesDirectory: string): Promise<string[]> {
  const published: string[] = [];
  for (const directory of (await readdir(packagesDirectory)).sort()) {
    const manifest = JSON.parse(await readFile(join(packagesDirectory, directory, "package.json"), "utf8"));
    if (manifest.private !== true) published.push(directory);
  }
  return published;
}

/** Packs every published package under `packages/` (each builds first, in its `prepack`) into a fresh folder. */
export async function packWorkspace(repositoryRoot: string, destination: string): Promise<string[]> {
  const directories = await publishedPackages(join(repositoryRoot, "packages"));
  const filters = directories.flatMap((directory) => ["--filter", `./packages/${directory}`]);
  await run("pnpm", ["-r", ...filters, "pack", "--pack-destination", destination], {
    cwd: repositoryRoot,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = await readdir(destination);
  return files.filter((file) => file.endsWith(".tgz")).map((file) => join(destination, file));
}

/** Creates a project in the system's temporary folder and installs the tarballs there with npm, as a consumer would. */
export async function createScratchProject(repositoryRoot: string): Promise<ScratchProject> {
  const directory = await mkdtemp(join(tmpdir(), "switchyard-consumer-"));
  const packs = join(directory, "packs");
  await mkdir(packs);
  const tarballs = await packWorkspace(repositoryRoot, packs);
  await writeFile(
    join(directory, "package.json"),
    `${JSON.stringify({ name: "consumer", private: true }, null, 2)}\n`,
  );
  await run(
    "npm",
    ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...tarballs],
    {
      cwd: directory,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { directory, tarballs };
}
