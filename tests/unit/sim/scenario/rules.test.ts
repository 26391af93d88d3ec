/**
 * The cross-field rules: each has a message (`rule-messages.ts`) and an adjustment that ends
 * it; the coerce mode turns any input whose fields are each in range into one the validator
 * accepts, agrees with the validator on every value, and rejects exactly what it rejects.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  RULES,
  SCENARIO_FIELDS,
  coerceScenario,
  resolveValues,
  validateScenario,
  type FieldPath,
  type FieldSpec,
  type FieldValues,
  type ScenarioInput,
  type ScenarioRule,
} from '../../../../src/sim/scenario';
import { RULE_MESSAGES } from '../../../../src/sim/scenario/rule-messages';
import type { RuleId } from '../../../../src/sim/scenario/rules';
import { rawAt, withFields } from '../../../../src/sim/scenario/shape';

const paths = Object.keys(SCENARIO_FIELDS) as FieldPath[];
const rules: readonly ScenarioRule[] = RULES;

/** Caps that keep a drawn scenario inside the limits (bytes, workload requests). */
const CAPS: Partial<Record<FieldPath, number>> = {
  'page.htmlBytes': 1_000_000,
  'page.objects': 100,
  'page.objectBytes': 100_000,
  'workload.clientsPerSecond': 100,
  'workload.durationMs': 10_000,
  'workload.objectBytes': 100_000,
};

function valueOf(path: FieldPath): fc.Arbitrary<unknown> {
  const spec: FieldSpec = SCENARIO_FIELDS[path];
  switch (spec.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'host':
      return fc.constantFrom(spec.default, 'www.example.test');
    case 'url-path':
      return fc.constantFrom(spec.default, '/gallery/');
    case 'integer':
      return fc.integer({ min: spec.min, max: Math.min(spec.max, CAPS[path] ?? spec.max) });
    case 'number':
      // The minimum itself now and then: a boundary some rules are about (a timeout of 0).
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(spec.min) },
        {
          weight: 4,
          arbitrary: fc.double({
            min: spec.min,
            max: Math.min(spec.max, CAPS[path] ?? spec.max),
            noNaN: true,
            noDefaultInfinity: true,
          }),
        },
      );
  }
}

/** Inputs whose every given field is in range; the protocol fields are given more often. */
const inputs: fc.Arbitrary<ScenarioInput> = fc
  .record(
    Object.fromEntries(
      paths.map((p) => [
        p,
        fc.option(valueOf(p), {
          nil: undefined,
          freq: p.startsWith('http.') || p === 'tls' ? 5 : 2,
        }),
      ]),
    ),
  )
  .map(
    (fields) =>
      withFields(
        {},
        Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
      ) as ScenarioInput,
  );

/** The values of an input as given (absent ones defaulted), before any rule. */
const given = (input: ScenarioInput): FieldValues => resolveValues(input, (_, raw) => raw);

/** The scalar values of a validated scenario (page.objects as its count). */
function valuesOf(input: ScenarioInput): Record<string, unknown> {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const s = r.scenario;
  return Object.fromEntries(
    paths
      .map((p) => [p, p === 'page.objects' ? s.page.objects.length : rawAt(s, p)] as const)
      .filter(([, v]) => v !== undefined),
  );
}

describe('RULES', () => {
  it('have distinct ids, and each one a message on the values it applies to', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    fc.assert(
      fc.property(inputs, (input) => {
        const v = given(input);
        for (const rule of rules) {
          if (rule.when(v))
            expect(RULE_MESSAGES[rule.id as RuleId](v).length, rule.id).toBeGreaterThan(20);
        }
      }),
    );
  });

  it('each rule’s adjustment ends it, and names only fields of the table', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const v = given(input);
        for (const rule of rules) {
          if (!rule.when(v)) continue;
          const after = { ...v, ...rule.adjust(v) };
          if (rule.kind !== 'map') expect(rule.when(after), rule.id).toBe(false);
          for (const p of Object.keys(rule.adjust(v))) expect(paths).toContain(p);
        }
      }),
    );
  });

  it('each rule applies to some input (none is dead)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(inputs, (input) => {
        for (const id of coerceScenario(input).adjustments) seen.add(id);
      }),
      { numRuns: 500 },
    );
    expect([...seen].sort()).toEqual(rules.map((r) => r.id).sort());
  });
});

