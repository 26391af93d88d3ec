/**
 * The scenario's nesting, derived from the field table: which keys the top level and each
 * section allow, in the order they are written (`TOP_KEYS`, `sectionKeys`), and reading or
 * writing a field of an input by its dotted path. Optional sections come last.
 */
import { COMPOSITE_FIELDS, OPTIONAL_SECTIONS, SCENARIO_FIELDS, type FieldPath } from './fields';

/** Every path of the table, scalars first, each once (`page.objects` is both). */
const PATHS: readonly string[] = [
  ...new Set([...Object.keys(SCENARIO_FIELDS), ...Object.keys(COMPOSITE_FIELDS)]),
];

/** The top-level key of a path (`network` of `network.rttMs`; `seed` of `seed`). */
export function headOf(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/** The key inside its section of a path (`rttMs` of `network.rttMs`). */
export function keyOf(path: string): string {
  return path.slice(path.indexOf('.') + 1);
}

const optional = (k: string): boolean => (OPTIONAL_SECTIONS as readonly string[]).includes(k);
const heads = [...new Set(PATHS.map(headOf))];

/** Top-level keys in the order a scenario is written: required ones, then optional sections. */
export const TOP_KEYS: readonly string[] = [
  ...heads.filter((k) => !optional(k)),
  ...heads.filter(optional),
];

/** A section's field: its key inside the section and its dotted path. */
export type SectionField = readonly [key: string, path: string];

/**
 * Each section's fields in the table's order, computed once (the validator reads them on every
 * run); the keys alone beside them.
 */
const SECTION_FIELDS: ReadonlyMap<string, readonly SectionField[]> = new Map(
  heads
    .map((head): [string, readonly SectionField[]] => [
      head,
      PATHS.filter((p) => p.startsWith(`${head}.`)).map((p): SectionField => [keyOf(p), p]),
    ])
    .filter(([, fields]) => fields.length > 0),
);
const SECTION_KEYS: ReadonlyMap<string, readonly string[]> = new Map(
  [...SECTION_FIELDS].map(([head, fields]) => [head, fields.map(([key]) => key)]),
);

/** Whether a top-level key is a section (an object of fields). */
export function isSection(key: string): boolean {
  return SECTION_KEYS.has(key);
}

/** Whether a top-level key is an optional section. */
export const isOptionalSection = optional;

/** The keys a section allows, in the table's order. */
export function sectionKeys(section: string): readonly string[] {
  return SECTION_KEYS.get(section) ?? [];
}

/** A section's fields with their dotted paths, in the table's order (none: not a section). */
export function sectionFields(section: string): readonly SectionField[] | undefined {
  return SECTION_FIELDS.get(section);
}

/** The scalar paths of a top-level key (itself, or its section's fields). */
export function scalarPaths(key: string): readonly FieldPath[] {
  return (Object.keys(SCENARIO_FIELDS) as FieldPath[]).filter((p) => headOf(p) === key);
}

/** A scalar path split once: its top-level key, its key inside the section (or itself). */
export interface PathParts {
  readonly path: FieldPath;
  readonly head: string;
  readonly key: string;
}

/** Every scalar path of the table, split, in the table's order (computed once). */
export const SCALAR_PARTS: readonly PathParts[] = (Object.keys(SCENARIO_FIELDS) as FieldPath[]).map(
  (path) => ({ path, head: headOf(path), key: keyOf(path) }),
);

/** Whether `v` is a plain object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of a dotted path in an input (undefined when it or its section is absent). */
export function rawAt(input: unknown, path: string): unknown {
  return rawAtParts(input, headOf(path), path, keyOf(path));
}

/** `rawAt` with the path already split. */
export function rawAtParts(input: unknown, head: string, path: string, key: string): unknown {
  if (!isRecord(input)) return undefined;
  if (head === path) return input[path];
  const section = input[head];
  return isRecord(section) ? section[key] : undefined;
}

/** A copy of `input` with the fields of `patch` (dotted paths) set; other fields kept as given. */
export function withFields<T extends object>(
  input: T,
  patch: Readonly<Record<string, unknown>>,
): T {
  const out = { ...input } as Record<string, unknown>;
  for (const [path, v] of Object.entries(patch)) {
    const head = headOf(path);
    if (head === path) out[path] = v;
    else {
      const section = out[head];
      out[head] = { ...(isRecord(section) ? section : {}), [keyOf(path)]: v };
    }
  }
  return out as T;
}
