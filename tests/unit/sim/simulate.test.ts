import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, ScenarioInput } from '../../../src/sim/scenario';
import { validateScenario } from '../../../src/sim/scenario';
import { ScenarioError, simulate } from '../../../src/sim/simulate';
import { simulateForViews } from '../views/recorded';
import type { Trace } from '../../../src/sim/trace';
import { metricsAt } from '../../../src/components/views/metrics';
import { HTTP1_VARIANTS, pageLoadArb } from './arbitraries';
import { ofType } from './helpers';

/** Random valid scenarios over HTTP/0.9–1.1, small enough to keep the suite fast. */
const scenarioArb = pageLoadArb(HTTP1_VARIANTS);

/** Property runs per test (raise with SIM_PROPERTY_RUNS for a longer hunt). */
const RUNS = { numRuns: Number(process.env['SIM_PROPERTY_RUNS'] ?? 60) };

/** Every queued request ends exactly once (done or error), and nothing ends unqueued. */
function expectEachQueuedRequestEndsOnce(trace: Trace): void {
  const queued = new Set<number>();
  const ends = new Map<number, number>();
  for (const e of ofType(trace, 'request')) {
    if (e.step === 'queued') queued.add(e.requestId);
    if (e.step === 'done' || e.step === 'error')
      ends.set(e.requestId, (ends.get(e.requestId) ?? 0) + 1);
  }
  expect([...ends.keys()].sort((a, b) => a - b)).toEqual([...queued].sort((a, b) => a - b));
  for (const count of ends.values()) expect(count).toBe(1);
}

/**
 * HTTP/2 and HTTP/3: each response delivers its header block plus its whole body. HPACK/QPACK
 * model: a connection's first response block is Huffman-coded (0.7), later ones mostly indexed
 * (0.1).
 */
function expectHeaderBlockPlusBody(trace: Trace, scenario: Scenario): void {
  const h = scenario.http.responseHeaderBytes;
  const blocks = [Math.ceil(0.7 * h), Math.ceil(0.1 * h)];
  const body = [
    scenario.page.htmlBytes,
    ...scenario.page.objects.map((o) => o.bytes),
    ...scenario.followUps.map((f) => f.bytes),
  ];
  for (const e of ofType(trace, 'request'))
    if (e.step === 'done')
      expect(blocks).toContain((e.bytes ?? 0) - (body[e.requestId - 1] ?? NaN));
}

/** Open client connections per host and in total, at every event. */
function maxOpen(trace: Trace): { perHost: number; total: number } {
  const host = new Map<number, string>();
  const open = new Set<number>();
  let perHost = 0;
  let total = 0;
  for (const e of trace) {
    if (e.type === 'conn-open') host.set(e.conn, e.host);
    if (e.type !== 'conn' || e.side !== 'client') continue;
    const isOpen =
      e.phase === 'handshake' || e.phase === 'tls' || e.phase === 'active' || e.phase === 'idle';
    if (isOpen) open.add(e.conn);
    else open.delete(e.conn);
    total = Math.max(total, open.size);
    const counts = new Map<string, number>();
    for (const c of open) counts.set(host.get(c) ?? '', (counts.get(host.get(c) ?? '') ?? 0) + 1);
    for (const n of counts.values()) perHost = Math.max(perHost, n);
  }
  return { perHost, total };
}

describe('simulate', () => {
  it('throws ScenarioError naming the field for an invalid scenario', () => {
    expect(() => simulate({ network: { rttMs: -1 } })).toThrow(ScenarioError);
    expect(() => simulate({ network: { rttMs: -1 } })).toThrow(/network\.rttMs/);
  });

  it('returns the normalized scenario', () => {
    const r = simulate({ page: { objects: 1 } });
    const v = validateScenario({ page: { objects: 1 } });
    expect(v.ok && r.scenario).toEqual(v.ok && v.scenario);
  });
});

