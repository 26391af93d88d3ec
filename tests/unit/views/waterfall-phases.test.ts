/**
 * Waterfall phases of simulated page loads, for every protocol: hand-computed phase boundaries
 * of small scenarios, and properties over random ones (each row's phases tile the attempt and
 * its connection-setup phases match the connection lanes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectionLanes } from '../../../src/components/views/lanes';
import { waterfallDns, waterfallFrames } from '../../../src/components/views/waterfall/frame';
import { waterfallPresent } from '../../../src/components/views/waterfall/legend';
import {
  waterfallRows,
  type PhaseSpan,
  type WaterfallRow,
} from '../../../src/components/views/waterfall/rows';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { HTTP1_VARIANTS, MULTIPLEXED_VARIANTS, pageLoadArb } from '../sim/arbitraries';
import { multiplexingScenario } from '../../../src/components/widgets/multiplexing-params';
import { simulateForViews as simulate } from './recorded';
import type { Trace } from '../../../src/sim/trace';

/** A row's phases as [phase, start, end] triples, times rounded to the µs. */
function phasesOf(row: WaterfallRow | undefined): [string, number, number][] {
  const us = (ms: number): number => Math.round(ms * 1000) / 1000;
  return (row?.phases ?? []).map((p) => [p.phase, us(p.startMs), us(p.endMs)]);
}

/** RTT 100 ms and unlimited bandwidth (serialization takes no time), 1,000-byte bodies. */
function fast(input: ScenarioInput): ScenarioInput {
  return {
    network: { rttMs: 100, bandwidthMbps: 100000 },
    ...input,
    page: { htmlBytes: 1000, objectBytes: 1000, ...input.page },
  };
}

describe('waterfallRows of simulated HTTP/1.x page loads', () => {
  it('waterfallRows over HTTP/1.1 + TLS 1.2 at 8 Mbit/s: connect 0–100.08, TLS 100.08–304.41, send, wait, receive', () => {
    // 8 Mbit/s = 1 byte per µs, one-way delay 50 ms. SYN (40 B) 0–0.04, arrives 50.04; SYN-ACK
    // (40 B) 50.04–50.08, arrives 100.08: ESTABLISHED. ClientHello (290 B) 100.08–100.37, arrives
    // 150.37; the server's flight (1500 + 1500 + 770 B) 150.37–154.14, its last part arrives
    // 204.14; the client's Finished flight (170 B) 204.14–204.31, arrives 254.31; the server's
    // Finished (100 B) 254.31–254.41, arrives 304.41: TLS done, GET (440 B) serialized
    // 304.41–304.85, arrives 354.85. Response 2,250 B in two segments (1500 + 830 B on the
    // wire) 354.85–356.35–357.18, arriving 406.35 (first byte) and 407.18 (done).
    const { trace } = simulate({
      network: { rttMs: 100, bandwidthMbps: 8 },
      tls: 'tls1.2',
      http: { version: '1.1' },
      page: { htmlBytes: 2000, objects: 0 },
    });
    expect(phasesOf(waterfallRows(trace)[0])).toEqual([
      ['connect', 0, 100.08],
      ['tls', 100.08, 304.41],
      ['send', 304.41, 304.85],
      ['wait', 304.85, 406.35],
      ['receive', 406.35, 407.18],
    ]);
  });

  it('waterfallRows over HTTP/1.0 without keep-alive gives each object its own connect phase', () => {
    // The HTML: connect 0–100, response at 200. Both images are queued at 200, when connection
    // 1 closes; each opens its own connection (2 and 3): connect 200–300, response at 400.
    const rows = waterfallRows(
      simulate(fast({ http: { version: '1.0', keepAlive: false }, page: { objects: 2 } })).trace,
    );
    expect(rows.map((r) => [r.path, r.conn, r.reused])).toEqual([
      ['/index.html', 1, false],
      ['/img1.png', 2, false],
      ['/img2.png', 3, false],
    ]);
    expect(rows.map(phasesOf)).toEqual([
      [
        ['connect', 0, 100],
        ['wait', 100, 200],
      ],
      [
        ['connect', 200, 300],
        ['wait', 300, 400],
      ],
      [
        ['connect', 200, 300],
        ['wait', 300, 400],
      ],
    ]);
  });

  it('waterfallRows queues a request for the only slot, then counts the new connection it opens', () => {
    // One connection per host; the server closes after 2 requests. The HTML (0–200) and
    // /img1.png (200–300) use connection 1; /img2.png, queued at 200, waits for the slot until
    // connection 1 closes at 300, then opens connection 2: connect 300–400, response at 500.
    const rows = waterfallRows(
      simulate(
        fast({
          http: { version: '1.1' },
          client: { maxConnectionsPerHost: 1 },
          server: { maxRequestsPerConnection: 2 },
          page: { objects: 2 },
        }),
      ).trace,
    );
    expect(rows.map(phasesOf)).toEqual([
      [
        ['connect', 0, 100],
        ['wait', 100, 200],
      ],
      [['wait', 200, 300]],
      [
        ['queued', 200, 300],
        ['connect', 300, 400],
        ['wait', 400, 500],
      ],
    ]);
    expect(rows[2]).toMatchObject({ conn: 2, reused: false });
  });

  it('waterfallRows gives every pipelined request the handshake it waited for: connect 0–100', () => {
    // Pipelining, all objects known up front, one connection: the HTML and both images wait for
    // the handshake (0–100) and leave together at 100; the serial server answers all three at
    // 150, and every response arrives at 200.
    const rows = waterfallRows(
      simulate(
        fast({
          http: { version: '1.1', pipelining: true },
          client: { maxConnectionsPerHost: 1 },
          page: { objects: 2, discovery: 'upfront' },
        }),
      ).trace,
    );
    expect(rows.map(phasesOf)).toEqual(
      rows.map(() => [
        ['connect', 0, 100],
        ['wait', 100, 200],
      ]),
    );
  });
});

