/**
 * DNS lookups per new hostname (`network.dnsMs`, issue 20): the first request that needs a name
 * starts its lookup, every request for the name waits until it ends (`resolved`), and the answer
 * is cached for the rest of the run. Expected times are worked out by hand: RTT 100 ms, a link
 * fast enough that serialization is negligible (`FAST`), no TLS, no server think time, so each
 * connection costs 1 RTT of handshake and each request 1 RTT.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { RequestEvent } from '../../../src/sim/trace';
import { HTTP1_VARIANTS, pageLoadArb } from './arbitraries';
import { FAST, ofType, requestEvents } from './helpers';

const DNS = 50;
const net = { rttMs: 100, ...FAST } as const;
/** Load times within this of the hand count (packets take microseconds on the wire). */
const SLACK_MS = 1;

function expectMs(ms: number, expected: number): void {
  expect(ms).toBeGreaterThanOrEqual(expected);
  expect(ms).toBeLessThan(expected + SLACK_MS);
}

const withDns = (sc: ScenarioInput, dnsMs = DNS): ScenarioInput => ({
  ...sc,
  network: { ...sc.network, dnsMs },
});

/** [path, t] of every request event with this step. */
const at = (events: readonly RequestEvent[]): [string, number][] =>
  events.map((e) => [e.path, e.t]);

describe('one origin', () => {
  const onePage: ScenarioInput = {
    network: net,
    page: { htmlBytes: 1000, objects: [{ bytes: 1000 }] },
  };

  it('HTTP/1.1: the page load grows by one lookup, the HTML’s', () => {
    // Without DNS: handshake 1 RTT + HTML 1 RTT, the object on the same (idle) connection 1 RTT:
    // 300 ms. With a 50 ms lookup before the HTML's connection opens: 50 + 300 = 350 ms.
    const without = simulate(onePage);
    const dns = simulate(withDns(onePage));
    expectMs(without.metrics.pageLoadMs, 300);
    expectMs(dns.metrics.pageLoadMs, 350);
    expect(dns.metrics.pageLoadMs).toBeCloseTo(without.metrics.pageLoadMs + DNS, 9);
    // The HTML waited from 0 to 50, then its connection opened; the object (same host, queued
    // when the HTML arrived at 50 + 200 = 250) found the name cached and waited for nothing.
    expect(at(requestEvents(dns.trace, 'resolved'))).toEqual([['/index.html', 50]]);
    expect(ofType(dns.trace, 'conn-open').map((e) => e.t)).toEqual([50]);
    const object = requestEvents(dns.trace, 'queued', 2)[0] as RequestEvent;
    expect(object.t).toBeCloseTo(250, 3);
    expect(requestEvents(dns.trace, 'assigned', 2)[0]?.t).toBe(object.t);
    expect(dns.metrics.dns).toEqual({ lookups: 1, totalMs: 50 });
  });

  it('every later event is the no-DNS run’s, 50 ms later', () => {
    const without = simulate(onePage).trace;
    const dns = simulate(withDns(onePage)).trace;
    // The DNS run has two more request events (the HTML's queued at 0 stays at 0, and its
    // resolved at 50); every other request and connection event is shifted by 50 ms.
    const shape = (t: typeof dns, shift: number): string[] =>
      t
        .filter((e) => e.type === 'request' || e.type === 'conn-open' || e.type === 'conn')
        .filter((e) => !(e.type === 'request' && (e.step === 'resolved' || e.t === 0)))
        .map((e) => `${(e.t + shift).toFixed(3)} ${JSON.stringify({ ...e, t: 0 })}`);
    expect(shape(dns, 0)).toEqual(shape(without, DNS));
  });

  it('dnsMs 0 (the default) adds no event: no resolved step, the same trace as without the field', () => {
    const plain = simulate(onePage);
    const zero = simulate(withDns(onePage, 0));
    expect(requestEvents(zero.trace, 'resolved')).toEqual([]);
    expect(zero.trace).toEqual(plain.trace);
    expect(zero.metrics).toEqual(plain.metrics);
    expect(zero.metrics.dns).toBeUndefined();
  });
});