describe('properties over random valid scenarios', { timeout: 120_000 }, () => {
  it('determinism: the same scenario and seed give an identical trace', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        expect(simulate(sc).trace).toEqual(simulate(sc).trace);
      }),
      { numRuns: 25 },
    );
  });

  it('every queued request finishes exactly once (done or error) and retries at most once', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace, scenario } = simulate(sc);
        const queued = new Set<number>();
        const ends = new Map<number, number>();
        for (const e of ofType(trace, 'request')) {
          if (e.step === 'queued') queued.add(e.requestId);
          if (e.step === 'done' || e.step === 'error')
            ends.set(e.requestId, (ends.get(e.requestId) ?? 0) + 1);
          if (e.step === 'retry') expect(e.attempt).toBe(1);
        }
        expect([...ends.keys()].sort((a, b) => a - b)).toEqual([...queued].sort((a, b) => a - b));
        // Objects are only missing when the HTML failed (they are never discovered).
        const html = ofType(trace, 'request').find(
          (e) => e.requestId === 1 && (e.step === 'done' || e.step === 'error'),
        );
        if (html?.step === 'done' || scenario.page.discovery === 'upfront')
          expect(queued.size).toBe(1 + scenario.page.objects.length + scenario.followUps.length);
        for (const count of ends.values()) expect(count).toBe(1);
      }),
      RUNS,
    );
  });

  it('responses arrive complete: every done request received headers + body in full', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace, scenario } = simulate(sc);
        const head = scenario.http.version === '0.9' ? 0 : scenario.http.responseHeaderBytes;
        const body = [
          scenario.page.htmlBytes,
          ...scenario.page.objects.map((o) => o.bytes),
          ...scenario.followUps.map((f) => f.bytes),
        ];
        for (const e of ofType(trace, 'request'))
          if (e.step === 'done') expect(e.bytes).toBe(head + (body[e.requestId - 1] ?? -1));
      }),
      RUNS,
    );
  });

  it('event times never go backwards', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace } = simulate(sc);
        let backwards = 0;
        for (let i = 1; i < trace.length; i++)
          if ((trace[i]?.t ?? 0) < (trace[i - 1]?.t ?? 0)) backwards++;
        expect(backwards).toBe(0);
      }),
      RUNS,
    );
  });

  it('never more open connections than the per-host and total limits', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace, scenario } = simulate(sc);
        const m = maxOpen(trace);
        expect(m.perHost).toBeLessThanOrEqual(scenario.client.maxConnectionsPerHost);
        expect(m.total).toBeLessThanOrEqual(scenario.client.maxConnectionsTotal);
      }),
      RUNS,
    );
  });

  it('no response byte earlier than one RTT after its request was sent', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace, scenario } = simulate(sc);
        const sent = new Map<string, number>();
        for (const e of ofType(trace, 'request')) {
          const key = `${e.requestId}/${e.attempt}`;
          if (e.step === 'sent') sent.set(key, e.t);
          if (e.step === 'first-byte')
            expect(e.t - (sent.get(key) ?? Infinity)).toBeGreaterThanOrEqual(
              scenario.network.rttMs - 1e-9,
            );
        }
      }),
      RUNS,
    );
  });

  it('responses on one connection complete in the order their requests were sent (pipelining included)', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const sentOrder = new Map<number, number[]>();
        const doneOrder = new Map<number, number[]>();
        for (const e of ofType(trace, 'request')) {
          if (e.conn === undefined) continue;
          if (e.step === 'sent')
            sentOrder.set(e.conn, [...(sentOrder.get(e.conn) ?? []), e.requestId]);
          if (e.step === 'done')
            doneOrder.set(e.conn, [...(doneOrder.get(e.conn) ?? []), e.requestId]);
        }
        for (const [conn, done] of doneOrder) {
          const sent = (sentOrder.get(conn) ?? []).filter((id) => done.includes(id));
          expect(done).toEqual(sent);
        }
      }),
      RUNS,
    );
  });

  it('in-order delivery: no side acknowledges bytes beyond what arrived contiguously', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const ranges = new Map<string, [number, number][]>();
        const acks = new Map<string, number>();
        for (const p of ofType(trace, 'packet')) {
          if (p.dropped) continue;
          const k = `${p.conn}/${p.dir}`;
          const len =
            p.payloadBytes + (p.flags.includes('SYN') ? 1 : 0) + (p.flags.includes('FIN') ? 1 : 0);
          if (len > 0) ranges.set(k, [...(ranges.get(k) ?? []), [p.seq, p.seq + len]]);
          if (p.flags.includes('ACK') && !p.flags.includes('RST')) {
            const back = `${p.conn}/${p.dir === 'c2s' ? 's2c' : 'c2s'}`;
            acks.set(back, Math.max(acks.get(back) ?? 0, p.ack));
          }
        }
        for (const [k, ack] of acks) {
          const rs = (ranges.get(k) ?? []).sort((a, b) => a[0] - b[0]);
          let covered = 0;
          for (const [s, e] of rs) if (s <= covered) covered = Math.max(covered, e);
          expect(ack, k).toBeLessThanOrEqual(covered);
        }
      }),
      RUNS,
    );
  });

  it('TIME_WAIT only on a side that closed first (FIN_WAIT_1), never on a passive closer', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const seen = new Map<string, string[]>();
        for (const e of ofType(trace, 'conn')) {
          const k = `${e.conn}/${e.side}`;
          seen.set(k, [...(seen.get(k) ?? []), e.state]);
        }
        for (const [k, states] of seen) {
          if (!states.includes('TIME_WAIT')) continue;
          expect(states.indexOf('FIN_WAIT_1'), k).toBeGreaterThanOrEqual(0);
          expect(states.indexOf('FIN_WAIT_1'), k).toBeLessThan(states.indexOf('TIME_WAIT'));
          expect(states.includes('CLOSE_WAIT'), k).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('a completed page takes at least the handshakes plus one round trip', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { metrics, scenario } = simulate(sc);
        if (!metrics.pageComplete) return;
        // TLS 1.3 0-RTT: the request leaves with the ClientHello (0 extra round trips).
        const tls = scenario.tls === 'tls1.2' ? 2 : scenario.tls === 'tls1.3' ? 1 : 0;
        expect(metrics.pageLoadMs).toBeGreaterThanOrEqual(
          (2 + tls) * scenario.network.rttMs - 1e-9,
        );
      }),
      RUNS,
    );
  });

  it('every connection ends CLOSED on both sides when the run goes idle', () => {
    fc.assert(
      fc.property(scenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const last = new Map<string, string>();
        for (const e of ofType(trace, 'conn')) last.set(`${e.conn}/${e.side}`, e.state);
        for (const [k, s] of last) expect(`${k} ${s}`).toBe(`${k} CLOSED`);
      }),
      RUNS,
    );
  });
});

