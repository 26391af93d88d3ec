/**
 * The validator: a walk over the field table (`fields.ts`) that checks every given field against
 * its spec, fills in the defaults (the conditional ones from `rules.ts`), validates the items of
 * the arrays, reports the rules and limits that the values break, and returns either the
 * complete scenario or every error, each naming the field and the allowed range. Pure.
 */
import {
  COMPOSITE_FIELDS,
  SCENARIO_FIELDS,
  type CompositePath,
  type CompositeSpec,
  type FieldPath,
} from './fields';
import { RULE_MESSAGES } from './rule-messages';
import { LIMITS, RULES, resolveValues, type RuleId, type ScenarioRule } from './rules';
import {
  TOP_KEYS,
  isOptionalSection,
  isRecord,
  isSection,
  rawAt,
  sectionFields,
  sectionKeys,
} from './shape';
import { URL_PATH, accepts, describeSpec, type FieldSpec, type PathSpec } from './spec';
import type { FieldValues, Scenario, ValidationError, ValidationResult } from './types';

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

class Checker {
  readonly errors: ValidationError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** A given value, or (reported) the spec's default; absent: the default. */
  value(path: string, spec: FieldSpec, v: unknown): unknown {
    if (v === undefined) return spec.default;
    if (accepts(spec, v)) return v;
    this.fail(path, `must be ${describeSpec(spec)} (got ${describeValue(v)})`);
    return spec.default;
  }

  /** A path item's value, or (reported) `fallback`. */
  path(path: string, v: unknown, fallback: string): string {
    if (v === undefined) return fallback;
    if (typeof v === 'string' && URL_PATH.test(v)) return v;
    this.fail(
      path,
      `must be a URL path starting with "/" (printable ASCII, at most 200 characters; got ${describeValue(v)})`,
    );
    return fallback;
  }

  /** The fields of an object (reported when it is not one, with each unknown field). */
  section(path: string, v: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (v === undefined) return {};
    if (!isRecord(v)) {
      this.fail(path, `must be an object (got ${describeValue(v)})`);
      return {};
    }
    this.unknown(path, v, allowed);
    return v;
  }

  unknown(path: string, v: Record<string, unknown>, allowed: readonly string[]): void {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k))
        this.fail(
          path === '' ? k : `${path}.${k}`,
          `unknown field (allowed: ${allowed.join(', ')})`,
        );
    }
  }

  array(path: string, v: unknown, maxItems: number): readonly unknown[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(path, `must be an array of at most ${maxItems} items (got ${describeValue(v)})`);
      return [];
    }
    if (v.length > maxItems) {
      this.fail(path, `must be an array of at most ${maxItems} items (got ${v.length})`);
      return v.slice(0, maxItems) as unknown[];
    }
    return v as unknown[];
  }
}

type ItemSpec = FieldSpec & { readonly defaultFrom?: FieldPath };

/** The item fields of a composite, in the order an item is written. */
function itemFields(spec: CompositeSpec): readonly [string, ItemSpec | PathSpec][] {
  return Object.entries(spec).filter(
    (e): e is [string, ItemSpec | PathSpec] => typeof e[1] === 'object',
  );
}

/** Validates one array's items (`page.objects` given as an array, `network.drop`, `followUps`). */
function composite(
  c: Checker,
  name: CompositePath,
  raw: unknown,
  values: FieldValues,
): Record<string, unknown>[] {
  const spec: CompositeSpec = COMPOSITE_FIELDS[name];
  const fields = itemFields(spec);
  const keys = fields.map(([k]) => k);
  const numberKey = spec.numberItem;
  const items: Record<string, unknown>[] = [];
  c.array(name, raw, spec.maxItems).forEach((item, i) => {
    const p = `${name}[${i}]`;
    const one = (key: string, f: ItemSpec | PathSpec, v: unknown): unknown =>
      f.kind === 'path'
        ? c.path(`${p}.${key}`, v, `${f.prefix}${i + 1}${f.suffix}`)
        : v === undefined && f.defaultFrom !== undefined
          ? values[f.defaultFrom as keyof FieldValues]
          : c.value(`${p}.${key}`, f, v);
    const out: Record<string, unknown> = {};
    if (numberKey !== undefined && !isRecord(item)) {
      // A bare number is that field; anything else but an object is reported as both.
      const f = spec[numberKey] as ItemSpec;
      if (typeof item !== 'number')
        c.fail(
          p,
          `must be ${describeSpec(f)} or an object {${keys.map((k) => `${k}?`).join(', ')}} (got ${describeValue(item)})`,
        );
      for (const [key, field] of fields)
        if (key === numberKey) out[key] = c.value(p, f, item);
        else if (field.kind === 'path' || !('optional' in field))
          out[key] = one(key, field, undefined);
      items.push(out);
      return;
    }
    const r = c.section(p, item, keys);
    if (!isRecord(item)) return;
    for (const [key, field] of fields)
      if (field.kind !== 'path' && 'required' in field && r[key] === undefined)
        c.fail(`${p}.${key}`, `is required: ${describeSpec(field)}`);
    for (const [key, field] of fields) {
      if (field.kind !== 'path' && 'optional' in field && r[key] === undefined) continue;
      out[key] = one(key, field, r[key]);
    }
    items.push(out);
  });
  return items;
}

