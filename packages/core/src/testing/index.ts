export * from "./fixtures";
export * from "./recordings";
export * from "./replay-fetch";
export * from "./services";
