/**
 * Declarative widget parameters: one schema per widget drives its labelled inputs, the URL
 * query (parse with validation, serialise) and the scenario it hands to the simulation. Pure
 * TypeScript (no DOM, no Svelte) so the embed routes and the unit tests reuse it as is.
 */
import type { Lang } from '../../i18n';
import { ui, type WidgetStrings } from '../../i18n/ui';

/**
 * A string a reader sees, picked from the widget dictionary of the page's language:
 * `(w) => w.param.rtt`. Schemas hold pickers, not text, so the browser ships one language only;
 * `bilingual()` in `widgets/bilingual.ts` resolves both languages at build time.
 */
export type UiText = (w: WidgetStrings) => string;

interface ParamBase<K extends string> {
  /** Identifier: the values key and, namespaced, the URL key (`race.rtt`). */
  readonly key: K;
  /** Input label. */
  readonly label: UiText;
  /** One sentence under the input, when the label is not enough. */
  readonly description?: UiText;
  /** The fieldset the input is shown in (`ParamControls`); none: before every group. */
  readonly group?: ParamGroup;
}

/**
 * A fieldset of related parameters (share one object between its parameters). A group that
 * `applies` says does not apply to the current values is hidden, unless one of its values differs
 * from its default: then it stays, with a note that those values are not used.
 */
export interface ParamGroup {
  /** Identifier (element ids). */
  readonly key: string;
  /** The fieldset's legend. */
  readonly legend: UiText;
  /** Whether the group's parameters affect the widget for these values (absent: always). */
  readonly applies?: (values: Readonly<Record<string, unknown>>) => boolean;
}

/** A number in [min, max], snapped to `step` from `min`. */
export interface NumberParam<K extends string = string> extends ParamBase<K> {
  readonly type: 'number';
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /** Unit shown after the value ("ms", "Mbit/s"). */
  readonly unit?: UiText;
}

/** One of a fixed list of string values. */
export interface EnumParam<
  K extends string = string,
  V extends string = string,
> extends ParamBase<K> {
  readonly type: 'enum';
  readonly options: readonly V[];
  /** Label of each option (the value itself when absent). */
  readonly optionLabels?: { readonly [O in V]?: UiText };
  readonly default: V;
}

/** On or off; `1`/`0` (also `true`/`false`) in the URL. */
export interface BooleanParam<K extends string = string> extends ParamBase<K> {
  readonly type: 'boolean';
  readonly default: boolean;
}

/** Any parameter. */
export type ParamSpec = NumberParam | EnumParam | BooleanParam;

/** A widget's parameters, in the order its inputs are shown. */
export type ParamSchema = readonly ParamSpec[];

/** The value type of one parameter. */
export type ValueOf<P> = P extends NumberParam
  ? number
  : P extends EnumParam<string, infer V>
    ? V
    : P extends BooleanParam
      ? boolean
      : never;

/** The values object of a schema: `{ rtt: number; tls: 'none' | 'tls1.2' | 'tls1.3' }`. */
export type ParamValues<S extends ParamSchema> = {
  -readonly [P in S[number] as P['key']]: ValueOf<P>;
};

/**
 * Whether schemas and chapter defaults are checked: on the server, which renders every widget of
 * every page with the same schemas and values (an authoring error fails the build), and in
 * development, tests and Node tools (no Vite there: `import.meta.env` is absent). The browser's
 * production build leaves the checks and their messages out of the code every widget loads.
 */
const checked = import.meta.env?.SSR !== false || import.meta.env?.DEV === true;

/** Declares a schema, keeping its keys and enum values as literal types. */
export function defineSchema<const S extends ParamSchema>(schema: S): S {
  if (!checked) return schema;
  const seen = new Set<string>();
  for (const p of schema) {
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(p.key)) {
      throw new Error(`parameter key must be alphanumeric, received "${p.key}"`);
    }
    if (seen.has(p.key)) throw new Error(`duplicate parameter key "${p.key}"`);
    seen.add(p.key);
    if (p.type === 'number' && !(p.min <= p.default && p.default <= p.max && p.step > 0)) {
      throw new Error(
        `parameter "${p.key}": expected min <= default <= max and step > 0, received min ${p.min}, default ${p.default}, max ${p.max}, step ${p.step}`,
      );
    }
    if (p.type === 'enum' && !p.options.includes(p.default)) {
      throw new Error(`parameter "${p.key}": default "${p.default}" is not one of its options`);
    }
  }
  return schema;
}

