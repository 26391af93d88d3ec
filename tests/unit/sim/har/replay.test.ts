/**
 * Replaying an imported page under the four protocols (issue 20). Expected load times are whole
 * round trips worked out by hand: RTT 100 ms, a link fast enough that serialization is negligible,
 * TLS 1.3 everywhere (TCP 1 RTT, TLS 1 RTT, then the request; QUIC and TLS together in 1 RTT), and
 * no server think time (each entry's wait is the HAR's own round-trip estimate).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../src/sim/simulate';
import {
  REPLAY_PROTOCOLS,
  replayAll,
  replayPlan,
  replayScenario,
} from '../../../../src/sim/har/replay';
import { entry, har, ok } from './helpers';

const root = join(import.meta.dirname, '../../../..');

const FAST_NET = { rttMs: 100, bandwidthMbps: 100000 } as const;

/**
 * An HTML document, its stylesheet on a CDN, and a font the stylesheet names, also on the CDN;
 * with `dnsMs`, each host's first request shows a lookup that long.
 */
function cdnPage(dnsMs?: number): string {
  const dns = dnsMs === undefined ? {} : { dns: dnsMs };
  return har([
    entry('https://site.test/', { mime: 'text/html', size: 1000, startMs: 0, ...dns }),
    entry('https://cdn.test/site.css', {
      mime: 'text/css',
      size: 1000,
      startMs: 20,
      ...dns,
      initiator: 'https://site.test/',
    }),
    entry('https://cdn.test/font.woff2', {
      mime: 'font/woff2',
      size: 1000,
      startMs: 40,
      initiator: 'https://cdn.test/site.css',
    }),
  ]);
}
const page = cdnPage();

describe('a page replayed under each protocol', () => {
  it('keeps each origin, each object’s size and the object that found it', () => {
    const { page: p, report } = ok(page);
    const plan = replayPlan(p, report, FAST_NET);
    // The document's host is the page's own (page.host), not the simulation's stand-in.
    expect(plan.hosts).toEqual(['site.test', 'cdn.test']);
    expect(plan.base.page?.host).toBe('site.test');
    expect(plan.base.page?.htmlBytes).toBe(1000);
    expect(plan.base.page?.objects).toEqual([
      { path: '/site.css', bytes: 1000, processingMs: 0, host: 'cdn.test', after: 0 },
      { path: '/font.woff2', bytes: 1000, processingMs: 0, host: 'cdn.test', after: 1 },
    ]);
    expect(plan.objects).toBe(3);
    expect(plan.bytes).toBe(3000);
  });

  it('loads in the round trips each protocol needs', () => {
    const { page: p, report } = ok(page);
    const results = replayAll(replayPlan(p, report, FAST_NET));
    expect(results.map((r) => r.protocol)).toEqual(['1.0', '1.1', '2', '3']);
    // HTML 3 RTT (TCP, TLS, request); the CDN's stylesheet on a new connection 3 more; the font:
    // HTTP/1.0 opens yet another connection (3), the others reuse the CDN's (1). HTTP/3: QUIC and
    // TLS in 1 RTT, so 2 + 2 + 1.
    const expected = { '1.0': [9, 3], '1.1': [7, 2], '2': [7, 2], '3': [5, 2] } as const;
    for (const r of results) {
      const [rtts, conns] = expected[r.protocol];
      expect(r.pageComplete).toBe(true);
      expect(r.pageLoadMs).toBeGreaterThanOrEqual(rtts * 100);
      expect(r.pageLoadMs).toBeLessThan(rtts * 100 + 1);
      expect(r.connectionsOpened).toBe(conns);
    }
  });

  it('each protocol’s scenario differs in the HTTP settings only', () => {
    const { page: p, report } = ok(page);
    const plan = replayPlan(p, report, FAST_NET);
    const [a, b, c, d] = REPLAY_PROTOCOLS.map((v) => replayScenario(plan, v));
    expect(a?.http).toEqual({ version: '1.0', keepAlive: false });
    expect(b?.http).toEqual({ version: '1.1', keepAlive: true });
    expect(c?.http).toEqual({ version: '2' });
    expect(d?.http).toEqual({ version: '3' });
    for (const s of [a, b, c, d]) {
      expect({ ...s, http: undefined }).toEqual({ ...plan.base, http: undefined });
      expect(s?.tls).toBe('tls1.3');
      expect(s?.client?.maxConnectionsPerHost).toBe(6);
    }
  });

  it('the round trip is the HAR’s own unless the reader gives one', () => {
    const measured = har([
      entry('https://site.test/', { mime: 'text/html', connect: 70, ssl: 35, wait: 40 }),
    ]);
    const { page: p, report } = ok(measured);
    // connect 70 ms with TLS inside (ssl 35): a TCP handshake of 35 ms, the estimate.
    expect(replayPlan(p, report).network.rttMs).toBe(35);
    expect(replayPlan(p, report, { rttMs: 120 }).network.rttMs).toBe(120);
  });
});