/** The same random scenarios over HTTP/2: any TLS mode (tls "none" = h2c), 1 to 100 streams. */
const h2Arb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(
    scenarioArb,
    fc.constantFrom('none', 'tls1.2', 'tls1.3', 'tls1.3-0rtt'),
    fc.integer({ min: 1, max: 100 }),
  )
  .map(([sc, tls, streams]) => ({
    ...sc,
    tls,
    http: { version: '2', maxConcurrentStreams: streams },
  }));

/**
 * The properties HTTP/2 and HTTP/3 random scenarios share: determinism; each queued request ends
 * exactly once, and with loss of at most 1 %, no targeted drop and Linux's 6 SYN retransmissions
 * the page completes; each response is its header block plus the whole body.
 */
function sharedStreamProperties(arb: fc.Arbitrary<ScenarioInput>): void {
  it('determinism: the same scenario and seed give an identical trace', () => {
    fc.assert(
      fc.property(arb, (sc) => {
        expect(simulate(sc).trace).toEqual(simulate(sc).trace);
      }),
      { numRuns: 25 },
    );
  });

  it('every queued request finishes exactly once; with loss of at most 1% and no targeted drop, the page completes', () => {
    fc.assert(
      fc.property(arb, (sc) => {
        const { trace, scenario, metrics } = simulate(sc);
        expectEachQueuedRequestEndsOnce(trace);
        // With fewer SYN retransmissions than Linux's 6, one lost SYN can end a connection
        // attempt (synRetries 0) and fail the page by design.
        if (
          scenario.network.lossRate <= 0.01 &&
          scenario.network.drop.length === 0 &&
          scenario.tcp.synRetries >= 6
        )
          expect(metrics.pageComplete).toBe(true);
      }),
      RUNS,
    );
  });

  it('bytes delivered = bytes sent: each response is its header block plus the whole body', () => {
    fc.assert(
      fc.property(arb, (sc) => {
        const { trace, scenario } = simulate(sc);
        expectHeaderBlockPlusBody(trace, scenario);
      }),
      RUNS,
    );
  });
}