describe('waterfallRows of simulated HTTP/2 and HTTP/3 page loads', () => {
  it('waterfallRows over HTTP/2 + TLS 1.3: the HTML waits for connect 0–100 and TLS 100–200; the images reuse the connection', () => {
    const rows = waterfallRows(
      simulate(fast({ tls: 'tls1.3', http: { version: '2' }, page: { objects: 2 } })).trace,
    );
    expect(rows.map(phasesOf)).toEqual([
      [
        ['connect', 0, 100],
        ['tls', 100, 200],
        ['wait', 200, 300],
      ],
      [['wait', 300, 400]],
      [['wait', 300, 400]],
    ]);
  });

  it('waterfallRows over HTTP/2 with one stream at a time: a known image waits for the handshake, then for the stream (queued)', () => {
    // The image is known up front: it waits for the handshake (0–200) like the HTML, then for
    // the only stream until the HTML is done at 300; its response arrives at 400.
    const rows = waterfallRows(
      simulate(
        fast({
          tls: 'tls1.3',
          http: { version: '2', maxConcurrentStreams: 1 },
          page: { objects: 1, discovery: 'upfront' },
        }),
      ).trace,
    );
    expect(phasesOf(rows[1])).toEqual([
      ['connect', 0, 100],
      ['tls', 100, 200],
      ['queued', 200, 300],
      ['wait', 300, 400],
    ]);
  });

  it('waterfallRows over HTTP/3 names the 1-RTT handshake quic: 0–100, then the request', () => {
    const rows = waterfallRows(
      simulate(fast({ http: { version: '3' }, page: { objects: 2 } })).trace,
    );
    expect(rows.map(phasesOf)).toEqual([
      [
        ['quic', 0, 100],
        ['wait', 100, 200],
      ],
      [['wait', 200, 300]],
      [['wait', 200, 300]],
    ]);
  });

  it('waterfallRows over HTTP/3 with 0-RTT has no handshake phase: the request leaves at 0', () => {
    const rows = waterfallRows(
      simulate(fast({ tls: 'tls1.3-0rtt', http: { version: '3' }, page: { objects: 0 } })).trace,
    );
    expect(phasesOf(rows[0])).toEqual([['wait', 0, 100]]);
  });
});