describe('the replay’s runs for the table', () => {
  it('store no trace, and count the same metrics as a full run', () => {
    const { page: p, report } = ok(
      readFileSync(join(root, 'public/har-samples/gallery.har'), 'utf8'),
    );
    const plan = replayPlan(p, report, { rttMs: 100, lossRate: 0.01 });
    for (const protocol of REPLAY_PROTOCOLS) {
      const sc = replayScenario(plan, protocol);
      const counted = simulate(sc, { trace: 'metrics' });
      const full = simulate(sc);
      expect(counted.trace).toEqual([]);
      expect(full.trace.length).toBeGreaterThan(1000);
      expect(counted.metrics).toEqual(full.metrics);
    }
  });
});

describe('what a replay leaves out, or replays apart, and says so', () => {
  it('requests made after the page went quiet, and what they led to, at their recorded times', () => {
    const { page: p, report } = ok(
      har([
        entry('https://site.test/', { mime: 'text/html', time: 100 }),
        entry('https://site.test/a.png', {
          startMs: 50,
          time: 10,
          initiator: 'https://site.test/',
        }),
        // 2 s after everything else finished: late; its own child goes with it.
        entry('https://site.test/beacon.js', {
          startMs: 2100,
          time: 10,
          initiator: 'https://site.test/',
        }),
        entry('https://site.test/track.gif', {
          startMs: 2120,
          time: 10,
          initiator: 'https://site.test/beacon.js',
        }),
      ]),
    );
    expect(p.objects.map((o) => o.discovery)).toEqual(['document', 'html', 'late', 'subresource']);
    const plan = replayPlan(p, report);
    expect(plan.base.page?.objects).toMatchObject([{ path: '/a.png' }]);
    // Not in the page: follow-ups at the starts the file gives, none left out.
    expect(plan.base.followUps).toMatchObject([
      { atMs: 2100, path: '/beacon.js' },
      { atMs: 2120, path: '/track.gif' },
    ]);
    expect(plan.late).toBe(2);
    expect(plan.left.late).toBe(0);
    const { trace, metrics } = simulate(replayScenario(plan, '1.1'));
    const queued = trace.filter((e) => e.type === 'request' && e.step === 'queued' && e.followUp);
    expect(queued.map((e) => e.t)).toEqual([2100, 2120]);
    // The page load is the page's alone: as without the two.
    const { followUps: _, ...pageOnly } = plan.base;
    expect(metrics.pageLoadMs).toBe(
      simulate({ ...pageOnly, http: { version: '1.1', keepAlive: true } }).metrics.pageLoadMs,
    );
  });

  it('late requests beyond the 100 follow-ups the scenario takes are counted, not replayed', () => {
    const entries = [entry('https://site.test/', { mime: 'text/html', time: 10 })];
    for (let i = 1; i <= 103; i++)
      // Each after 600 ms of quiet (more than the 500 ms that make a request late).
      entries.push(entry(`https://site.test/t${i}.gif`, { startMs: 600 * i, time: 1 }));
    const { page: p, report } = ok(har(entries));
    const plan = replayPlan(p, report);
    expect(plan.base.followUps).toHaveLength(100);
    expect(plan.late).toBe(100);
    expect(plan.left.late).toBe(3);
  });

  it('empty bodies become one byte, other methods GET, other ports part of the host', () => {
    const { page: p, report } = ok(
      har([
        entry('https://site.test/', { mime: 'text/html' }),
        entry('https://api.test:8443/save', { method: 'POST', size: 0, status: 204 }),
      ]),
    );
    const plan = replayPlan(p, report);
    expect(plan.hosts).toEqual(['site.test', 'api.test:8443']);
    expect(plan.base.page?.objects).toMatchObject([{ path: '/save', bytes: 1 }]);
    expect(plan.left).toMatchObject({ asGet: 1, emptyBodies: 1 });
  });

  it('the document keeps its host and its path, its query included', () => {
    const { page: p, report } = ok(
      har([
        entry('https://www.site.test/gallery/?page=2', { mime: 'text/html' }),
        entry('https://www.site.test/a.png', { startMs: 1, size: 10 }),
      ]),
    );
    const plan = replayPlan(p, report);
    expect(plan.base.page).toMatchObject({ host: 'www.site.test', path: '/gallery/?page=2' });
    const done = simulate(replayScenario(plan, '2')).trace.filter(
      (e) => e.type === 'request' && e.step === 'done',
    );
    expect(done.map((e) => (e.type === 'request' ? e.path : ''))).toEqual([
      '/gallery/?page=2',
      '/a.png',
    ]);
  });

  it('beyond 1,000 objects the rest are counted, not replayed', () => {
    const entries = [entry('https://site.test/', { mime: 'text/html' })];
    for (let i = 1; i <= 1003; i++)
      entries.push(entry(`https://site.test/i${i}.png`, { startMs: 1, size: 10 }));
    const { page: p, report } = ok(har(entries));
    const plan = replayPlan(p, report);
    expect(plan.base.page?.objects).toHaveLength(1000);
    expect(plan.left.overLimit).toBe(3);
  });
});