describe('properties over random HTTP/2 scenarios', { timeout: 120_000 }, () => {
  sharedStreamProperties(h2Arb);

  it('every byte a side sent is acknowledged on connections that closed without a reset or giving up', () => {
    fc.assert(
      fc.property(h2Arb, (sc) => {
        const { trace } = simulate(sc);
        const end = new Map<string, number>();
        const acked = new Map<string, number>();
        const reset = new Set<number>();
        // An attempt whose SYNs all went unanswered ends without a RST (as Linux's does).
        for (const e of ofType(trace, 'conn'))
          if (e.reason === 'retransmit-limit') reset.add(e.conn);
        for (const p of ofType(trace, 'packet')) {
          if (p.flags.includes('RST')) reset.add(p.conn);
          const k = `${p.conn}/${p.dir}`;
          const len =
            p.payloadBytes + (p.flags.includes('SYN') ? 1 : 0) + (p.flags.includes('FIN') ? 1 : 0);
          if (len > 0) end.set(k, Math.max(end.get(k) ?? 0, p.seq + len));
          if (!p.dropped && p.flags.includes('ACK') && !p.flags.includes('RST')) {
            const back = `${p.conn}/${p.dir === 'c2s' ? 's2c' : 'c2s'}`;
            acked.set(back, Math.max(acked.get(back) ?? 0, p.ack));
          }
        }
        for (const [k, e] of end)
          if (!reset.has(Number(k.split('/')[0]))) expect(acked.get(k), k).toBe(e);
      }),
      RUNS,
    );
  });

  it('streams: odd ids increasing per connection, never more open than maxConcurrentStreams', () => {
    fc.assert(
      fc.property(h2Arb, (sc) => {
        const { trace, scenario } = simulate(sc);
        const lastId = new Map<number, number>();
        const open = new Map<number, Set<number>>();
        for (const e of ofType(trace, 'request')) {
          if (e.conn === undefined) continue;
          const set = open.get(e.conn) ?? new Set<number>();
          open.set(e.conn, set);
          if (e.step === 'sent') {
            expect(e.stream ?? 0).toBeGreaterThan(lastId.get(e.conn) ?? 0);
            expect((e.stream ?? 0) % 2).toBe(1);
            lastId.set(e.conn, e.stream ?? 0);
            set.add(e.requestId);
            expect(set.size).toBeLessThanOrEqual(scenario.http.maxConcurrentStreams);
          }
          if (e.step === 'done' || e.step === 'error' || e.step === 'retry')
            set.delete(e.requestId);
        }
      }),
      RUNS,
    );
  });

  it('stall intervals are well formed and only on streams that carried requests; their union is at most their sum', () => {
    fc.assert(
      fc.property(h2Arb, (sc) => {
        const { trace, metrics } = simulate(sc);
        const sentOn = new Set<string>();
        for (const e of ofType(trace, 'request'))
          if (e.step === 'sent') sentOn.add(`${e.conn ?? 0}/${e.stream ?? 0}`);
        let total = 0;
        for (const e of ofType(trace, 'stream-stall')) {
          expect(e.fromMs).toBeLessThanOrEqual(e.toMs);
          expect(e.t).toBe(e.toMs);
          expect(sentOn.has(`${e.conn}/${e.stream}`)).toBe(true);
          total += e.toMs - e.fromMs;
        }
        // United per stream, overlapping intervals count once: at most the raw sum.
        expect(metrics.streamStallMs?.total ?? NaN).toBeLessThanOrEqual(total + 1e-6);
      }),
      RUNS,
    );
  });

  it('event times never go backwards; a completed page takes at least the handshakes plus one round trip', () => {
    fc.assert(
      fc.property(h2Arb, (sc) => {
        const { trace, metrics, scenario } = simulate(sc);
        for (let i = 1; i < trace.length; i++)
          expect(trace[i]?.t ?? 0).toBeGreaterThanOrEqual(trace[i - 1]?.t ?? 0);
        if (!metrics.pageComplete) return;
        const tls = scenario.tls === 'tls1.2' ? 2 : scenario.tls === 'tls1.3' ? 1 : 0;
        expect(metrics.pageLoadMs).toBeGreaterThanOrEqual(
          (2 + tls) * scenario.network.rttMs - 1e-9,
        );
      }),
      RUNS,
    );
  });

  it('at most one usable connection per host at a time, and every connection ends CLOSED', () => {
    fc.assert(
      fc.property(h2Arb, (sc) => {
        const { trace } = simulate(sc);
        expect(maxOpen(trace).perHost).toBeLessThanOrEqual(1);
        const last = new Map<string, string>();
        for (const e of ofType(trace, 'conn')) last.set(`${e.conn}/${e.side}`, e.state);
        for (const [k, s] of last) expect(`${k} ${s}`).toBe(`${k} CLOSED`);
      }),
      RUNS,
    );
  });
});

