export * from "./anthropic-blocks";
export * from "./messages-answer-schema";
export * from "./messages-request-schema";
