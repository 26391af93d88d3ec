/**
 * The field table drives the validator: every scalar field and every item field of the three
 * arrays is checked against its spec (a value of the wrong type, or one step outside the range,
 * gives one error naming that field and its range), and every absent field gets its default.
 * The derived types are checked by the type checker (`expectTypeOf`).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  COMPOSITE_FIELDS,
  SCENARIO_DOCS,
  SCENARIO_FIELDS,
  describeSpec,
  validateScenario,
  type FieldPath,
  type FieldSpec,
  type FollowUp,
  type HttpVersion,
  type PageObject,
  type Scenario,
  type ScenarioInput,
  type ValidationError,
  type Workload,
} from '../../../../src/sim/scenario';
import { TOP_KEYS, rawAt, sectionKeys, withFields } from '../../../../src/sim/scenario/shape';
import type { Direction, HttpMethod, TlsVersion } from '../../../../src/sim/trace';

const paths = Object.keys(SCENARIO_FIELDS) as FieldPath[];

function errorsOf(input: unknown): readonly ValidationError[] {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors;
}

/** A value of the wrong type for a spec. */
function wrongType(spec: FieldSpec): unknown {
  return spec.kind === 'boolean'
    ? 'yes'
    : spec.kind === 'enum'
      ? 7
      : spec.kind === 'host'
        ? 'Not a host!'
        : 'x';
}

