export { createTestSchemas } from "./contract/postgres-schemas";