describe('several origins', () => {
  it('HTTP/1.1: a second host’s lookup starts when its first object is found; its handshake 50 ms later', () => {
    // HTML: lookup 0-50, handshake 50-150, response by 250. Then a.example.net's object is
    // queued at 250, its lookup runs 250-300, its connection opens at 300 and the response is
    // back 2 RTT later: 500 ms (400 without DNS).
    const sc: ScenarioInput = {
      network: { ...net, dnsMs: DNS },
      page: { htmlBytes: 1000, objects: [{ host: 'a.example.net', bytes: 1000 }] },
    };
    const { trace, metrics } = simulate(sc);
    const queued = requestEvents(trace, 'queued', 2)[0] as RequestEvent;
    expect(queued.t).toBeCloseTo(250, 3);
    expect(requestEvents(trace, 'resolved', 2)[0]?.t).toBeCloseTo(queued.t + DNS, 9);
    const opens = ofType(trace, 'conn-open');
    expect(opens.map((e) => e.host)).toEqual(['example.com', 'a.example.net']);
    expect(opens[1]?.t).toBeCloseTo(queued.t + DNS, 9);
    expectMs(metrics.pageLoadMs, 500);
    // Two lookups of 50 ms each.
    expect(metrics.dns).toEqual({ lookups: 2, totalMs: 100 });
  });

  it('lookups of different hosts run side by side; requests for one host share its lookup', () => {
    // Three objects found by the HTML at 250: two on a.test, one on b.test. Both names are looked
    // up at once, 250-300 (not one after the other), and the two a.test requests wait for one
    // lookup. Each object then needs its own connection: back by 300 + 200 = 500 ms.
    const { trace, metrics } = simulate({
      network: { ...net, dnsMs: DNS },
      page: {
        htmlBytes: 1000,
        objects: [
          { host: 'a.test', bytes: 1000 },
          { host: 'b.test', bytes: 1000 },
          { host: 'a.test', bytes: 1000 },
        ],
      },
    });
    const resolved = requestEvents(trace, 'resolved').slice(1);
    expect(resolved.map((e) => e.host)).toEqual(['a.test', 'a.test', 'b.test']);
    for (const e of resolved) expect(e.t).toBeCloseTo(300, 3);
    expectMs(metrics.pageLoadMs, 500);
    // example.com 0-50, a.test and b.test 250-300: three lookups, 150 ms in all.
    expect(metrics.dns?.lookups).toBe(3);
    expect(metrics.dns?.totalMs).toBeCloseTo(150, 6);
  });

  const cdnPage = (version: '2' | '3'): ScenarioInput => ({
    network: { ...net, dnsMs: DNS },
    ...(version === '3' ? { tls: 'tls1.3' as const } : {}),
    http: { version },
    page: {
      htmlBytes: 1000,
      objects: [{ host: 'cdn.example.com', bytes: 1000 }],
      origins: [{ host: 'cdn.example.com', coalesceWith: 'example.com' }],
    },
  });

  it('HTTP/2: a coalesced origin’s request waits for its own lookup, then rides the one connection', () => {
    // HTML: lookup 0-50, handshake 50-150, response by 250. The CDN object, found at 250, may use
    // the HTML's connection only once cdn.example.com resolves (to that connection's address):
    // at 300; its response is back at 400 (300 without DNS: no lookup, no wait).
    const { trace, metrics } = simulate(cdnPage('2'));
    expect(metrics.connectionsOpened).toBe(1);
    const queued = requestEvents(trace, 'queued', 2)[0] as RequestEvent;
    const assigned = requestEvents(trace, 'assigned', 2)[0] as RequestEvent;
    expect(requestEvents(trace, 'resolved', 2)[0]?.t).toBeCloseTo(queued.t + DNS, 9);
    expect(assigned.t).toBeCloseTo(queued.t + DNS, 9);
    expect(assigned.conn).toBe(1);
    expect(assigned.reused).toBe(true);
    expectMs(metrics.pageLoadMs, 400);
  });

  it('HTTP/3: the same over one QUIC connection', () => {
    // Lookup 0-50, QUIC and TLS 1.3 in one RTT (50-150), HTML by 250; CDN lookup 250-300;
    // response by 400.
    const { trace, metrics } = simulate(cdnPage('3'));
    expect(metrics.connectionsOpened).toBe(1);
    expect(requestEvents(trace, 'assigned', 2)[0]?.t).toBeCloseTo(
      (requestEvents(trace, 'queued', 2)[0]?.t ?? 0) + DNS,
      9,
    );
    expectMs(metrics.pageLoadMs, 400);
  });
});