describe('origins the recording coalesced', () => {
  const h2 = (url: string, connection: string, o: Parameters<typeof entry>[1] = {}) =>
    entry(url, {
      ...o,
      extra: { connection },
      response: { httpVersion: 'h2' },
    });

  it('an origin whose requests went over another origin’s HTTP/2 connection is coalesced', () => {
    const { page: p } = ok(
      har([
        h2('https://site.test/', '7', { mime: 'text/html' }),
        h2('https://static.site.test/a.png', '7', { startMs: 20 }),
        h2('https://cdn.other.test/b.png', '9', { startMs: 20 }),
      ]),
    );
    expect(p.coalesced).toEqual([
      { origin: 'https://static.site.test', with: 'https://site.test' },
    ]);
  });

  it('no coalescing without HTTP/2 or HTTP/3, or when the id is only a port (Firefox)', () => {
    const h1 = ok(
      har([
        entry('https://site.test/', { mime: 'text/html', extra: { connection: '7' } }),
        entry('https://static.site.test/a.png', { startMs: 20, extra: { connection: '7' } }),
      ]),
    );
    expect(h1.page.coalesced).toEqual([]);
    const firefox = ok(
      har([
        h2('https://site.test/', '443', { mime: 'text/html' }),
        h2('https://static.site.test/a.png', '443', { startMs: 20 }),
      ]),
    );
    expect(firefox.page.coalesced).toEqual([]);
  });

  it('the replay keeps them on one connection over HTTP/2 and HTTP/3, not over HTTP/1.x', () => {
    const { page: p, report } = ok(
      har([
        h2('https://site.test/', '7', { mime: 'text/html', size: 1000 }),
        h2('https://static.site.test/a.png', '7', {
          startMs: 20,
          size: 1000,
          initiator: 'https://site.test/',
        }),
      ]),
    );
    const plan = replayPlan(p, report, FAST_NET);
    expect(plan.base.page?.origins).toEqual([
      { host: 'static.site.test', coalesceWith: 'site.test' },
    ]);
    expect(plan.coalesced).toBe(1);
    const conns = Object.fromEntries(replayAll(plan).map((r) => [r.protocol, r.connectionsOpened]));
    // HTTP/1.0: a connection per request; HTTP/1.1: the image's origin needs its own; HTTP/2
    // and HTTP/3: the document's connection carries the image too.
    expect(conns).toEqual({ '1.0': 2, '1.1': 2, '2': 1, '3': 1 });
  });
});

