/** Rewrites an ES module example as CommonJS: static imports become `require` calls, the body runs in an async function. */
export function toCommonJs(code: string): string {
  const requires: string[] = [];
  const body: string[] = [];
  const pending: string[] = [];
  for (const line of code.split("\n")) {
    if (pending.length > 0 || /^import\s/.test(line)) {
      pending.push(line);
      if (!/\bfrom\s+["'][^"']+["'];?\s*$/.test(line)) continue;
      const statement = pending.join(" ");
      pending.length = 0;
      const converted = importToRequire(statement);
      if (converted !== undefined) requires.push(converted);
      continue;
    }
    body.push(line);
  }
  if (pending.length > 0) throw new Error(`an import statement is never closed: ${pending.join(" ")}`);
  return [
    ...requires,
    "(async () => {",
    ...body,
    "})().catch((error) => {",
    "  console.error(error);",
    "  process.exitCode = 1;",
    "});",
    "",
  ].join("\n");
}

const importPattern = /^import\s+(type\s+)?(.+?)\s+from\s+["']([^"']+)["'];?\s*$/;

function importToRequire(statement: string): string | undefined {
  const match = importPattern.exec(statement.replace(/\s+/g, " ").trim());
  if (match === null) throw new Error(`unsupported import form: ${statement}`);
  const [, typeOnly, clause = "", specifier] = match;
  if (typeOnly !== undefined) return undefined;
  const required = `require(${JSON.stringify(specifier)})`;
  const namespace = /^\*\s+as\s+(\w+)$/.exec(clause);
  if (namespace) return `const ${namespace[1]} = ${required};`;
  const named = /^\{(.*)\}$/.exec(clause);
  if (named === null) throw new Error(`unsupported import clause: ${clause}`);
  const bindings = (named[1] ?? "")
    .split(",")
    .map((binding) => binding.trim())
    .filter((binding) => binding !== "" && !binding.startsWith("type "))
    .map((binding) => binding.replace(/\s+as\s+/, ": "));
  return `const { ${bindings.join(", ")} } = ${required};`;
}