describe('follow-ups', () => {
  const page = (atMs: number): ScenarioInput => ({
    network: { ...net, dnsMs: DNS },
    page: { htmlBytes: 1000, objects: 0 },
    followUps: [{ atMs, bytes: 1000 }],
  });

  it('a follow-up to a resolved host waits for nothing', () => {
    // The HTML is done at 250 and its connection stays open; a click at 1000 ms takes it at once.
    const { trace, metrics } = simulate(page(1000));
    expect(requestEvents(trace, 'resolved', 2)).toEqual([]);
    expect(requestEvents(trace, 'assigned', 2)[0]?.t).toBe(1000);
    expect(metrics.dns).toEqual({ lookups: 1, totalMs: 50 });
  });

  it('one made while its host’s lookup is under way waits for that lookup, not a new one', () => {
    // A click at 20 ms, during the HTML's lookup (0-50): both are released at 50.
    const { trace, metrics } = simulate(page(20));
    expect(at(requestEvents(trace, 'resolved'))).toEqual([
      ['/index.html', 50],
      ['/next1', 50],
    ]);
    expect(metrics.dns).toEqual({ lookups: 1, totalMs: 50 });
  });
});

describe('workloads', () => {
  it('each client is a browser of its own: its first request waits for a lookup', () => {
    const { trace } = simulate({
      network: { ...net, dnsMs: DNS },
      workload: { kind: 'arrivals', clientsPerSecond: 10, durationMs: 1000, objectsPerClient: 2 },
    });
    const queued = requestEvents(trace, 'queued');
    const resolved = requestEvents(trace, 'resolved');
    const clients = queued.filter((e) => e.path === '/img1.png');
    expect(clients.length).toBeGreaterThan(1);
    // One lookup per client (its first request), none for its second object.
    expect(resolved.map((e) => e.requestId)).toEqual(clients.map((e) => e.requestId));
    for (const [i, e] of resolved.entries()) expect(e.t).toBeCloseTo((clients[i]?.t ?? 0) + DNS, 9);
  });
});

describe('any page load', () => {
  const arb = fc
    .tuple(
      pageLoadArb([...HTTP1_VARIANTS, { version: '2' }, { version: '3' }]),
      fc.integer({ min: 1, max: 300 }),
    )
    .map(([sc, dnsMs]) => withDns(sc, dnsMs));

  it('no request takes a connection before its host’s one lookup has ended; later ones wait for nothing', () => {
    let resolvedSteps = 0;
    fc.assert(
      fc.property(arb, (sc) => {
        const dnsMs = sc.network?.dnsMs ?? 0;
        const { trace } = simulate(sc);
        /** When each host was first wanted: its lookup runs from then for dnsMs. */
        const lookup = new Map<string, number>();
        const waited = new Set<number>();
        for (const e of trace) {
          if (e.type !== 'request') continue;
          if (e.step === 'queued' && !lookup.has(e.host)) lookup.set(e.host, e.t);
          const end = (lookup.get(e.host) as number) + dnsMs;
          if (e.step === 'queued' && e.attempt === 1 && e.t < end - 1e-9) waited.add(e.requestId);
          if (e.step === 'resolved') {
            resolvedSteps++;
            // At the lookup's end, for a request that was queued before it.
            expect(e.t).toBeCloseTo(end, 6);
            expect(waited.delete(e.requestId)).toBe(true);
          }
          if (e.step === 'assigned') {
            expect(e.t).toBeGreaterThanOrEqual(end - 1e-9);
            expect(waited.has(e.requestId)).toBe(false);
          }
        }
      }),
      { numRuns: 40 },
    );
    // The runs did wait for lookups (each has at least the HTML's).
    expect(resolvedSteps).toBeGreaterThanOrEqual(40);
  });
});
