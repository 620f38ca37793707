export * from "./config";
export * from "./errors";
export { openStorage } from "./open-storage";
export * from "./records";
export * from "./state/context-item";
export * from "./state/item-references";
export * from "./state/reasoning-for-target";
export * from "./state/resolve-input";
export * from "./storage";
