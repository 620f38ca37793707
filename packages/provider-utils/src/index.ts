export * from "./get-json";
export * from "./post-json";
export * from "./read-answer";
export * from "./redact";
export * from "./retry-after";
export * from "./upstream-errors";
