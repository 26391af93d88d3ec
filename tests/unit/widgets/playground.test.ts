import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaults,
  parseParams,
  serializeParams,
  type ParamSpec,
} from '../../../src/components/controls/params';
import { SWEEP_TIMEOUTS_MS } from '../../../src/components/widgets/image-host-params';
import {
  PLAYGROUND_FOLLOW_UP_BYTES,
  effectiveProtocol,
  playgroundAdjustments,
  playgroundPageScenario,
  playgroundScenario,
  playgroundWorkloadScenario,
} from '../../../src/components/widgets/playground-scenario';
import {
  PLAYGROUND_GROUPS,
  playgroundSchema,
  type PlaygroundValues,
} from '../../../src/components/widgets/playground-schema';
import { playgroundPlan } from '../../../src/components/widgets/playground-workload';
import { simulate } from '../../../src/sim';
import {
  SCENARIO_FIELDS,
  validateScenario,
  type Scenario,
  type ScenarioInput,
} from '../../../src/sim/scenario';

const base: PlaygroundValues = defaults(playgroundSchema);
/** The schema as plain specs (every spec may have a group). */
const specs: readonly ParamSpec[] = playgroundSchema;

/** The validated scenario of an input (fails the test if it does not validate). */
function valid(input: ScenarioInput): Scenario {
  const r = validateScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

/** A value of a dotted path in a scenario. */
function at(s: Scenario, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], s);
}

/** Any value a parameter accepts (on its step grid). */
function valueOf(p: ParamSpec): fc.Arbitrary<unknown> {
  if (p.type === 'boolean') return fc.boolean();
  if (p.type === 'enum') return fc.constantFrom(...p.options);
  const decimals = (String(p.step).split('.')[1] ?? '').length;
  const steps = Math.floor((p.max - p.min) / p.step + 1e-9);
  return fc
    .integer({ min: 0, max: steps })
    .map((k) => Number((p.min + k * p.step).toFixed(decimals)));
}

const states = fc.record(
  Object.fromEntries(playgroundSchema.map((p) => [p.key, valueOf(p)])),
) as fc.Arbitrary<PlaygroundValues>;

