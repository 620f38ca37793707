import { defineConfig } from "tsup";

// The server ships as one bundle: the workspace packages and their libraries are compiled in, so it starts
// on plain `node` (no TypeScript loader on the request path). pino stays outside: its transports load
// worker files by path, which a bundle would break.
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: "esm",
  platform: "node",
  target: "node22",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^(?!pino$)/],
  // Built-ins keep their `node:` prefix: node:sqlite (the response store's embedded database) exists only
  // under that name.
  removeNodeProtocol: false,
  // Bundled CommonJS (prom-client, undici) still calls `require` for Node's built-ins.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
});