/** The same random scenarios over HTTP/3 (TLS 1.3 with or without 0-RTT, 1 to 100 streams). */
const h3Arb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(scenarioArb, fc.constantFrom('tls1.3', 'tls1.3-0rtt'), fc.integer({ min: 1, max: 100 }))
  .map(([sc, tls, streams]) => ({
    ...sc,
    tls,
    http: { version: '3', maxConcurrentStreams: streams },
  }));

/** Any protocol, with the client's address changing at some point of the load. */
const migrationArb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(fc.oneof(scenarioArb, h2Arb, h3Arb), fc.integer({ min: 0, max: 3000 }))
  .map(([sc, at]) => ({ ...sc, client: { ...sc.client, addressChangeAtMs: at } }));

describe('properties over random HTTP/3 scenarios', { timeout: 180_000 }, () => {
  sharedStreamProperties(h3Arb);

  it('packet numbers increase strictly per connection, direction and packet number space', () => {
    fc.assert(
      fc.property(h3Arb, (sc) => {
        const { trace } = simulate(sc);
        const last = new Map<string, number>();
        for (const p of ofType(trace, 'packet')) {
          expect(p.transport).toBe('udp');
          const space = p.packetType === '0-RTT' || p.packetType === '1-RTT' ? 'app' : p.packetType;
          const k = `${p.conn}/${p.dir}/${space}`;
          expect(p.packetNumber ?? -1).toBeGreaterThan(last.get(k) ?? -1);
          last.set(k, p.packetNumber ?? -1);
        }
      }),
      RUNS,
    );
  });

  it('stalls only on streams that carried requests; times never go backwards; one connection per host at a time; all end CLOSED', () => {
    fc.assert(
      fc.property(h3Arb, (sc) => {
        const { trace } = simulate(sc);
        for (let i = 1; i < trace.length; i++)
          expect(trace[i]?.t ?? 0).toBeGreaterThanOrEqual(trace[i - 1]?.t ?? 0);
        const sentOn = new Set<string>();
        for (const e of ofType(trace, 'request'))
          if (e.step === 'sent') sentOn.add(`${e.conn ?? 0}/${e.stream ?? -1}`);
        for (const e of ofType(trace, 'stream-stall')) {
          expect(e.fromMs).toBeLessThanOrEqual(e.toMs);
          expect(sentOn.has(`${e.conn}/${e.stream}`)).toBe(true);
        }
        expect(maxOpen(trace).perHost).toBeLessThanOrEqual(1);
        const last = new Map<string, string>();
        for (const e of ofType(trace, 'conn')) last.set(`${e.conn}/${e.side}`, e.state);
        for (const [k, s] of last) expect(`${k} ${s}`).toBe(`${k} CLOSED`);
      }),
      RUNS,
    );
  });

  it('a completed page takes at least the handshake plus one round trip (0 + 1 with 0-RTT)', () => {
    fc.assert(
      fc.property(h3Arb, (sc) => {
        const { metrics, scenario } = simulate(sc);
        if (!metrics.pageComplete) return;
        const hs = scenario.tls === 'tls1.3-0rtt' ? 0 : 1;
        expect(metrics.pageLoadMs).toBeGreaterThanOrEqual((hs + 1) * scenario.network.rttMs - 1e-9);
      }),
      RUNS,
    );
  });
});