describe('playgroundSchema', () => {
  it('takes each default from the scenario field it sets', () => {
    expect(base).toEqual({
      mode: 'page',
      version: SCENARIO_FIELDS['http.version'].default,
      keepAlive: SCENARIO_FIELDS['http.keepAlive'].default,
      pipelining: SCENARIO_FIELDS['http.pipelining'].default,
      tls: SCENARIO_FIELDS.tls.default,
      rtt: SCENARIO_FIELDS['network.rttMs'].default,
      bandwidth: SCENARIO_FIELDS['network.bandwidthMbps'].default,
      loss: 0,
      initialWindow: SCENARIO_FIELDS['tcp.initialWindow'].default,
      slowStartAfterIdle: SCENARIO_FIELDS['tcp.slowStartAfterIdle'].default,
      delayedAck: SCENARIO_FIELDS['tcp.delayedAck'].default,
      nagle: SCENARIO_FIELDS['tcp.nagle'].default,
      fastOpen: SCENARIO_FIELDS['tcp.fastOpen'].default,
      synRetries: SCENARIO_FIELDS['tcp.synRetries'].default,
      seed: SCENARIO_FIELDS.seed.default,
      htmlBytes: SCENARIO_FIELDS['page.htmlBytes'].default,
      objects: SCENARIO_FIELDS['page.objects'].default,
      objectBytes: SCENARIO_FIELDS['page.objectBytes'].default,
      shards: SCENARIO_FIELDS['page.shards'].default,
      // 0 = none: no dropped packet, no click, no address change (the scenario's defaults).
      drop: 0,
      followUpAt: 0,
      followUpMethod: 'GET',
      addressChangeAt: SCENARIO_FIELDS['client.addressChangeAtMs'].default,
      perHost: SCENARIO_FIELDS['client.maxConnectionsPerHost'].default,
      totalCap: SCENARIO_FIELDS['client.maxConnectionsTotal'].default,
      clientIdle: SCENARIO_FIELDS['client.idleTimeoutMs'].default,
      retryPolicy: SCENARIO_FIELDS['client.retryPolicy'].default,
      serverTimeout: SCENARIO_FIELDS['server.keepAliveTimeoutMs'].default,
      maxRequests: SCENARIO_FIELDS['server.maxRequestsPerConnection'].default,
      resetAfter: SCENARIO_FIELDS['server.resetAfterProcessing'].default,
      processing: SCENARIO_FIELDS['server.processingMs'].default,
      model: SCENARIO_FIELDS['server.model'].default,
      workers: SCENARIO_FIELDS['server.workers'].default,
      backlog: SCENARIO_FIELDS['server.backlog'].default,
      connectionCap: SCENARIO_FIELDS['server.maxConnections'].default,
      rate: SCENARIO_FIELDS['workload.clientsPerSecond'].default,
      duration: SCENARIO_FIELDS['workload.durationMs'].default,
      perVisitor: SCENARIO_FIELDS['workload.objectsPerClient'].default,
      visitorBytes: SCENARIO_FIELDS['workload.objectBytes'].default,
    });
  });

  it('offers every HTTP version, TLS mode and server model the scenario accepts', () => {
    const options = (key: string): readonly string[] => {
      const p = playgroundSchema.find((s) => s.key === key);
      return p?.type === 'enum' ? p.options : [];
    };
    expect(options('version')).toEqual(['0.9', '1.0', '1.1', '2', '3']);
    expect(options('tls')).toEqual([
      'none',
      'tls1.2',
      'tls1.2-resumed',
      'tls1.3',
      'tls1.3-resumed',
      'tls1.3-0rtt',
    ]);
    expect(options('model')).toEqual(['unlimited', 'threaded', 'event']);
    expect(options('retryPolicy')).toEqual(['browser', 'idempotent-only']);
  });

  it('keeps every number range inside its scenario field’s range (loss in percent)', () => {
    const fields: Record<string, [keyof typeof SCENARIO_FIELDS, number]> = {
      rtt: ['network.rttMs', 1],
      bandwidth: ['network.bandwidthMbps', 1],
      loss: ['network.lossRate', 100],
      initialWindow: ['tcp.initialWindow', 1],
      synRetries: ['tcp.synRetries', 1],
      seed: ['seed', 1],
      htmlBytes: ['page.htmlBytes', 1],
      objects: ['page.objects', 1],
      objectBytes: ['page.objectBytes', 1],
      shards: ['page.shards', 1],
      addressChangeAt: ['client.addressChangeAtMs', 1],
      perHost: ['client.maxConnectionsPerHost', 1],
      totalCap: ['client.maxConnectionsTotal', 1],
      clientIdle: ['client.idleTimeoutMs', 1],
      serverTimeout: ['server.keepAliveTimeoutMs', 1],
      maxRequests: ['server.maxRequestsPerConnection', 1],
      resetAfter: ['server.resetAfterProcessing', 1],
      processing: ['server.processingMs', 1],
      workers: ['server.workers', 1],
      backlog: ['server.backlog', 1],
      connectionCap: ['server.maxConnections', 1],
      rate: ['workload.clientsPerSecond', 1],
      duration: ['workload.durationMs', 1],
      perVisitor: ['workload.objectsPerClient', 1],
      visitorBytes: ['workload.objectBytes', 1],
    };
    // `drop` and `followUpAt` fill composite fields (a drop rule, a click): checked below.
    const numbers = playgroundSchema.filter(
      (p) => p.type === 'number' && p.key !== 'drop' && p.key !== 'followUpAt',
    );
    expect(numbers.map((p) => p.key).sort()).toEqual(Object.keys(fields).sort());
    for (const p of numbers) {
      const [path, scale] = fields[p.key] ?? ['seed', 1];
      const spec = SCENARIO_FIELDS[path] as { min: number; max: number };
      expect(p.min, p.key).toBeGreaterThanOrEqual(spec.min * scale);
      expect(p.max, p.key).toBeLessThanOrEqual(spec.max * scale);
    }
  });

  it('puts every knob but the mode in a group; Page applies to one page load, Visitors to many', () => {
    expect(specs.filter((p) => !p.group).map((p) => p.key)).toEqual(['mode']);
    expect([...new Set(specs.flatMap((p) => (p.group ? [p.group.key] : [])))]).toEqual([
      'protocol',
      'network',
      'page',
      'browser',
      'server',
      'visitors',
    ]);
    const page = { ...base, mode: 'page' };
    const visitors = { ...base, mode: 'visitors' };
    expect(PLAYGROUND_GROUPS.page.applies(page)).toBe(true);
    expect(PLAYGROUND_GROUPS.page.applies(visitors)).toBe(false);
    expect(PLAYGROUND_GROUPS.visitors.applies(page)).toBe(false);
    expect(PLAYGROUND_GROUPS.visitors.applies(visitors)).toBe(true);
  });
});

