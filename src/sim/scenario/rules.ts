/**
 * The scenario's cross-field rules, each stated once, as data:
 * - `CONDITIONAL_DEFAULTS`: defaults that depend on another field (keep-alive by HTTP version,
 *   TLS 1.3 under HTTP/3);
 * - `RULES`: combinations the simulation does not take as they are, each with its adjustment
 *   (the nearest combination it does take; its English message is in `rule-messages.ts`).
 *   `reject` rules are errors for the validator; `normalize` rules the validator applies
 *   silently; `map` rules only say which setting takes effect instead of one that does not
 *   apply. `coerceScenario` applies every rule in order, each seeing the adjustments before it,
 *   and lists what it changed: the Playground runs its knobs through it, so it holds no protocol
 *   logic of its own;
 * - `LIMITS`: bounds on the size of a run (bytes transferred, a workload's requests).
 */
import { SCENARIO_FIELDS, type FieldPath } from './fields';
import { SCALAR_PARTS, isOptionalSection, rawAt, rawAtParts, withFields } from './shape';
import { accepts } from './spec';
import type { FieldValue, FieldValues, Scenario, ScenarioInput } from './types';

/** Defaults that depend on other fields (read only fields that have no conditional default). */
export const CONDITIONAL_DEFAULTS: {
  readonly [P in FieldPath]?: (v: FieldValues) => FieldValue<P>;
} = {
  // HTTP/3 runs on QUIC, which always uses TLS 1.3: absent tls means TLS 1.3 there.
  tls: (v) => (v['http.version'] === '3' ? 'tls1.3' : SCENARIO_FIELDS.tls.default),
  // Persistent by default from HTTP/1.1 on; HTTP/1.0 needs Connection: Keep-Alive, 0.9 has none.
  'http.keepAlive': (v) => v['http.version'] !== '0.9' && v['http.version'] !== '1.0',
};

/** Changes of scalar fields by dotted path. */
export type FieldPatch = { readonly [P in FieldPath]?: FieldValue<P> };

/** What the validator does with a rule that applies (the coerce mode applies every one). */
export type RuleKind = 'reject' | 'normalize' | 'map';

/** One cross-field rule. */
export interface ScenarioRule {
  /** Stable name (the Playground's notices are keyed by it). */
  readonly id: string;
  readonly kind: RuleKind;
  /** The field the validator's error names (and the rule adjusts). */
  readonly path: FieldPath;
  /** Whether the rule applies to these values. */
  readonly when: (v: FieldValues) => boolean;
  /** The nearest values the simulation takes. */
  readonly adjust: (v: FieldValues) => FieldPatch;
}

const mux = (v: FieldValues): boolean => v['http.version'] === '2' || v['http.version'] === '3';
const pipeliningOff = (): FieldPatch => ({ 'http.pipelining': false });

/** The rules, in the order the coerce mode applies them. */
export const RULES = [
  {
    id: 'keepAlive09',
    kind: 'normalize',
    path: 'http.keepAlive',
    when: (v) => v['http.version'] === '0.9' && v['http.keepAlive'],
    adjust: () => ({ 'http.keepAlive': false }),
  },
  {
    id: 'keepAliveMux',
    kind: 'reject',
    path: 'http.keepAlive',
    when: (v) => mux(v) && !v['http.keepAlive'],
    adjust: () => ({ 'http.keepAlive': true }),
  },
  {
    id: 'pipeliningMux',
    kind: 'reject',
    path: 'http.pipelining',
    when: (v) => v['http.pipelining'] && mux(v),
    adjust: pipeliningOff,
  },
  {
    id: 'pipeliningVersion',
    kind: 'reject',
    path: 'http.pipelining',
    when: (v) => v['http.pipelining'] && !mux(v) && v['http.version'] !== '1.1',
    adjust: pipeliningOff,
  },
  {
    id: 'pipeliningClose',
    kind: 'reject',
    path: 'http.pipelining',
    when: (v) => v['http.pipelining'] && v['http.version'] === '1.1' && !v['http.keepAlive'],
    adjust: pipeliningOff,
  },
  {
    id: 'tlsQuic',
    kind: 'reject',
    path: 'tls',
    when: (v) =>
      v['http.version'] === '3' &&
      (v.tls === 'none' || v.tls === 'tls1.2' || v.tls === 'tls1.2-resumed'),
    adjust: () => ({ tls: 'tls1.3' }),
  },
  {
    id: 'keepAliveUnderMs',
    kind: 'reject',
    path: 'server.keepAliveTimeoutMs',
    when: (v) => v['server.keepAliveTimeoutMs'] > 0 && v['server.keepAliveTimeoutMs'] < 1,
    adjust: () => ({ 'server.keepAliveTimeoutMs': 1 }),
  },
  {
    id: 'quicIdle',
    kind: 'map',
    path: 'quic.serverMaxIdleTimeoutMs',
    when: (v) => v['http.version'] === '3',
    adjust: (v) => ({
      'quic.maxIdleTimeoutMs': v['client.idleTimeoutMs'],
      'quic.serverMaxIdleTimeoutMs':
        v['server.keepAliveTimeoutMs'] > 0
          ? v['server.keepAliveTimeoutMs']
          : v['quic.serverMaxIdleTimeoutMs'],
    }),
  },
  {
    id: 'keepAliveOffQuic',
    kind: 'map',
    path: 'server.keepAliveTimeoutMs',
    when: (v) => v['http.version'] === '3' && v['server.keepAliveTimeoutMs'] === 0,
    adjust: () => ({}),
  },
  {
    // A reset after processing breaks an HTTP/1.x connection; a multiplexed server would reset
    // one stream (RST_STREAM, RESET_STREAM), which the model does not offer: the field is unused.
    id: 'resetMux',
    kind: 'map',
    path: 'server.resetAfterProcessing',
    when: (v) =>
      (v['http.version'] === '2' || v['http.version'] === '3') &&
      v['server.resetAfterProcessing'] > 0,
    adjust: () => ({}),
  },
  {
    // HTTP/3 runs over QUIC: no TCP handshake to shorten (QUIC's own is 0-RTT with tls1.3-0rtt).
    id: 'fastOpenQuic',
    kind: 'map',
    path: 'tcp.fastOpen',
    when: (v) => v['http.version'] === '3' && v['tcp.fastOpen'],
    adjust: () => ({}),
  },
] as const satisfies readonly ScenarioRule[];