describe('coerceScenario', () => {
  it('gives a scenario the validator accepts', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = validateScenario(coerceScenario(input).input);
        expect(r.ok ? [] : r.errors).toEqual([]);
      }),
    );
  });

  it('reports the values the validator runs with', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const c = coerceScenario(input);
        expect({ ...c.values, 'page.objects': valuesOf(c.input)['page.objects'] }).toEqual(
          valuesOf(c.input),
        );
      }),
    );
  });

  it('applies a reject rule exactly when the validator rejects the input', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const r = validateScenario(input);
        const rejected = coerceScenario(input).adjustments.some(
          (id) => rules.find((x) => x.id === id)?.kind === 'reject',
        );
        expect(!r.ok, JSON.stringify(r.ok ? [] : r.errors)).toBe(rejected);
        if (!r.ok) for (const e of r.errors) expect(rules.map((x) => x.path)).toContain(e.path);
      }),
    );
  });

  it('leaves every field no rule adjusts as it was given', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const out = coerceScenario(input).input;
        const adjusted = new Set(
          rules.flatMap((r) => Object.keys(r.adjust(coerceScenario(input).values))),
        );
        for (const p of paths)
          if (!adjusted.has(p)) expect(rawAt(out, p), p).toEqual(rawAt(input, p));
      }),
    );
  });

  it('maps HTTP/3 without TLS 1.3 and over keep-alive off, listing each rule once, in order', () => {
    const c = coerceScenario({
      tls: 'tls1.2',
      http: { version: '3', keepAlive: false, pipelining: true },
    });
    expect(c.adjustments).toEqual(['keepAliveMux', 'pipeliningMux', 'tlsQuic', 'quicIdle']);
    expect(c.input).toEqual({
      tls: 'tls1.3',
      http: { version: '3', keepAlive: true, pipelining: false },
      quic: { maxIdleTimeoutMs: 300000, serverMaxIdleTimeoutMs: 5000 },
    });
  });

  it('a keep-alive timeout of 0 is valid (keep-alive off); between 0 and 1 ms is not', () => {
    expect(validateScenario({ server: { keepAliveTimeoutMs: 0 } }).ok).toBe(true);
    expect(validateScenario({ server: { keepAliveTimeoutMs: 1 } }).ok).toBe(true);
    const r = validateScenario({ server: { keepAliveTimeoutMs: 0.5 } });
    expect(r.ok ? [] : r.errors).toEqual([
      {
        path: 'server.keepAliveTimeoutMs',
        message: 'must be 0 (keep-alive off) or at least 1 ms (got 0.5)',
      },
    ]);
    expect(coerceScenario({ server: { keepAliveTimeoutMs: 0.5 } }).input).toEqual({
      server: { keepAliveTimeoutMs: 1 },
    });
  });

  it('HTTP/3 with a server timeout of 0 keeps the server max_idle_timeout (0 would disable it)', () => {
    const c = coerceScenario({ http: { version: '3' }, server: { keepAliveTimeoutMs: 0 } });
    expect(c.adjustments).toEqual(['quicIdle', 'keepAliveOffQuic']);
    expect(c.values['quic.serverMaxIdleTimeoutMs']).toBe(30000);
  });

  it('a reset after processing is noted, and ignored, under HTTP/2 and HTTP/3 only', () => {
    const reset = { resetAfterProcessing: 2 };
    expect(coerceScenario({ http: { version: '2' }, server: reset }).adjustments).toEqual([
      'resetMux',
    ]);
    expect(coerceScenario({ http: { version: '1.1' }, server: reset }).adjustments).toEqual([]);
    expect(coerceScenario({ http: { version: '2' } }).adjustments).toEqual([]);
  });

  it('TCP Fast Open is noted, and ignored, under HTTP/3 only (QUIC has no TCP handshake)', () => {
    const tcp = { fastOpen: true };
    // quicIdle applies to every HTTP/3 scenario.
    expect(coerceScenario({ http: { version: '3' }, tcp }).adjustments).toEqual([
      'quicIdle',
      'fastOpenQuic',
    ]);
    expect(coerceScenario({ http: { version: '2' }, tcp }).adjustments).toEqual([]);
    expect(coerceScenario({ http: { version: '3' } }).adjustments).toEqual(['quicIdle']);
  });

  it('a valid input without HTTP/3 comes back unchanged', () => {
    const input: ScenarioInput = {
      http: { version: '1.0', keepAlive: true },
      network: { rttMs: 50 },
    };
    expect(coerceScenario(input)).toEqual({
      input,
      values: expect.objectContaining({ 'http.keepAlive': true, 'network.rttMs': 50 }),
      adjustments: [],
    });
  });
});

describe('LIMITS', () => {
  it('each has a message naming its bound', () => {
    for (const l of LIMITS) expect(l.message(l.max + 1)).toContain(String(l.max));
  });
});