/** Each knob, a value other than its default, the scenario field and the value it must hold. */
const knobs: [keyof PlaygroundValues, unknown, string, unknown][] = [
  ['rtt', 250, 'network.rttMs', 250],
  ['bandwidth', 2.5, 'network.bandwidthMbps', 2.5],
  ['loss', 2, 'network.lossRate', 0.02],
  ['initialWindow', 4, 'tcp.initialWindow', 4],
  ['slowStartAfterIdle', false, 'tcp.slowStartAfterIdle', false],
  ['delayedAck', true, 'tcp.delayedAck', true],
  ['nagle', true, 'tcp.nagle', true],
  ['fastOpen', true, 'tcp.fastOpen', true],
  ['synRetries', 2, 'tcp.synRetries', 2],
  ['seed', 7, 'seed', 7],
  ['version', '1.0', 'http.version', '1.0'],
  ['keepAlive', false, 'http.keepAlive', false],
  ['tls', 'tls1.2', 'tls', 'tls1.2'],
  ['perHost', 2, 'client.maxConnectionsPerHost', 2],
  ['totalCap', 17, 'client.maxConnectionsTotal', 17],
  ['clientIdle', 60000, 'client.idleTimeoutMs', 60000],
  ['retryPolicy', 'idempotent-only', 'client.retryPolicy', 'idempotent-only'],
  ['serverTimeout', 15000, 'server.keepAliveTimeoutMs', 15000],
  ['maxRequests', 3, 'server.maxRequestsPerConnection', 3],
  ['resetAfter', 2, 'server.resetAfterProcessing', 2],
  ['processing', 40, 'server.processingMs', 40],
  ['model', 'threaded', 'server.model', 'threaded'],
  ['workers', 150, 'server.workers', 150],
  ['backlog', 16, 'server.backlog', 16],
  ['connectionCap', 1024, 'server.maxConnections', 1024],
];

describe('playgroundPageScenario', () => {
  it('with the defaults is the scenario’s default page load', () => {
    const s = valid(playgroundPageScenario(base));
    const d = valid({});
    expect(s).toEqual(d);
  });

  it.each(knobs)('%s = %s sets %s to %s', (key, value, path, expected) => {
    const s = valid(playgroundPageScenario({ ...base, [key]: value }));
    expect(at(s, path)).toEqual(expected);
  });

  it('the page knobs set the HTML and the objects', () => {
    const s = valid(
      playgroundPageScenario({ ...base, htmlBytes: 1500, objects: 3, objectBytes: 700 }),
    );
    expect(s.page.htmlBytes).toBe(1500);
    expect(s.page.objects).toEqual([
      { path: '/img1.png', bytes: 700 },
      { path: '/img2.png', bytes: 700 },
      { path: '/img3.png', bytes: 700 },
    ]);
    expect(s.workload).toBeUndefined();
  });

  it('pipelining reaches the scenario with HTTP/1.1 and keep-alive', () => {
    const s = valid(playgroundPageScenario({ ...base, pipelining: true }));
    expect(s.http.pipelining).toBe(true);
    expect(playgroundAdjustments({ ...base, pipelining: true })).toEqual([]);
  });
});

