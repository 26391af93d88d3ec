/**
 * `tcp.synRetries`: a connection attempt whose SYN is never answered retransmits it `n` times
 * with RFC 6298 backoff from the initial RTO (doubling, capped at the 120 s maximum RTO), then
 * gives up `rto x (2^(n+1) - 1)` after its first SYN (Linux tcp_syn_retries = 6: retransmissions
 * at 1, 3, 7, 15, 31 and 63 s, failure at 127 s; tcp(7)). Its request fails exactly once and is
 * not retried (the connection was fresh). The workload: a threaded server with one worker and no
 * backlog, and a keep-alive timeout of an hour, so the first visitor's connection holds the only
 * worker and every later visitor's SYN is dropped (a full accept queue drops SYNs silently).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { PacketEvent } from '../../../src/sim/trace';
import { ofType, packets } from './helpers';

function refusedRun(tcp: ScenarioInput['tcp'] = {}) {
  return simulate({
    network: { rttMs: 100 },
    tcp,
    server: { model: 'threaded', workers: 1, backlog: 0, keepAliveTimeoutMs: 3_600_000 },
    workload: { clientsPerSecond: 1, durationMs: 10_000, objectsPerClient: 1 },
  });
}

/** The client SYNs of connection `conn`, in sending order. */
function syns(all: readonly PacketEvent[], conn: number): PacketEvent[] {
  return all.filter((p) => p.conn === conn && p.dir === 'c2s' && p.flags.includes('SYN'));
}

/** ms rounded to the engine's whole µs (sums of ms times carry float noise). */
const us = (ms: number): number => Math.round(ms * 1000) / 1000;

/** Give-up time after the first SYN: the sum of the backed-off RTOs (ms). */
function giveUpMs(n: number, initialRtoMs: number, maxRtoMs = 120_000): number {
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += Math.min(initialRtoMs * 2 ** k, maxRtoMs);
  return sum;
}

describe('tcp.synRetries: an unanswered SYN gives up after the backoff sum', () => {
  it('closed form by hand: 6 retries from 1 s = 1 + 2 + 4 + 8 + 16 + 32 + 64 = 127 s; 7 retries hit the 120 s cap: 127 + 120 = 247 s', () => {
    expect(giveUpMs(6, 1000)).toBe(127_000);
    expect(giveUpMs(0, 1000)).toBe(1_000);
    expect(giveUpMs(1, 1000)).toBe(3_000);
    expect(giveUpMs(7, 1000)).toBe(247_000);
  });

  it.each([
    [0, 1000],
    [1, 1000],
    [6, 1000],
    [7, 1000],
    [2, 3000],
  ])(
    'synRetries %i, initial RTO %i ms: n + 1 SYNs at the backed-off times, the request fails at the sum',
    (n, rto) => {
      const { trace, workload } = refusedRun({ synRetries: n, initialRtoMs: rto });
      const all = packets(trace);
      const opens = ofType(trace, 'conn-open');
      expect(opens.length).toBeGreaterThanOrEqual(3);
      const errors = ofType(trace, 'request').filter((e) => e.step === 'error');
      // Every visitor but the first is refused; each of their requests fails once, none retried.
      expect(errors).toHaveLength(opens.length - 1);
      expect(ofType(trace, 'request').filter((e) => e.step === 'retry')).toEqual([]);
      for (const open of opens.slice(1)) {
        const s = syns(all, open.conn);
        const t0 = open.t;
        // SYN k+1 leaves when the k-th backed-off RTO expires.
        const expected = Array.from({ length: n + 1 }, (_, k) => us(t0 + giveUpMs(k - 1, rto)));
        expect(s.map((p) => p.t)).toEqual(expected);
        expect(s.every((p) => p.dropped !== undefined)).toBe(true);
        const err = errors.find((e) => e.conn === open.conn);
        expect(err?.t).toBe(us(t0 + giveUpMs(n, rto)));
        // The attempt ends silently: no RST for a connection the server never knew.
        expect(all.filter((p) => p.conn === open.conn && p.flags.includes('RST'))).toEqual([]);
      }
      // The workload's figures: the failed requests are counted apart, and the response times
      // are the completed visitor's only (one request: p50 = p99 = its own time).
      expect(workload?.requestsFailed).toBe(opens.length - 1);
      expect(workload?.requestsCompleted).toBe(1);
      expect(workload?.refused).toBe(opens.length - 1);
      expect(workload?.latencyMs.p99).toBe(workload?.latencyMs.p50);
      expect(workload?.latencyMs.p99).toBeLessThan(1000);
    },
  );

  it('the default is Linux’s 6: the request fails 127 s after its first SYN', () => {
    const { trace } = refusedRun();
    const open = ofType(trace, 'conn-open')[1];
    const err = ofType(trace, 'request').find((e) => e.step === 'error' && e.conn === open?.conn);
    expect(syns(packets(trace), open?.conn ?? -1)).toHaveLength(7);
    expect(us((err?.t ?? 0) - (open?.t ?? 0))).toBe(127_000);
  });

  it('is deterministic', () => {
    const a = refusedRun({ synRetries: 3 });
    const b = refusedRun({ synRetries: 3 });
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
  });
});
