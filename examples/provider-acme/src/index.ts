export type { AcmeAnswer, AcmeRequest, AcmeTurn, AcmeUsage } from "./acme-api";
export { ACME_BASE_URL, createAcmeProvider } from "./acme-provider";
export { acmeProviderDefinition } from "./acme-provider-definition";
export { chatRequestToAcme } from "./acme-request";
export { acmeAnswerToChat, acmeUsageToChat, createAcmeStreamTranscoder } from "./acme-response";
export { acmeUpstreamFake } from "./acme-upstream-fake";