describe('properties with a client address change (any protocol)', { timeout: 180_000 }, () => {
  it('determinism, every request finishes exactly once, every connection ends CLOSED', () => {
    fc.assert(
      fc.property(migrationArb, (sc) => {
        const { trace } = simulate(sc);
        expect(simulate(sc).trace).toEqual(trace);
        expectEachQueuedRequestEndsOnce(trace);
        // A TCP connection the client abandoned at the address change is half-open on the
        // server (RFC 9293 §3.5.1): the client sends nothing more on it, so it closes only if
        // the server itself gives up; its server side may end in any state, and every other
        // socket ends CLOSED.
        const abandoned = new Set<number>();
        const last = new Map<string, string>();
        for (const e of ofType(trace, 'conn')) {
          if (e.reason === 'address-change') abandoned.add(e.conn);
          last.set(`${e.conn}/${e.side}`, e.state);
        }
        for (const [k, s] of last) {
          const [conn, side] = k.split('/');
          if (side === 'server' && abandoned.has(Number(conn))) continue;
          expect(`${k} ${s}`).toBe(`${k} CLOSED`);
        }
      }),
      RUNS,
    );
  });
});

/**
 * Stall metrics against the trace: per stream (and side), the united stall time fits in the
 * stream's lifetime (its request sent on that connection and stream -> done, error or retry, read
 * off the request events here) and, for a page request, in the page load; the parts add up; the
 * totals are sums of the per-stream figures; the metrics strip's running value just before the
 * trace ends equals the final metric.
 */