/** The describeValue of `wrongType(spec)`. */
function shown(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

describe('every scalar field of the table', () => {
  it.each(paths)('%s: a value of the wrong type is one error naming the field', (path) => {
    const spec: FieldSpec = SCENARIO_FIELDS[path];
    const bad = wrongType(spec);
    expect(errorsOf(withFields({}, { [path]: bad }))).toEqual([
      { path, message: `must be ${describeSpec(spec)} (got ${shown(bad)})` },
    ]);
  });

  it.each(paths.filter((p) => SCENARIO_FIELDS[p].kind !== 'boolean'))(
    '%s: a value just outside its range is one error naming the field',
    (path) => {
      const spec: FieldSpec = SCENARIO_FIELDS[path];
      if (spec.kind === 'boolean') return;
      // A host with an upper-case letter is outside RFC 1123's lower-case form the table takes.
      const bad =
        spec.kind === 'enum'
          ? 'none-of-these'
          : spec.kind === 'host'
            ? 'Www.Example.test'
            : spec.kind === 'url-path'
              ? 'gallery/'
              : spec.max + 1;
      expect(errorsOf(withFields({}, { [path]: bad }))).toEqual([
        { path, message: `must be ${describeSpec(spec)} (got ${shown(bad)})` },
      ]);
    },
  );

  it.each(paths)('%s: absent takes its default, given takes the value', (path) => {
    const spec: FieldSpec = SCENARIO_FIELDS[path];
    const section = path.includes('.') ? path.slice(0, path.indexOf('.')) : undefined;
    const base = section === 'workload' ? { workload: {} } : {};
    const absent = validateScenario(base);
    if (!absent.ok) throw new Error(JSON.stringify(absent.errors));
    if ('optional' in spec) expect(rawAt(absent.scenario, path)).toBeUndefined();
    else if (path !== 'page.objects' && path !== 'tls' && path !== 'http.keepAlive')
      expect(rawAt(absent.scenario, path)).toEqual(spec.default);
    const value =
      spec.kind === 'boolean'
        ? !spec.default
        : spec.kind === 'enum'
          ? spec.values.at(-1)
          : spec.kind === 'host'
            ? 'www.example.test'
            : spec.kind === 'url-path'
              ? '/gallery/'
              : spec.min;
    // The one combination a rule rejects at a field's extreme: the last HTTP version is 3, which
    // needs TLS 1.3 (absent tls is TLS 1.3 there).
    const given = validateScenario(withFields(base, { [path]: value }));
    if (!given.ok) throw new Error(`${path}: ${JSON.stringify(given.errors)}`);
    const got = rawAt(given.scenario, path);
    if (path === 'page.objects') expect(got).toHaveLength(value as number);
    else if (path === 'http.keepAlive') expect(got).toBe(value);
    else expect(got).toEqual(value);
  });

  it('has a description for every field and no other', () => {
    expect(Object.keys(SCENARIO_DOCS)).toEqual(paths);
  });

  it('the top level and each section allow exactly the table’s keys, in its order', () => {
    expect(TOP_KEYS).toEqual([
      'seed',
      'network',
      'tcp',
      'tls',
      'http',
      'client',
      'quic',
      'server',
      'page',
      'followUps',
      'workload',
    ]);
    expect(sectionKeys('network')).toEqual([
      'rttMs',
      'bandwidthMbps',
      'mssBytes',
      'lossRate',
      'dnsMs',
      'drop',
    ]);
    expect(sectionKeys('page')).toEqual([
      'host',
      'path',
      'htmlBytes',
      'htmlProcessingMs',
      'objects',
      'objectBytes',
      'discovery',
      'shards',
      'origins',
    ]);
  });

  it('a normalized scenario keeps the table’s key order', () => {
    const r = validateScenario({
      workload: {},
      page: { htmlProcessingMs: 3, path: '/gallery/', host: 'www.example.test' },
    });
    if (!r.ok) throw new Error('invalid');
    expect(Object.keys(r.scenario)).toEqual(TOP_KEYS);
    expect(Object.keys(r.scenario.page)).toEqual(sectionKeys('page'));
  });
});

/** Each composite's item fields that have a range (not the path), with a valid item to vary. */
const items = [
  ['network.drop', { connection: 1, segment: 1 }],
  ['page.objects', {}],
  ['followUps', { atMs: 5 }],
] as const;

describe('every item field of the arrays', () => {
  for (const [name, valid] of items) {
    const fields = Object.entries(COMPOSITE_FIELDS[name]).filter(
      (e): e is [string, FieldSpec] => typeof e[1] === 'object' && e[1].kind !== 'path',
    );
    it.each(fields)(
      `${name}[0].%s: a value of the wrong type is an error naming it`,
      (key, spec) => {
        const bad = wrongType(spec);
        expect(errorsOf(withFields({}, { [name]: [{ ...valid, [key]: bad }] }))).toEqual([
          {
            path: `${name}[0].${key}`,
            message: `must be ${describeSpec(spec)} (got ${shown(bad)})`,
          },
        ]);
      },
    );
    it(`${name}[0].path: a path without "/" is an error naming it (where items have paths)`, () => {
      const hasPath = 'path' in COMPOSITE_FIELDS[name];
      const errors = errorsOf(withFields({}, { [name]: [{ ...valid, path: 'x' }] }));
      expect(errors.map((e) => e.path)).toEqual([`${name}[0].path`]);
      expect(errors[0]?.message).toMatch(hasPath ? /^must be a URL path/ : /^unknown field/);
    });
  }

  it('items given without a path are numbered from the spec’s prefix', () => {
    const r = validateScenario({
      page: { objects: [1, {}] },
      followUps: [{ atMs: 0 }, { atMs: 1 }],
    });
    if (!r.ok) throw new Error('invalid');
    expect(r.scenario.page.objects.map((o) => o.path)).toEqual(['/img1.png', '/img2.png']);
    expect(r.scenario.followUps.map((f) => f.path)).toEqual(['/next1', '/next2']);
  });
});

describe('the derived types', () => {
  it('are the types the simulation reads', () => {
    expectTypeOf<HttpVersion>().toEqualTypeOf<'0.9' | '1.0' | '1.1' | '2' | '3'>();
    expectTypeOf<Scenario['tls']>().toEqualTypeOf<TlsVersion>();
    expectTypeOf<Scenario['network']['drop'][number]['direction']>().toEqualTypeOf<Direction>();
    expectTypeOf<FollowUp['method']>().toEqualTypeOf<HttpMethod>();
    expectTypeOf<PageObject['processingMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Scenario['client']['addressChangeAtMs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Scenario['workload']>().toEqualTypeOf<Workload | undefined>();
    expectTypeOf<Workload['kind']>().toEqualTypeOf<'arrivals'>();
    expectTypeOf<Scenario['server']['model']>().toEqualTypeOf<'unlimited' | 'threaded' | 'event'>();
    expectTypeOf<{ page: { objects: 3 } }>().toExtend<ScenarioInput>();
    expectTypeOf<{ page: { objects: [1, { bytes: 2 }] } }>().toExtend<ScenarioInput>();
    expectTypeOf<{ network: { drop: [{ connection: 1 }] } }>().not.toExtend<ScenarioInput>();
    expectTypeOf<Scenario>().toExtend<ScenarioInput>();
  });
});