describe('the replay’s TCP receive window', () => {
  // One 1,000,000-byte image after the HTML. A 65,535-byte window lets at most 65,535 bytes cross
  // per round trip: 16 round trips for the image (15.3), so HTTP/2 ends past 300 ms (HTML) + 100
  // (request) + 15 × 100 = 1,900 ms. With 6 MB, slow start from 10 segments doubles each round
  // trip: 10 + 20 + … + 640 = 1,270 segments ≥ 685 (1,000,000 / 1,460) after 7 flights, so the
  // image is in by 300 + 50 (request) + 6 × 100 + 50 = 1,000 ms plus serialization; HTTP/3
  // likewise from 200 ms (834 datagrams of 1,200 bytes, also 7 flights): by 900 ms. (A flight
  // fewer when the segments acknowledged before the image have already grown the window: with 11,
  // 11 + 22 + … + 352 = 693 ≥ 685 after 6.)
  const big = har([
    entry('https://site.test/', { mime: 'text/html', size: 1000, startMs: 0 }),
    entry('https://site.test/photo.jpg', {
      mime: 'image/jpeg',
      size: 1_000_000,
      startMs: 20,
      initiator: 'https://site.test/',
    }),
  ]);

  it('is a scaled window, so congestion control and not 64 KB paces TCP', () => {
    const { page: p, report } = ok(big);
    const plan = replayPlan(p, report, FAST_NET);
    expect(plan.base.tcp?.receiveWindowBytes).toBe(6 * 1024 * 1024);
    const byProtocol = new Map(replayAll(plan).map((r) => [r.protocol, r.pageLoadMs]));
    expect(byProtocol.get('2')).toBeLessThan(1000 + 10);
    expect(byProtocol.get('3')).toBeLessThan(900 + 10);
    const narrow = simulate({ ...replayScenario(plan, '2'), tcp: { receiveWindowBytes: 65535 } });
    expect(narrow.metrics.pageLoadMs).toBeGreaterThan(1900);
  });
});

describe('DNS lookups in the replay', () => {
  /** The page above, each host's first request showing a 30 ms lookup. */
  const looked = cdnPage(30);

  it('the lookup time is the HAR’s unless the reader gives one, within the field’s range', () => {
    const { page: p, report } = ok(looked);
    expect(report.dnsMs).toBe(30);
    expect(report.dnsSource).toBe('dns');
    expect(replayPlan(p, report).network.dnsMs).toBe(30);
    expect(replayPlan(p, report).base.network?.dnsMs).toBe(30);
    expect(replayPlan(p, report, { dnsMs: 0 }).network.dnsMs).toBe(0);
    expect(replayPlan(p, report, { dnsMs: 12.5 }).network.dnsMs).toBe(12.5);
    // A value beyond the scenario's range (10,000 ms) is brought into it.
    expect(replayPlan(p, report, { dnsMs: 50000 }).network.dnsMs).toBe(10000);
  });

  it('each protocol’s load grows by the two lookups on its critical path', () => {
    // As in 'loads in the round trips each protocol needs', plus 30 ms before the document's
    // connection and 30 ms before the CDN's (its host is first needed when the stylesheet is
    // found); the font's host is resolved by then: 900 + 60, 700 + 60, 700 + 60, 500 + 60.
    const { page: p, report } = ok(looked);
    const results = replayAll(replayPlan(p, report, FAST_NET));
    const expected = { '1.0': 960, '1.1': 760, '2': 760, '3': 560 } as const;
    for (const r of results) {
      expect(r.pageLoadMs).toBeGreaterThanOrEqual(expected[r.protocol]);
      expect(r.pageLoadMs).toBeLessThan(expected[r.protocol] + 1);
    }
  });

  it('the median of each host’s first lookup: one slow lookup does not move it', () => {
    const { report } = ok(
      har([
        entry('https://site.test/', { mime: 'text/html', dns: 12 }),
        entry('https://a.test/1.png', { startMs: 10, dns: 900 }),
        entry('https://b.test/2.png', { startMs: 10, dns: 10 }),
        // A later request to a.test: its 0 (nothing looked up) is not a lookup.
        entry('https://a.test/3.png', { startMs: 20, dns: 0 }),
      ]),
    );
    // Lower median of [12, 900, 10] = 12.
    expect(report.dnsMs).toBe(12);
  });

  it('no lookup time in the file: 0, and the report says it was guessed', () => {
    const none = ok(page);
    expect(none.report.dnsMs).toBe(0);
    expect(none.report.dnsSource).toBe('none');
    expect(none.report.guessed).toContainEqual({
      field: 'dns',
      count: 1,
      why: 'no DNS times (timings.dns) for the first request to any host: DNS lookups taken as 0 ms',
    });
    expect(replayPlan(none.page, none.report).network.dnsMs).toBe(0);
    // Names the browser already knew: every first lookup 0 ms.
    const known = ok(
      har([
        entry('https://site.test/', { mime: 'text/html', dns: 0 }),
        entry('https://cdn.test/a.png', { startMs: 10, dns: 0 }),
      ]),
    );
    expect(known.report.dnsMs).toBe(0);
    expect(known.report.dnsSource).toBe('none');
    expect(known.report.guessed.find((g) => g.field === 'dns')?.why).toMatch(
      /^no first request to a host spent time on a DNS lookup/,
    );
  });
});
