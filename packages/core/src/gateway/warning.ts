import { z } from "zod";

/** A structured note that the gateway changed or ignored part of a request: `routing_metadata.warnings[]`. */
export const WarningSchema = z.looseObject({
  type: z.string(),
  code: z.string(),
  message: z.string(),
});

/** One entry of `routing_metadata.warnings`. */
export type Warning = z.infer<typeof WarningSchema>;

/** The warning types Switchyard emits. `code` names the field or the provider behind it. */
export type WarningType =
  | "unsupported_parameter"
  | "adjusted_parameter"
  | "dropped_content"
  | "unknown_event"
  | "fallback"
  | "schema_conversion"
  | (string & {});

/** A translation result: the translated value plus every warning the translation produced. */
export interface Translation<T> {
  value: T;
  warnings: Warning[];
}

/** Builds the warning for a request field the target cannot carry. */
export function unsupportedParameter(field: string, target: string, detail?: string): Warning {
  return {
    type: "unsupported_parameter",
    code: field,
    message: `Parameter '${field}' is not supported by ${target}${detail ? `: ${detail}` : "."}`,
  };
}
