import { defineConfig } from "tsup";

// tsup strips `node:` from imports by default, and `sqlite` without it is not Node's built-in module.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  dts: true,
  clean: true,
  removeNodeProtocol: false,
});
