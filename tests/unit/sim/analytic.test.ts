import { describe, expect, it } from 'vitest';
import {
  handshakeRoundTrips,
  nonPersistentParallel,
  nonPersistentSerial,
  pageLoadRoundTrips,
  persistentParallel,
  persistentPipelined,
  persistentSerial,
  slowStartRounds,
} from '../../../src/sim/analytic';
import type { AnalyticMode } from '../../../src/sim/analytic';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { FAST, expectClose } from './helpers';

describe('closed forms', () => {
  it('handshakeRoundTrips: TCP 1, +2 for TLS 1.2, +1 for TLS 1.3', () => {
    expect([
      handshakeRoundTrips('none'),
      handshakeRoundTrips('tls1.2'),
      handshakeRoundTrips('tls1.3'),
    ]).toEqual([1, 3, 2]);
  });

  it('nonPersistentSerial: every one of N + 1 fetches costs 2 RTT', () => {
    expect(nonPersistentSerial(1)).toBe(4); // HPBN ch.11: 284 ms = 4 x 56 + 60 ms of server time
    expect(nonPersistentSerial(5)).toBe(12);
    expect(nonPersistentSerial(5, 'tls1.3')).toBe(18);
  });

  it('nonPersistentParallel: HTML, then ceil(N / P) waves of 2 RTT', () => {
    expect(nonPersistentParallel(10, 4)).toBe(2 + 2 * 3);
    expect(nonPersistentParallel(0, 4)).toBe(2);
  });

  it('persistentSerial: 2 RTT for the HTML then 1 per object (saving (N - 1) RTT per HPBN)', () => {
    expect(persistentSerial(1)).toBe(3); // HPBN ch.11: 228 = 3 x 56 + 60
    expect(persistentSerial(90)).toBe(92);
    expect(nonPersistentSerial(90) - persistentSerial(90)).toBe(90);
  });

  it('persistentParallel: the warm connection starts at once, the others after a handshake', () => {
    expect(persistentParallel(1, 6)).toBe(3);
    expect(persistentParallel(2, 2)).toBe(4); // obj 1 on conn 1 at 3, obj 2 on conn 2 at 4
    expect(persistentParallel(20, 6)).toBe(2 + 5); // T + 5 (T - 1) >= 20 -> T = 5 (5 + 20 = 25)
    expect(persistentParallel(5, 1)).toBe(7);
    expect(persistentParallel(3, 6, 'tls1.2')).toBe(4 + 3); // h = 3: conn 1 alone finishes first
  });

  it('persistentPipelined: one extra round trip for all objects', () => {
    expect(persistentPipelined(1)).toBe(3); // HPBN ch.11: 172 = 3 x 56 + 40 + 20 - ... (serial server)
    expect(persistentPipelined(20)).toBe(3);
    expect(persistentPipelined(0)).toBe(2);
  });

  describe.each([
    { bytes: 65000, w: 10, rounds: 3 }, // 45 segments: 10 + 20 + 15
    { bytes: 14600, w: 10, rounds: 1 },
    { bytes: 14601, w: 10, rounds: 2 },
    { bytes: 1460, w: 1, rounds: 1 },
    { bytes: 4 * 1460, w: 1, rounds: 3 }, // 1 + 2 + 4 >= 4
    { bytes: 64 * 1024, w: 4, rounds: 4 }, // 45 segments: 4 + 8 + 16 + 32 >= 45
  ])('slowStartRounds($bytes, $w)', ({ bytes, w, rounds }) => {
    it(`is ${rounds}`, () => {
      expect(slowStartRounds(bytes, w)).toBe(rounds);
    });
  });
});

describe('simulation agrees with the closed forms (bandwidth unlimited, IW 100, one-segment objects)', () => {
  const scenario = (
    mode: AnalyticMode,
    rtt: number,
    objects: number,
    conns: number,
    tls: 'none' | 'tls1.2' | 'tls1.3' = 'none',
  ): ScenarioInput => ({
    network: { rttMs: rtt, ...FAST },
    tcp: { initialWindow: 100 }, // large windows: 20 pipelined responses leave in one flight
    tls,
    http:
      mode === 'non-persistent'
        ? { version: '1.0', keepAlive: false }
        : { version: '1.1', pipelining: mode === 'pipelined' },
    client: { maxConnectionsPerHost: conns },
    page: { htmlBytes: 1000, objects, objectBytes: 1000 },
  });
  const grid: [AnalyticMode, number, number, number][] = [];
  for (const mode of ['non-persistent', 'persistent', 'pipelined'] as const)
    for (const rtt of [10, 50, 200])
      for (const n of [1, 5, 20]) for (const p of [1, 2, 6]) grid.push([mode, rtt, n, p]);

  it.each(grid)('%s, RTT %i ms, %i objects, %i connection(s) per host', (mode, rtt, n, p) => {
    const { metrics } = simulate(scenario(mode, rtt, n, p));
    expectClose(metrics.pageLoadMs, pageLoadRoundTrips(mode, n, p) * rtt, 1e-3);
  });

  const tlsGrid: [AnalyticMode, 'tls1.2' | 'tls1.3', number, number][] = [];
  for (const mode of ['non-persistent', 'persistent', 'pipelined'] as const)
    for (const tls of ['tls1.2', 'tls1.3'] as const)
      for (const n of [1, 5, 20]) for (const p of [1, 6]) tlsGrid.push([mode, tls, n, p]);

  it.each(tlsGrid)(
    '%s over %s, RTT 50 ms, %i objects, %i connection(s) per host',
    (mode, tls, n, p) => {
      const { metrics } = simulate(scenario(mode, 50, n, p, tls));
      expectClose(metrics.pageLoadMs, pageLoadRoundTrips(mode, n, p, tls) * 50, 1e-3);
    },
  );
});