/** A rule's name. */
export type RuleId = (typeof RULES)[number]['id'];

/** Upper bound on the bytes a scenario may transfer (keeps a trace within memory). */
export const MAX_TOTAL_BYTES = 100_000_000;

/** Upper bound on a workload's expected requests (clients per second x duration x objects). */
export const MAX_WORKLOAD_REQUESTS = 2_000_000;

/** A bound on the size of a run: the validator rejects a scenario whose `measure` exceeds `max`. */
export interface ScenarioLimit {
  /** The part of the scenario the error names. */
  readonly path: string;
  readonly max: number;
  /** The measured size; undefined when the limit does not apply. */
  readonly measure: (s: Scenario) => number | undefined;
  readonly message: (got: number) => string;
}

/** The limits, in the order the validator checks them. */
export const LIMITS: readonly ScenarioLimit[] = [
  {
    path: 'page',
    max: MAX_TOTAL_BYTES,
    measure: (s) =>
      s.page.htmlBytes +
      s.page.objects.reduce((n, o) => n + o.bytes, 0) +
      s.followUps.reduce((n, f) => n + f.bytes + f.bodyBytes, 0),
    message: (got) =>
      `total bytes (HTML, objects and follow-ups) must be at most ${MAX_TOTAL_BYTES} (got ${got})`,
  },
  {
    path: 'workload',
    max: MAX_WORKLOAD_REQUESTS,
    measure: (s) =>
      s.workload &&
      (s.workload.clientsPerSecond * s.workload.durationMs * s.workload.objectsPerClient) / 1000,
    message: (got) =>
      `expected requests (clientsPerSecond x durationMs / 1000 x objectsPerClient) must be at most ${MAX_WORKLOAD_REQUESTS} (got ${Math.round(got)})`,
  },
];

/** Reads one given field: its value, or what to use instead (the validator reports it too). */
export type FieldReader = (path: FieldPath, raw: unknown) => unknown;

/**
 * Every scalar value of an input: the given ones as `read` returns them, then each absent one
 * from its conditional default or its own; optional fields and the fields of an absent optional
 * section stay absent.
 */
export function resolveValues(input: unknown, read: FieldReader): FieldValues {
  const values: Record<string, unknown> = {};
  const absent: FieldPath[] = [];
  for (const { path, head, key } of SCALAR_PARTS) {
    if (isOptionalSection(head) && rawAt(input, head) === undefined) continue;
    const raw = rawAtParts(input, head, path, key);
    if (raw !== undefined) values[path] = read(path, raw);
    else if (!('optional' in SCENARIO_FIELDS[path])) absent.push(path);
  }
  const given = values as FieldValues;
  for (const path of absent)
    values[path] = CONDITIONAL_DEFAULTS[path]?.(given as never) ?? SCENARIO_FIELDS[path].default;
  return given;
}

/** What `coerceScenario` returns. */
export interface Coerced {
  /** The input with the adjusted fields set (everything else as given). */
  readonly input: ScenarioInput;
  /** Every scalar value the simulation will run with. */
  readonly values: FieldValues;
  /** The rules that changed something, in order. */
  readonly adjustments: readonly RuleId[];
}

/**
 * The coerce mode: applies every rule that applies, in order, to an input whose fields are each
 * in range (a field out of range is read as its default), and lists them. The result passes the
 * validator unless a limit (`LIMITS`) is exceeded.
 */
export function coerceScenario(input: ScenarioInput): Coerced {
  let values = resolveValues(input, (path, raw) =>
    accepts(SCENARIO_FIELDS[path], raw) ? raw : SCENARIO_FIELDS[path].default,
  );
  const patch: Record<string, unknown> = {};
  const adjustments: RuleId[] = [];
  for (const rule of RULES as readonly (ScenarioRule & { readonly id: RuleId })[]) {
    if (!rule.when(values)) continue;
    const p = rule.adjust(values);
    values = { ...values, ...p };
    Object.assign(patch, p);
    adjustments.push(rule.id);
  }
  return { input: withFields(input, patch), values, adjustments };
}