describe('waterfallRows with DNS lookups (network.dnsMs 50)', () => {
  const dnsPage = (version: '1.1' | '2', coalesce: boolean): ScenarioInput =>
    fast({
      network: { rttMs: 100, bandwidthMbps: 100000, dnsMs: 50 },
      http: { version },
      page: {
        objects: [{ host: 'cdn.example.com', bytes: 1000 }],
        ...(coalesce
          ? { origins: [{ host: 'cdn.example.com', coalesceWith: 'example.com' }] }
          : {}),
      },
    });

  it('waterfallRows draws each wait for a lookup as a dns phase, never as queueing', () => {
    // HTTP/1.1, two hosts. The HTML: lookup 0–50, connect 50–150, response at 250. The CDN
    // object, found at 250: lookup 250–300, its own connection 300–400, response at 500.
    const rows = waterfallRows(simulate(dnsPage('1.1', false)).trace);
    expect(rows.map(phasesOf)).toEqual([
      [
        ['dns', 0, 50],
        ['connect', 50, 150],
        ['wait', 150, 250],
      ],
      [
        ['dns', 250, 300],
        ['connect', 300, 400],
        ['wait', 400, 500],
      ],
    ]);
  });

  it('waterfallRows over HTTP/2: a coalesced origin’s lookup, then straight onto the open connection', () => {
    // The CDN object may ride the HTML's connection, but only once its name resolves: dns
    // 250–300, then its request leaves at once (no queueing, no handshake), back at 400.
    const rows = waterfallRows(simulate(dnsPage('2', true)).trace);
    expect(phasesOf(rows[1])).toEqual([
      ['dns', 250, 300],
      ['wait', 300, 400],
    ]);
    expect(rows[1]).toMatchObject({ conn: 1, reused: true });
  });

  it('waterfallPresent lists the dns phase first; waterfallDns adds up the waits', () => {
    const rows = waterfallRows(simulate(dnsPage('1.1', false)).trace);
    expect(waterfallPresent(rows).phases).toEqual(['dns', 'connect', 'wait']);
    // Two requests waited 50 ms each; halfway through the second lookup, 50 + 25.
    const frames = waterfallFrames(rows);
    expect(waterfallDns(frames(Infinity))).toEqual({ requests: 2, ms: 100 });
    expect(waterfallDns(frames(275))).toEqual({ requests: 2, ms: 75 });
    expect(waterfallDns(frames(25))).toEqual({ requests: 1, ms: 25 });
  });
});

describe('waterfallPresent', () => {
  it('waterfallPresent lists the phases drawn in legend order, and no outcome marks without failures', () => {
    const rows = waterfallRows(
      simulate(
        fast({
          http: { version: '1.1' },
          client: { maxConnectionsPerHost: 1 },
          server: { maxRequestsPerConnection: 2 },
          page: { objects: 2 },
        }),
      ).trace,
    );
    expect(waterfallPresent(rows)).toEqual({
      phases: ['queued', 'connect', 'wait'],
      error: false,
      retry: false,
      server: true,
      // HTTP/1.1 without loss: no stream, no stall of either kind.
      headOfLine: false,
      ownData: false,
    });
  });
});

/** Random page loads over every protocol, TLS mode and loss up to 20 %. */
const phaseScenarioArb = pageLoadArb([...HTTP1_VARIANTS, ...MULTIPLEXED_VARIANTS]);

/** Property runs (raise with SIM_PROPERTY_RUNS for a longer hunt). */
const RUNS = { numRuns: Number(process.env['SIM_PROPERTY_RUNS'] ?? 80) };
const EPS = 1e-9;

/** The client lane's handshake ('connect', 'quic') and TLS stretches of each connection. */
function laneSetup(trace: Trace): Map<number, PhaseSpan[]> {
  const quic = new Set<number>();
  for (const e of trace) if (e.type === 'conn-open' && e.transport === 'quic') quic.add(e.conn);
  const m = new Map<number, PhaseSpan[]>();
  for (const lane of connectionLanes(trace)) {
    const spans: PhaseSpan[] = [];
    for (const s of lane.client) {
      if (s.phase === 'handshake')
        spans.push({ ...s, phase: quic.has(lane.conn) ? 'quic' : 'connect' });
      else if (s.phase === 'tls') spans.push({ ...s, phase: 'tls' });
    }
    m.set(lane.conn, spans);
  }
  return m;
}

/** When each connection took its first request. */
function firstAssigned(trace: Trace): Map<number, number> {
  const m = new Map<number, number>();
  for (const e of trace)
    if (e.type === 'request' && e.step === 'assigned' && e.conn !== undefined && !m.has(e.conn))
      m.set(e.conn, e.t);
  return m;
}

