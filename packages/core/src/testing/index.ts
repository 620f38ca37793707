export * from "./fixtures";
export * from "./function-call";
export * from "./recordings";
export * from "./replay-fetch";
export * from "./services";
