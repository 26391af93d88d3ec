/**
 * The kinds of field spec the scenario's table (`fields.ts`) is made of, and the two questions
 * asked of a spec: does it accept a value (`accepts`), and how is its range phrased
 * (`describeSpec`). Pure; shared by the validator and by the rules' coerce mode.
 */

/** What every spec may say besides its range. */
interface SpecBase {
  /** Absent stays absent (no default is filled in): "absent = never" or "absent = another field". */
  readonly optional?: true;
  /** An array item must give this field (composite items only). */
  readonly required?: true;
}

/** A numeric field: inclusive range, default and unit (descriptions: `docs.ts`). */
export interface NumberSpec extends SpecBase {
  readonly kind: 'number' | 'integer';
  readonly min: number;
  readonly max: number;
  readonly default: number;
  readonly unit?: string;
}

/** A boolean field. */
export interface BooleanSpec extends SpecBase {
  readonly kind: 'boolean';
  readonly default: boolean;
}

/** A field with a fixed set of string values. */
export interface EnumSpec extends SpecBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default: string;
}

/** Any scalar field spec. */
export type FieldSpec = NumberSpec | BooleanSpec | EnumSpec;

/**
 * A URL path of an array item (printable ASCII after "/", at most 200 characters); absent, the
 * item's 1-based index numbers the default: `${prefix}${i}${suffix}`.
 */
export interface PathSpec {
  readonly kind: 'path';
  readonly prefix: string;
  readonly suffix: string;
}

/** The URL paths a `PathSpec` accepts. */
export const URL_PATH = /^\/[\x21-\x7e]{0,199}$/;

/** Whether `spec` accepts `v` as it is. */
export function accepts(spec: FieldSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max;
    case 'boolean':
      return typeof v === 'boolean';
    case 'enum':
      return typeof v === 'string' && spec.values.includes(v);
  }
}

/** The allowed-values phrase for a spec ("a number between 1 and 10000"). */
export function describeSpec(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a number between ${spec.min} and ${spec.max}`;
    case 'integer':
      return `an integer between ${spec.min} and ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
}