describe('waterfallRows over random scenarios', { timeout: 120_000 }, () => {
  it("each row's phases are sorted, contiguous and non-empty, from the row's start to its end", () => {
    fc.assert(
      fc.property(phaseScenarioArb, (sc) => {
        for (const row of waterfallRows(simulate(sc).trace)) {
          const label = `request ${row.requestId} attempt ${row.attempt}`;
          if (row.endMs - row.startMs <= EPS) {
            expect(row.phases, label).toEqual([]);
            continue;
          }
          expect(row.phases.length, label).toBeGreaterThan(0);
          expect(Math.abs(row.phases[0]!.startMs - row.startMs), label).toBeLessThan(EPS);
          expect(Math.abs(row.phases.at(-1)!.endMs - row.endMs), label).toBeLessThan(EPS);
          row.phases.forEach((p, i) => {
            expect(p.endMs, label).toBeGreaterThan(p.startMs);
            const next = row.phases[i + 1];
            if (next) expect(Math.abs(next.startMs - p.endMs), label).toBeLessThan(EPS);
          });
        }
      }),
      RUNS,
    );
  });

  it('a request that waited for its host’s lookup shows one dns phase from its start to the lookup’s end, and no queueing before it', () => {
    let waited = 0;
    fc.assert(
      fc.property(phaseScenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const resolved = new Map<number, number>();
        for (const e of trace)
          if (e.type === 'request' && e.step === 'resolved') resolved.set(e.requestId, e.t);
        for (const row of waterfallRows(trace)) {
          const label = `request ${row.requestId} attempt ${row.attempt}`;
          const r = row.attempt === 1 ? resolved.get(row.requestId) : undefined;
          const dns = row.phases.filter((p) => p.phase === 'dns');
          if (r === undefined || r - row.startMs <= EPS) {
            expect(dns, label).toEqual([]);
            continue;
          }
          waited++;
          expect(dns, label).toHaveLength(1);
          expect(row.phases[0], label).toBe(dns[0]);
          expect(Math.abs(dns[0]!.endMs - Math.min(r, row.endMs)), label).toBeLessThan(EPS);
          for (const p of row.phases)
            if (p.phase === 'queued') expect(p.startMs, label).toBeGreaterThanOrEqual(r - EPS);
        }
      }),
      RUNS,
    );
    expect(waited).toBeGreaterThan(0);
  });

  it("a row's connect, QUIC-handshake and TLS phases lie within its connection's lane stretches of the same kind", () => {
    fc.assert(
      fc.property(phaseScenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const setup = laneSetup(trace);
        for (const row of waterfallRows(trace)) {
          for (const p of row.phases) {
            if (p.phase !== 'connect' && p.phase !== 'quic' && p.phase !== 'tls') continue;
            const label = `request ${row.requestId} attempt ${row.attempt}: ${p.phase} ${p.startMs}–${p.endMs}`;
            expect(row.conn, label).toBeDefined();
            const inside = (setup.get(row.conn!) ?? []).some(
              (s) =>
                s.phase === p.phase && s.startMs <= p.startMs + EPS && p.endMs <= s.endMs + EPS,
            );
            expect(inside, label).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("the first request a connection takes shows all of that connection's setup after the request started, none of it queued", () => {
    fc.assert(
      fc.property(phaseScenarioArb, (sc) => {
        const { trace } = simulate(sc);
        const setup = laneSetup(trace);
        const first = firstAssigned(trace);
        for (const row of waterfallRows(trace)) {
          if (row.conn === undefined || row.assignedMs !== first.get(row.conn)) continue;
          const until = row.assignedMs!;
          for (const s of setup.get(row.conn) ?? []) {
            const a = Math.max(s.startMs, row.startMs);
            const b = Math.min(s.endMs, until);
            if (b <= a) continue;
            const covered = row.phases
              .filter((p) => p.phase === s.phase)
              .reduce(
                (sum, p) => sum + Math.max(0, Math.min(p.endMs, b) - Math.max(p.startMs, a)),
                0,
              );
            expect(covered, `request ${row.requestId} ${s.phase} ${a}–${b}`).toBeCloseTo(b - a, 6);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('waterfallPresent with loss', () => {
  // The Multiplexing widget's defaults with the server's 30th data packet on connection 1 lost:
  // it carries one stream's DATA in the middle of the images' responses.
  const values = {
    rtt: 100,
    bandwidth: 10,
    loss: 0,
    drop: 30,
    objects: 30,
    objectBytes: 10000,
    tls: 'tls1.3',
  } as const;
  it('waterfallPresent over HTTP/2 has both kinds: the stream that lost data and those behind it', () => {
    const rows = waterfallRows(simulate(multiplexingScenario(values, 'h2')).trace);
    expect(waterfallPresent(rows)).toMatchObject({ headOfLine: true, ownData: true });
  });
  it('waterfallPresent over HTTP/3 has only waiting for own lost data', () => {
    const rows = waterfallRows(simulate(multiplexingScenario(values, 'h3')).trace);
    expect(waterfallPresent(rows)).toMatchObject({ headOfLine: false, ownData: true });
  });
});