describe('playgroundWorkloadScenario', () => {
  it('sets the arrivals, the objects per visitor and their size, and keeps the shared knobs', () => {
    const v: PlaygroundValues = {
      ...base,
      mode: 'visitors',
      rate: 25.5,
      duration: 12000,
      perVisitor: 4,
      visitorBytes: 800,
      model: 'event',
      connectionCap: 300,
    };
    const s = valid(playgroundWorkloadScenario(v));
    expect(s.workload).toEqual({
      kind: 'arrivals',
      clientsPerSecond: 25.5,
      durationMs: 12000,
      objectsPerClient: 4,
      objectBytes: 800,
    });
    expect([s.server.model, s.server.maxConnections]).toEqual(['event', 300]);
    expect(playgroundScenario(v)).toEqual(playgroundWorkloadScenario(v));
    expect(playgroundScenario({ ...v, mode: 'page' })).toEqual(
      playgroundPageScenario({ ...v, mode: 'page' }),
    );
  });
});

describe('combinations the simulation does not take', () => {
  it('HTTP/0.9 has no keep-alive', () => {
    const v = { ...base, version: '0.9' as const, keepAlive: true };
    expect(playgroundAdjustments(v)).toEqual(['keepAlive09']);
    expect(valid(playgroundPageScenario(v)).http.keepAlive).toBe(false);
  });

  it.each([
    ['0.9', true, ['keepAlive09', 'pipeliningVersion']],
    ['1.0', true, ['pipeliningVersion']],
    ['1.1', false, ['pipeliningClose']],
  ] as const)('pipelining over HTTP/%s with keep-alive %s is off', (version, keepAlive, list) => {
    const v = { ...base, version, keepAlive, pipelining: true };
    expect(playgroundAdjustments(v)).toEqual(list);
    expect(valid(playgroundPageScenario(v)).http.pipelining).toBe(false);
  });

  it.each(['2', '3'] as const)('HTTP/%s keeps keep-alive on and ignores pipelining', (version) => {
    const v = { ...base, version, keepAlive: false, pipelining: true, tls: 'tls1.3' as const };
    const s = valid(playgroundPageScenario(v));
    expect([s.http.keepAlive, s.http.pipelining]).toEqual([true, false]);
    expect(playgroundAdjustments(v).slice(0, 2)).toEqual(['keepAliveMux', 'pipeliningMux']);
  });

  it.each(['none', 'tls1.2'] as const)('HTTP/3 with TLS %s runs TLS 1.3', (tls) => {
    const v = { ...base, version: '3' as const, tls };
    expect(playgroundAdjustments(v)).toEqual(['tlsQuic', 'quicIdle']);
    expect(valid(playgroundPageScenario(v)).tls).toBe('tls1.3');
  });

  it('HTTP/3 keeps TLS 1.3 with 0-RTT and sets QUIC’s idle timeouts from the two timeouts', () => {
    const v = {
      ...base,
      version: '3' as const,
      tls: 'tls1.3-0rtt' as const,
      clientIdle: 20000,
      serverTimeout: 7000,
    };
    expect(playgroundAdjustments(v)).toEqual(['quicIdle']);
    const s = valid(playgroundPageScenario(v));
    expect(s.tls).toBe('tls1.3-0rtt');
    expect(s.quic).toEqual({ maxIdleTimeoutMs: 20000, serverMaxIdleTimeoutMs: 7000 });
  });

  it('valid combinations are passed on unchanged', () => {
    expect(effectiveProtocol({ ...base, version: '1.0', keepAlive: true })).toEqual({
      keepAlive: true,
      pipelining: false,
      tls: 'none',
      adjustments: [],
    });
  });

  it('every state of the knobs gives scenarios that validate, in both modes', () => {
    fc.assert(
      fc.property(states, (v) => {
        expect(validateScenario(playgroundPageScenario(v)).ok).toBe(true);
        expect(validateScenario(playgroundWorkloadScenario(v)).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the playground’s runs', () => {
  it('HTTP/1.1 opens 6 connections for the default page (HTML, then 10 objects); HTTP/2 one', () => {
    expect(simulate(playgroundPageScenario(base)).metrics.connectionsOpened).toBe(6);
    expect(
      simulate(playgroundPageScenario({ ...base, version: '2' })).metrics.connectionsOpened,
    ).toBe(1);
  });

  it('the many-visitors plan runs the workload, then sweeps the keep-alive timeout', () => {
    const workload = playgroundWorkloadScenario({ ...base, mode: 'visitors', perVisitor: 3 });
    const plan = playgroundPlan(workload);
    expect(plan.main).toBe(workload);
    expect(plan.sweep).toHaveLength(1);
    expect(plan.sweep[0]?.objects).toBe(3);
    expect(plan.sweep[0]?.runs.map((r) => r.keepAliveTimeoutMs)).toEqual(SWEEP_TIMEOUTS_MS);
    // 0 = keep-alive off: one request per connection; otherwise the timeout itself.
    expect(plan.sweep[0]?.runs[0]?.scenario.server?.maxRequestsPerConnection).toBe(1);
    expect(plan.sweep[0]?.runs[2]?.scenario.server?.keepAliveTimeoutMs).toBe(2000);
  });

  it('HTTP/3 has no keep-alive timeout to sweep', () => {
    const plan = playgroundPlan(
      playgroundWorkloadScenario({ ...base, mode: 'visitors', version: '3' }),
    );
    expect(plan.sweep).toEqual([]);
  });
});

describe('the URL', () => {
  it('round-trips a state: values → URL → values', () => {
    const v: PlaygroundValues = {
      ...base,
      mode: 'visitors',
      version: '3',
      tls: 'tls1.3-0rtt',
      loss: 1.5,
      bandwidth: 0.5,
      rate: 120.5,
      model: 'event',
    };
    const url = serializeParams(playgroundSchema, v, '', 'playground');
    expect(url).toBe(
      '?playground.mode=visitors&playground.version=3&playground.tls=tls1.3-0rtt&playground.bandwidth=0.5&playground.loss=1.5&playground.model=event&playground.rate=120.5',
    );
    expect(parseParams(playgroundSchema, url, 'playground')).toEqual({ values: v, notices: [] });
  });

  it('keeps the values of the other mode’s knobs', () => {
    fc.assert(
      fc.property(states, (v) => {
        const url = serializeParams(playgroundSchema, v);
        expect(parseParams(playgroundSchema, url).values).toEqual(v);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the one-off events of a page load', () => {
  it('drop, click and address change land in their scenario fields; 0 means none', () => {
    const none = playgroundPageScenario(base);
    expect(none.network?.drop).toEqual([]);
    expect(none.followUps).toEqual([]);
    expect(none.client?.addressChangeAtMs).toBeUndefined();
    const some = playgroundPageScenario({
      ...base,
      drop: 7,
      followUpAt: 4000,
      followUpMethod: 'POST',
      addressChangeAt: 2500,
      shards: 3,
    });
    expect(some.network?.drop).toEqual([{ connection: 1, segment: 7, direction: 's2c' }]);
    expect(some.followUps).toEqual([
      { atMs: 4000, method: 'POST', bytes: PLAYGROUND_FOLLOW_UP_BYTES, bodyBytes: 200 },
    ]);
    expect(some.client?.addressChangeAtMs).toBe(2500);
    expect(some.page?.shards).toBe(3);
    expect(validateScenario(some).ok).toBe(true);
  });
});
