import { describe, expect, it } from 'vitest';
import {
  COMPOSITE_FIELDS,
  MAX_TOTAL_BYTES,
  SCENARIO_FIELDS,
  defaultScenario,
  describeSpec,
  formatErrors,
  validateScenario,
} from '../../../../src/sim/scenario';

function errorsOf(input: unknown) {
  const r = validateScenario(input);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('validateScenario', () => {
  it('an empty object yields every documented default', () => {
    const r = validateScenario({});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.network.rttMs).toBe(SCENARIO_FIELDS['network.rttMs'].default);
    expect(s.tcp.initialWindow).toBe(10);
    expect(s.tcp.receiveWindowBytes).toBe(65535);
    expect(s.tcp.slowStartAfterIdle).toBe(true);
    expect(s.tcp.initialRtoMs).toBe(1000);
    expect(s.tcp.timeWaitMs).toBe(60000);
    expect(s.http).toEqual({
      version: '1.1',
      keepAlive: true,
      pipelining: false,
      requestHeaderBytes: 400,
      responseHeaderBytes: 250,
      // RFC 9113 §6.5.2: "It is recommended that this value be no smaller than 100".
      maxConcurrentStreams: 100,
    });
    expect(s.page.objects).toHaveLength(10);
    expect(s.page.objects[0]).toEqual({ path: '/img1.png', bytes: 5000 });
    expect(s.followUps).toEqual([]);
    expect(s.network.drop).toEqual([]);
  });

  it('keepAlive defaults to false for HTTP/1.0 and true for HTTP/1.1', () => {
    const v10 = validateScenario({ http: { version: '1.0' } });
    const v11 = validateScenario({ http: { version: '1.1' } });
    expect(v10.ok && v10.scenario.http.keepAlive).toBe(false);
    expect(v11.ok && v11.scenario.http.keepAlive).toBe(true);
  });

  it('a normalized scenario validates to itself', () => {
    const s = defaultScenario();
    const again = validateScenario(s);
    expect(again.ok && again.scenario).toEqual(s);
  });

  it('page.objects accepts an array of sizes and objects', () => {
    const r = validateScenario({ page: { objects: [100, { path: '/a.css', processingMs: 20 }] } });
    expect(r.ok && r.scenario.page.objects).toEqual([
      { path: '/img1.png', bytes: 100 },
      { path: '/a.css', bytes: 5000, processingMs: 20 },
    ]);
  });

  it('an unknown field is named with the allowed fields', () => {
    expect(errorsOf({ network: { rtt: 5 } })).toEqual([
      {
        path: 'network.rtt',
        message: 'unknown field (allowed: rttMs, bandwidthMbps, mssBytes, lossRate, dnsMs, drop)',
      },
    ]);
    expect(errorsOf({ colour: 'red' })[0]?.path).toBe('colour');
  });

  it('a wrong type names the field and the allowed range', () => {
    expect(errorsOf({ network: { rttMs: '50' } })).toEqual([
      { path: 'network.rttMs', message: 'must be a number between 0.1 and 10000 (got "50")' },
    ]);
    expect(errorsOf({ tcp: { delayedAck: 1 } })).toEqual([
      { path: 'tcp.delayedAck', message: 'must be true or false (got 1)' },
    ]);
    expect(errorsOf({ tls: 'ssl3' })).toEqual([
      {
        path: 'tls',
        message:
          'must be one of "none", "tls1.2", "tls1.2-resumed", "tls1.3", "tls1.3-resumed", "tls1.3-0rtt" (got "ssl3")',
      },
    ]);
    expect(errorsOf({ network: 5 })).toEqual([
      { path: 'network', message: 'must be an object (got 5)' },
    ]);
  });

  describe.each([
    ['network.rttMs', { network: { rttMs: 0 } }, 'must be a number between 0.1 and 10000 (got 0)'],
    [
      'network.lossRate',
      { network: { lossRate: 0.9 } },
      'must be a number between 0 and 0.5 (got 0.9)',
    ],
    [
      'tcp.initialWindow',
      { tcp: { initialWindow: 2.5 } },
      'must be an integer between 1 and 100 (got 2.5)',
    ],
    [
      'client.maxConnectionsPerHost',
      { client: { maxConnectionsPerHost: 0 } },
      'must be an integer between 1 and 64 (got 0)',
    ],
    [
      'page.objects',
      { page: { objects: 5000 } },
      'must be an integer between 0 and 1000 (got 5000)',
    ],
    ['seed', { seed: -1 }, 'must be an integer between 0 and 4294967295 (got -1)'],
  ])('%s out of range', (path, input, message) => {
    it('is reported with the allowed range', () => {
      expect(errorsOf(input)).toEqual([{ path, message }]);
    });
  });

  it('NaN and Infinity are rejected', () => {
    expect(errorsOf({ network: { rttMs: Number.NaN } })[0]?.path).toBe('network.rttMs');
    expect(errorsOf({ network: { bandwidthMbps: Infinity } })[0]?.path).toBe(
      'network.bandwidthMbps',
    );
  });

  it('array items are validated with their index in the path', () => {
    expect(errorsOf({ network: { drop: [{ connection: 1 }] } })).toEqual([
      { path: 'network.drop[0].segment', message: 'is required: an integer between 1 and 1000000' },
    ]);
    expect(errorsOf({ followUps: [{ atMs: 10, method: 'PUT' }] })).toEqual([
      { path: 'followUps[0].method', message: 'must be one of "GET", "POST" (got "PUT")' },
    ]);
    expect(errorsOf({ followUps: [{ atMs: 1, path: 'no-slash' }] })[0]?.path).toBe(
      'followUps[0].path',
    );
    expect(errorsOf({ page: { objects: [1, 'x'] } })[0]?.path).toBe('page.objects[1]');
  });

  it('pipelining requires HTTP/1.1 with keep-alive', () => {
    expect(errorsOf({ http: { version: '1.0', pipelining: true } })[0]?.path).toBe(
      'http.pipelining',
    );
    expect(errorsOf({ http: { keepAlive: false, pipelining: true } })[0]?.path).toBe(
      'http.pipelining',
    );
  });

  it('the total transfer is capped at MAX_TOTAL_BYTES', () => {
    expect(errorsOf({ page: { objects: 1000, objectBytes: 1_000_000 } })).toEqual([
      {
        path: 'page',
        message: `total bytes (HTML, objects and follow-ups) must be at most ${MAX_TOTAL_BYTES} (got 1000020000)`,
      },
    ]);
  });

  it('a non-object scenario is rejected', () => {
    expect(errorsOf([1, 2])[0]?.message).toMatch(/^scenario must be a JSON object/);
  });

  it('all errors are collected, not just the first', () => {
    expect(errorsOf({ network: { rttMs: -1, mssBytes: 1 }, tls: 3 })).toHaveLength(3);
  });

  it('formatErrors joins errors on one line', () => {
    expect(
      formatErrors([
        { path: 'a', message: 'x' },
        { path: 'b', message: 'y' },
      ]),
    ).toBe('a: x; b: y');
  });
});

describe('field specs', () => {
  it('every default lies in its own range', () => {
    for (const [path, spec] of Object.entries(SCENARIO_FIELDS)) {
      if (spec.kind === 'number' || spec.kind === 'integer') {
        expect(spec.default, path).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default, path).toBeLessThanOrEqual(spec.max);
      }
      if (spec.kind === 'enum') expect(spec.values, path).toContain(spec.default);
    }
  });

  it('describeSpec phrases ranges for UI hints', () => {
    expect(describeSpec(SCENARIO_FIELDS['network.rttMs'])).toBe('a number between 0.1 and 10000');
    expect(describeSpec(COMPOSITE_FIELDS.followUps.method)).toBe('one of "GET", "POST"');
  });
});