/** The default values of a schema. */
export function defaults<S extends ParamSchema>(schema: S): ParamValues<S> {
  const out: Record<string, unknown> = {};
  for (const p of schema) out[p.key] = p.default;
  return out as ParamValues<S>;
}

/** What was wrong with one URL parameter and what the widget used instead. */
export interface ParamNotice {
  /** The URL key as written (`race.rtt`). */
  readonly urlKey: string;
  /** Parameter key (absent for unknown keys). */
  readonly key?: string;
  /**
   * `clamped`: out of range or off the step grid; `invalid`: wrong type, default used;
   * `unknown`: no such parameter; `repeated`: the key appears more than once and the last value
   * counts (`raw` is every value, in order, joined by ", "; `used` the last one).
   */
  readonly kind: 'clamped' | 'invalid' | 'unknown' | 'repeated';
  /** How many times the key appears, when more than once. */
  readonly count?: number;
  /** The text found in the URL (show it as text only, never as HTML). */
  readonly raw: string;
  /** The value used instead, as shown in the URL (absent for unknown keys). */
  readonly used?: string;
}

/** Values parsed from a URL plus one notice per correction. */
export interface ParseResult<S extends ParamSchema> {
  readonly values: ParamValues<S>;
  readonly notices: readonly ParamNotice[];
}

/** The URL key of a parameter: `race.rtt` with namespace `race`, plain `rtt` without. */
export function urlKey(key: string, namespace = ''): string {
  return namespace ? `${namespace}.${key}` : key;
}

/** Rounds to the step grid from `min` and clamps into [min, max] (no float noise). */
export function snap(p: NumberParam, n: number): number {
  const clamped = Math.min(p.max, Math.max(p.min, n));
  const steps = Math.round((clamped - p.min) / p.step);
  const decimals = (String(p.step).split('.')[1] ?? '').length;
  const snapped = Number((p.min + steps * p.step).toFixed(decimals));
  return Math.min(p.max, snapped);
}

/** A value as written in the URL. */
export function formatValue(p: ParamSpec, value: unknown): string {
  if (p.type === 'boolean') return value ? '1' : '0';
  return String(value);
}

type ParseOne = { ok: true; value: unknown; clamped: boolean } | { ok: false };

function parseOne(p: ParamSpec, raw: string): ParseOne {
  const text = raw.trim();
  if (p.type === 'number') {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return { ok: false };
    const n = Number(text);
    if (!Number.isFinite(n)) return { ok: false };
    const value = snap(p, n);
    return { ok: true, value, clamped: n < p.min || n > p.max };
  }
  if (p.type === 'enum') {
    return p.options.includes(text) ? { ok: true, value: text, clamped: false } : { ok: false };
  }
  const lower = text.toLowerCase();
  if (lower === '1' || lower === 'true') return { ok: true, value: true, clamped: false };
  if (lower === '0' || lower === 'false') return { ok: true, value: false, clamped: false };
  return { ok: false };
}

/** How `parseParams` treats keys that are not in the schema. */
export interface ParseOptions {
  /**
   * Report unknown keys even without a namespace (an embed's query belongs to its one widget),
   * except the `reserved` ones the page itself reads (`theme`).
   */
  readonly reportUnknown?: boolean;
  /** Keys that are not parameters but are not unknown either; never reported. */
  readonly reserved?: readonly string[];
}

/**
 * Reads a schema's values from a query string. Parameters of other namespaces are left alone;
 * in a namespace (or with `reportUnknown`), unknown keys are reported; out-of-range numbers are
 * clamped (and snapped to the step) and reported; text of the wrong type falls back to the
 * default and is reported. A key given more than once (`rtt=1&rtt=2`) is reported once as
 * `repeated`, and only its last value is read.
 */
