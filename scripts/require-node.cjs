// Preflight of `pnpm test` and `pnpm start`: stops at once, with one line, on a Node older than the one
// the repository needs (on Node 20 the tests otherwise run for minutes and fail on `Map.groupBy`).
// Plain CommonJS with no recent syntax, so that it runs on the old Node it is meant to catch.
"use strict";

/** The oldest Node the repository runs on, as in package.json's `engines.node`. */
const REQUIRED = { major: 22, minor: 12 };

/** The one-line reason a Node version is too old, or `undefined` when it is recent enough. */
function nodeVersionProblem(version) {
  const parts = String(version).replace(/^v/, "").split(".").map(Number);
  const major = parts[0] || 0;
  const minor = parts[1] || 0;
  if (major > REQUIRED.major || (major === REQUIRED.major && minor >= REQUIRED.minor)) return undefined;
  return (
    "Switchyard needs Node " +
    REQUIRED.major +
    "." +
    REQUIRED.minor +
    " or newer, this is Node " +
    version +
    ": run `bash .ci/run` once (it installs Node 24 into ~/.cache/switchyard/node-24.21.0/bin; put that" +
    " directory first on PATH) or install Node 22.12+ from https://nodejs.org."
  );
}

module.exports = { nodeVersionProblem };

if (require.main === module) {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem !== undefined) {
    process.stderr.write(problem + "\n");
    process.exit(1);
  }
}
