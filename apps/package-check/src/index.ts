export { extractReadmeExample, type ReadmeExample } from "./readme-example";
export { nodeRuntimes, otherRuntimes, type Runtime } from "./runtimes";
export {
  createScratchProject,
  packWorkspace,
  publishedPackages,
  type ScratchProject,
} from "./scratch-project";
export { toCommonJs } from "./to-commonjs";
