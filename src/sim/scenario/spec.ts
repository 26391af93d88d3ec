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

/**
 * A hostname, with an optional port (`cdn.example.com`, `example.com:8443`): lower-case letters,
 * digits and hyphens in dot-separated labels of at most 63 characters (RFC 1123 §2.1), at most 253
 * characters before the port.
 */
export interface HostSpec extends SpecBase {
  readonly kind: 'host';
  readonly default: string;
}

/** A URL path of a scalar field (the document's): as `URL_PATH` accepts, with a default. */
export interface UrlPathSpec extends SpecBase {
  readonly kind: 'url-path';
  readonly default: string;
}

/** Any scalar field spec. */
export type FieldSpec = NumberSpec | BooleanSpec | EnumSpec | HostSpec | UrlPathSpec;

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

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** The hosts a `HostSpec` accepts. */
export const HOST = new RegExp(
  `^(?=[^:]{1,253}(?::|$))${LABEL}(?:\\.${LABEL})*(?::(?:[1-9][0-9]{0,4}))?$`,
);

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
    case 'host':
      return typeof v === 'string' && HOST.test(v) && Number(v.split(':')[1] ?? 1) <= 65535;
    case 'url-path':
      return typeof v === 'string' && URL_PATH.test(v);
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
    case 'host':
      return 'a lower-case hostname, with an optional port ("cdn.example.com", "example.com:8443")';
    case 'url-path':
      return 'a path starting with "/"';
  }
}