export function parseParams<S extends ParamSchema>(
  schema: S,
  search: string | URLSearchParams,
  namespace = '',
  options: ParseOptions = {},
): ParseResult<S> {
  const query = typeof search === 'string' ? new URLSearchParams(search) : search;
  const values: Record<string, unknown> = defaults(schema);
  const notices: ParamNotice[] = [];
  const prefix = namespace ? `${namespace}.` : '';
  const byKey = new Map(schema.map((p) => [p.key, p]));
  const reserved = new Set(options.reserved ?? []);
  const reportUnknown = prefix !== '' || options.reportUnknown === true;
  // Every value of each key, in first-appearance order of the keys.
  const given = new Map<string, string[]>();
  for (const [name, raw] of query) {
    if (prefix && !name.startsWith(prefix)) continue;
    const all = given.get(name);
    if (all) all.push(raw);
    else given.set(name, [raw]);
  }
  for (const [name, all] of given) {
    const key = name.slice(prefix.length);
    const p = byKey.get(key);
    if (!p) {
      if (reportUnknown && !reserved.has(key)) {
        const count = all.length > 1 ? { count: all.length } : {};
        notices.push({ urlKey: name, kind: 'unknown', raw: all.join(', '), ...count });
      }
      continue;
    }
    const raw = all[all.length - 1] ?? '';
    if (all.length > 1) {
      notices.push({
        urlKey: name,
        key,
        kind: 'repeated',
        raw: all.join(', '),
        used: raw,
        count: all.length,
      });
    }
    const parsed = parseOne(p, raw);
    if (!parsed.ok) {
      values[key] = p.default;
      notices.push({ urlKey: name, key, kind: 'invalid', raw, used: formatValue(p, p.default) });
      continue;
    }
    values[key] = parsed.value;
    if (parsed.clamped || (p.type === 'number' && Number(raw) !== parsed.value)) {
      notices.push({ urlKey: name, key, kind: 'clamped', raw, used: formatValue(p, parsed.value) });
    }
  }
  return { values: values as ParamValues<S>, notices };
}

/**
 * Writes a schema's values into a query string: keys of this namespace are replaced, values
 * equal to their default are left out, every other parameter is kept as it was.
 */
export function serializeParams<S extends ParamSchema>(
  schema: S,
  values: ParamValues<S>,
  search: string | URLSearchParams = '',
  namespace = '',
): string {
  const query = new URLSearchParams(search);
  const prefix = namespace ? `${namespace}.` : '';
  const record = values as Record<string, unknown>;
  for (const p of schema) query.delete(urlKey(p.key, namespace));
  if (prefix) {
    for (const name of [...query.keys()]) if (name.startsWith(prefix)) query.delete(name);
  }
  for (const p of schema) {
    const value = record[p.key];
    if (value === undefined || value === p.default) continue;
    query.set(urlKey(p.key, namespace), formatValue(p, value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The label of a parameter, or of one of its options, in a language. */
export function labelOf(text: UiText, lang: Lang): string {
  return text(ui(lang).widgets);
}

/**
 * The same schema with some defaults replaced: how a chapter sets a widget up for its point
 * (`<Widget name="race" params={{ rtt: 200 }} />`). The URL still overrides these values, and
 * a value outside the parameter's range or options is an authoring error: it throws.
 */
export function withDefaults<S extends ParamSchema>(
  schema: S,
  initial: Partial<ParamValues<S>> | undefined,
): S {
  if (!initial) return schema;
  const derived = withDefaultsOf(schema, initial);
  bases.set(derived, baseSchema(schema));
  return derived;
}

/** The schema a `withDefaults` schema was made from (the schema itself otherwise). */
export function baseSchema<S extends ParamSchema>(schema: S): S {
  return (bases.get(schema) as S | undefined) ?? schema;
}

/** `withDefaults` results and the schemas they came from. */
const bases = new WeakMap<ParamSchema, ParamSchema>();

function withDefaultsOf<S extends ParamSchema>(schema: S, initial: Partial<ParamValues<S>>): S {
  const record = initial as Record<string, unknown>;
  const byKey = new Set(schema.map((p) => p.key));
  for (const key of Object.keys(record)) {
    if (checked && !byKey.has(key)) {
      throw new Error(`unknown parameter "${key}"; expected one of ${[...byKey].join(', ')}`);
    }
  }
  return schema.map((p) => {
    if (!(p.key in record) || record[p.key] === undefined) return p;
    const value = record[p.key];
    if (!checked) return { ...p, default: value };
    const ok =
      p.type === 'number'
        ? typeof value === 'number' && value >= p.min && value <= p.max && snap(p, value) === value
        : p.type === 'enum'
          ? typeof value === 'string' && p.options.includes(value)
          : typeof value === 'boolean';
    if (!ok) {
      const allowed =
        p.type === 'number'
          ? `a number from ${p.min} to ${p.max} in steps of ${p.step}`
          : p.type === 'enum'
            ? `one of ${p.options.join(', ')}`
            : 'true or false';
      throw new Error(
        `parameter "${p.key}": expected ${allowed}, received ${JSON.stringify(value)}`,
      );
    }
    return { ...p, default: value };
  }) as unknown as S;
}
