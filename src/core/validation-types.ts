/** One error as produced by ajv (and by precompiled validators). */
export interface ValidationErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * A validation function: ajv's compiled or precompiled (standalone) validator.
 * Returns true when valid; otherwise `errors` holds what failed.
 */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ValidationErrorObject[] | null;
}

/** A JSON Schema object (2020-12) with xc's `x-xc-*` annotations. */
export type JsonSchema = { [key: string]: unknown };

/** One problem found in a value, tied to where it belongs. */
export interface FieldError {
  /** Dotted path of the field (`interviewee.name`, `transcript.2.answer`); '' for the whole value. */
  path: string;
  /** Translated message meant for the person filling the form. */
  message: string;
  /** The JSON Schema keyword (or xc rule) that failed. */
  keyword: string;
}

/** What `validate()` returns on every xc element. */
export interface ValidationResult {
  valid: boolean;
  errors: FieldError[];
}