/**
 * What the items of the arrays say of each other: an object is found by the HTML or by an earlier
 * object (so discovery has no cycle), and each origin is listed once and shares connections with
 * another one than itself.
 */
function itemRelations(
  c: Checker,
  composites: Partial<Record<CompositePath, Record<string, unknown>[]>>,
): void {
  composites['page.objects']?.forEach((o, i) => {
    const after = o['after'];
    if (typeof after === 'number' && after > i)
      c.fail(
        `page.objects[${i}].after`,
        i === 0
          ? `must be 0, the HTML: no object comes before the first (got ${after})`
          : `must be 0 (the HTML) or an earlier object, 1 to ${i} (got ${after})`,
      );
  });
  const listed = new Set<unknown>();
  composites['page.origins']?.forEach((o, i) => {
    if (listed.has(o['host']))
      c.fail(`page.origins[${i}].host`, `lists ${String(o['host'])} a second time`);
    listed.add(o['host']);
    if (o['coalesceWith'] !== undefined && o['coalesceWith'] === o['host'])
      c.fail(`page.origins[${i}].coalesceWith`, 'must name another origin than its own host');
  });
}

/** Validates `input` (parsed JSON or a normalized scenario) and fills in defaults. Pure. */
export function validateScenario(input: unknown): ValidationResult {
  const c = new Checker();
  let root: Record<string, unknown> = {};
  if (input === undefined || input === null) root = {};
  else if (!isRecord(input))
    c.fail('', `scenario must be a JSON object (got ${describeValue(input)})`);
  else {
    root = input;
    c.unknown('', root, TOP_KEYS);
  }
  for (const key of TOP_KEYS) if (isSection(key)) c.section(key, root[key], sectionKeys(key));

  // Every scalar field: given ones checked against their spec, absent ones defaulted.
  const given = resolveValues(root, (path, raw) =>
    path in COMPOSITE_FIELDS && Array.isArray(raw)
      ? SCENARIO_FIELDS[path].default
      : c.value(path, SCENARIO_FIELDS[path], raw),
  );
  const composites: Partial<Record<CompositePath, Record<string, unknown>[]>> = {};
  for (const name of Object.keys(COMPOSITE_FIELDS) as CompositePath[]) {
    const raw = rawAt(root, name);
    if (name in SCENARIO_FIELDS && !Array.isArray(raw)) continue;
    composites[name] = composite(c, name, raw, given);
  }

  itemRelations(c, composites);

  // The rules judge the values as given; the normalizations apply after.
  const rules: readonly (ScenarioRule & { readonly id: RuleId })[] = RULES;
  for (const rule of rules)
    if (rule.kind === 'reject' && rule.when(given))
      c.fail(rule.path, RULE_MESSAGES[rule.id](given));
  let values = given;
  for (const rule of rules)
    if (rule.kind === 'normalize' && rule.when(values))
      values = { ...values, ...rule.adjust(values) };

  const scenario = build(values, composites, root);
  for (const limit of LIMITS) {
    const got = limit.measure(scenario);
    if (got !== undefined && got > limit.max) c.fail(limit.path, limit.message(got));
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return { ok: true, scenario };
}

/** Page objects given by count: `/img1.png` … each of `page.objectBytes`. */
function counted(values: FieldValues): Record<string, unknown>[] {
  // A plain loop with the table's lookups hoisted: every run of a 1000-object page builds these.
  const { prefix, suffix } = COMPOSITE_FIELDS['page.objects'].path;
  const bytes = values['page.objectBytes'];
  const out: Record<string, unknown>[] = [];
  for (let i = 1; i <= values['page.objects']; i++)
    out.push({ path: `${prefix}${i}${suffix}`, bytes });
  return out;
}

/** Paths of the arrays (`page.objects` is both a count and an array). */
const COMPOSITE_PATHS: ReadonlySet<string> = new Set(Object.keys(COMPOSITE_FIELDS));

/** Nests the values and arrays into a scenario, in the order the table writes its fields. */
function build(
  values: FieldValues,
  composites: Partial<Record<CompositePath, Record<string, unknown>[]>>,
  root: Record<string, unknown>,
): Scenario {
  const flat = values as Readonly<Record<string, unknown>>;
  const pick = (path: string): unknown =>
    COMPOSITE_PATHS.has(path)
      ? (composites[path as CompositePath] ?? (path === 'page.objects' ? counted(values) : []))
      : flat[path];
  const out: Record<string, unknown> = {};
  for (const key of TOP_KEYS) {
    const fields = sectionFields(key);
    if (fields === undefined) {
      out[key] = pick(key);
      continue;
    }
    if (isOptionalSection(key) && root[key] === undefined) continue;
    const section: Record<string, unknown> = {};
    for (const [field, path] of fields) {
      const v = pick(path);
      if (v !== undefined) section[field] = v;
    }
    out[key] = section;
  }
  return out as unknown as Scenario;
}

/** The default scenario (every field at its default). */
export function defaultScenario(): Scenario {
  const r = validateScenario({});
  if (!r.ok) throw new Error('default scenario is invalid');
  return r.scenario;
}

/** One-line summary of validation errors ("network.rttMs: must be ..."). */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; ');
}