function expectStallsBounded(sc: ScenarioInput): void {
  const { trace, metrics } = simulateForViews(sc);
  const stalls = metrics.streamStallMs;
  if (stalls === undefined) {
    expect(ofType(trace, 'stream-stall')).toEqual([]);
    return;
  }
  const life = new Map<string, { from: number; to: number; page: boolean }>();
  const open = new Map<number, string>();
  for (const e of ofType(trace, 'request')) {
    if (e.step === 'sent' && e.conn !== undefined && e.stream !== undefined) {
      const k = `${e.conn}/${e.stream}`;
      open.set(e.requestId, k);
      life.set(k, { from: e.t, to: Infinity, page: !e.followUp });
    } else if (e.step === 'done' || e.step === 'error' || e.step === 'retry') {
      const l = life.get(open.get(e.requestId) ?? '');
      if (l !== undefined && l.to === Infinity) l.to = e.t;
      open.delete(e.requestId);
    }
  }
  const sum = { total: 0, headOfLine: 0, ownData: 0 };
  const waited = {
    total: new Set<string>(),
    headOfLine: new Set<string>(),
    ownData: new Set<string>(),
  };
  let longest = 0;
  for (const s of stalls.streams) {
    const k = `${s.conn}/${s.stream}`;
    const l = life.get(k);
    expect(l, k).toBeDefined();
    const lifetime = (l?.to ?? NaN) - (l?.from ?? NaN);
    expect(s.ms, k).toBeLessThanOrEqual(lifetime + 1e-6);
    if (l?.page === true) expect(s.ms, k).toBeLessThanOrEqual(metrics.pageLoadMs + 1e-6);
    expect(s.ms).toBeCloseTo(s.headOfLineMs + s.ownDataMs, 6);
    let prevEnd = -Infinity;
    for (const i of s.intervals) {
      expect(i.startMs).toBeGreaterThanOrEqual(Math.max(prevEnd, l?.from ?? NaN));
      expect(i.endMs).toBeGreaterThan(i.startMs);
      expect(i.endMs).toBeLessThanOrEqual(l?.to ?? NaN);
      prevEnd = i.endMs;
    }
    sum.total += s.ms;
    sum.headOfLine += s.headOfLineMs;
    sum.ownData += s.ownDataMs;
    longest = Math.max(longest, s.ms);
    if (s.ms > 0) waited.total.add(k);
    if (s.headOfLineMs > 0) waited.headOfLine.add(k);
    if (s.ownDataMs > 0) waited.ownData.add(k);
  }
  expect(stalls.total).toBeCloseTo(sum.total, 6);
  expect(stalls.headOfLine.total).toBeCloseTo(sum.headOfLine, 6);
  expect(stalls.ownData.total).toBeCloseTo(sum.ownData, 6);
  expect(stalls.longest).toBe(longest);
  expect(stalls.count).toBe(waited.total.size);
  expect(stalls.headOfLine.count).toBe(waited.headOfLine.size);
  expect(stalls.ownData.count).toBe(waited.ownData.size);
  // QUIC orders each stream alone: an HTTP/3 stream never waits behind another's data.
  if (trace.some((e) => e.type === 'conn-open' && e.http === '3'))
    expect(stalls.headOfLine).toEqual({ total: 0, longest: 0, count: 0 });
  const endMs = metrics.endMs;
  const before = metricsAt(trace, endMs - 1e-6);
  // Final once no later event changes a figure: a packet, a connection opened, a request's step.
  const later = trace.some(
    (e) =>
      (e.type === 'packet' || e.type === 'conn-open' || e.type === 'request') && e.t > endMs - 1e-6,
  );
  expect(before.final).toBe(!later);
  expect([before.stallMs, before.headOfLineMs, before.ownDataMs]).toEqual([
    stalls.total,
    stalls.headOfLine.total,
    stalls.ownData.total,
  ]);
}

describe(
  'stall metrics over random scenarios of every protocol, loss up to 20%',
  { timeout: 180_000 },
  () => {
    it('HTTP/1.x: no stream stalls and no stall metrics', () => {
      fc.assert(
        fc.property(scenarioArb, (sc) => {
          const { trace, metrics } = simulate(sc);
          expect(ofType(trace, 'stream-stall')).toEqual([]);
          expect(metrics.streamStallMs).toBeUndefined();
        }),
        RUNS,
      );
    });
    it('HTTP/2: no stream stalls longer than its lifetime or the page load; totals are sums of united streams', () => {
      fc.assert(fc.property(h2Arb, expectStallsBounded), RUNS);
    });
    it('HTTP/3: no stream stalls longer than its lifetime or the page load; only for its own data', () => {
      fc.assert(fc.property(h3Arb, expectStallsBounded), RUNS);
    });
  },
);
