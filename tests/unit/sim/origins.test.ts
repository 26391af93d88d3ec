/**
 * Pages of several origins (issue 20): each origin has its own connections, an object can be found
 * by an earlier one (a stylesheet's font), and over HTTP/2 and HTTP/3 origins that share an address
 * and a certificate share connections (`page.origins[].coalesceWith`). Expected times are whole
 * round trips: RTT 100 ms, a link fast enough that serialization is negligible (`FAST`), no TLS
 * over TCP, TLS 1.3 inside QUIC's single round trip.
 */
import { describe, expect, it } from 'vitest';
import { coalescingGroups } from '../../../src/sim/coalescing';
import { validateScenario, type ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { FAST, ofType, requestEvents } from './helpers';

const net = { rttMs: 100, ...FAST } as const;
/** Load times within this of a whole number of round trips (packets take microseconds). */
const SLACK_MS = 1;

function expectRoundTrips(ms: number, rtts: number): void {
  expect(ms).toBeGreaterThanOrEqual(rtts * 100);
  expect(ms).toBeLessThan(rtts * 100 + SLACK_MS);
}

/** The host of every connection, in opening order, and when each opened. */
function opened(sc: ScenarioInput): { host: string; t: number }[] {
  return ofType(simulate(sc).trace, 'conn-open').map((e) => ({ host: e.host, t: e.t }));
}

describe('objects on other origins', () => {
  it('HTTP/1.1: two origins with one object each open their connections at once, in parallel', () => {
    // HTML: handshake 1 RTT + request 1 RTT = 200 ms. Then each object's origin needs a
    // connection of its own: both handshakes start when the HTML has arrived, side by side, and
    // each response is back one more round trip later: 200 + 100 + 100 = 400 ms.
    const sc: ScenarioInput = {
      network: net,
      page: {
        htmlBytes: 1000,
        objects: [
          { host: 'a.example.net', bytes: 1000 },
          { host: 'b.example.org', bytes: 1000 },
        ],
      },
    };
    const conns = opened(sc);
    expect(conns.map((c) => c.host)).toEqual(['example.com', 'a.example.net', 'b.example.org']);
    expect(conns[1]?.t).toBe(200);
    expect(conns[2]?.t).toBe(200);
    const { metrics } = simulate(sc);
    expect(metrics.connectionsOpened).toBe(3);
    expectRoundTrips(metrics.pageLoadMs, 4);
  });

  it('page.host names the HTML’s host, which objects without a host and follow-ups share', () => {
    // One connection to www.example.test carries the HTML (200 ms), the object (300 ms) and the
    // follow-up at 1,000 ms; two shards put objects on s1. and s2. of that host instead.
    const sc: ScenarioInput = {
      network: net,
      client: { idleTimeoutMs: 10_000 },
      server: { keepAliveTimeoutMs: 10_000 },
      page: { host: 'www.example.test', htmlBytes: 1000, objects: [1000] },
      followUps: [{ atMs: 1000 }],
    };
    expect(opened(sc)).toEqual([{ host: 'www.example.test', t: 0 }]);
    const done = requestEvents(simulate(sc).trace, 'done');
    expect(done.map((e) => [e.path, e.host, e.followUp])).toEqual([
      ['/index.html', 'www.example.test', false],
      ['/img1.png', 'www.example.test', false],
      ['/next1', 'www.example.test', true],
    ]);
    const sharded = opened({ ...sc, page: { ...sc.page, objects: [1000, 1000], shards: 2 } });
    expect(sharded.map((c) => c.host)).toEqual([
      'www.example.test',
      's1.www.example.test',
      's2.www.example.test',
    ]);
  });

  it('page.path names the HTML’s path in the trace; absent, it is /index.html', () => {
    const page = { htmlBytes: 1000, objects: [1000] };
    const paths = (sc: ScenarioInput): string[] =>
      requestEvents(simulate(sc).trace, 'done').map((e) => e.path);
    expect(paths({ network: net, page: { ...page, path: '/gallery/' } })).toEqual([
      '/gallery/',
      '/img1.png',
    ]);
    expect(paths({ network: net, page })).toEqual(['/index.html', '/img1.png']);
    // A path must start with "/": anything else is refused with the field named.
    expect(() => simulate({ network: net, page: { ...page, path: 'gallery' } })).toThrow(
      /page\.path/,
    );
  });

  it('an object on the HTML’s own host, given as such, reuses its connection', () => {
    const { metrics } = simulate({
      network: net,
      page: { htmlBytes: 1000, objects: [{ host: 'example.com', bytes: 1000 }] },
    });
    expect(metrics.connectionsOpened).toBe(1);
    expectRoundTrips(metrics.pageLoadMs, 3);
  });

  it('the requests carry their own origin’s Host', () => {
    const { trace } = simulate({
      network: net,
      page: { htmlBytes: 1000, objects: [{ host: 'cdn.example.com:8443', bytes: 1000 }] },
    });
    expect(requestEvents(trace, 'done').map((e) => e.host)).toEqual([
      'example.com',
      'cdn.example.com:8443',
    ]);
  });
});

describe('connection coalescing', () => {
  const cdnPage = (version: '1.1' | '2' | '3', coalesce: boolean): ScenarioInput => ({
    network: net,
    ...(version === '3' ? { tls: 'tls1.3' as const } : {}),
    http: { version },
    page: {
      htmlBytes: 1000,
      objects: [
        { host: 'cdn.example.com', bytes: 1000 },
        { host: 'cdn.example.com', bytes: 1000 },
      ],
      ...(coalesce ? { origins: [{ host: 'cdn.example.com', coalesceWith: 'example.com' }] } : {}),
    },
  });

  it('HTTP/2: coalesced origins use one connection, one round trip sooner', () => {
    // One connection: handshake, HTML, then both objects as streams: 3 RTT.
    const together = simulate(cdnPage('2', true)).metrics;
    expect(together.connectionsOpened).toBe(1);
    expectRoundTrips(together.pageLoadMs, 3);
    // Apart: the CDN's own connection costs a handshake after the HTML: 4 RTT.
    const apart = simulate(cdnPage('2', false)).metrics;
    expect(apart.connectionsOpened).toBe(2);
    expectRoundTrips(apart.pageLoadMs, 4);
  });

  it('HTTP/3: coalesced origins use one QUIC connection', () => {
    // QUIC and TLS 1.3 in one round trip, then the HTML, then the objects: 3 RTT; apart, the
    // CDN's QUIC handshake adds one: 4.
    const together = simulate(cdnPage('3', true)).metrics;
    expect(together.connectionsOpened).toBe(1);
    expectRoundTrips(together.pageLoadMs, 3);
    const apart = simulate(cdnPage('3', false)).metrics;
    expect(apart.connectionsOpened).toBe(2);
    expectRoundTrips(apart.pageLoadMs, 4);
  });

  it('HTTP/1.1 never coalesces: the CDN gets connections of its own', () => {
    const { metrics } = simulate(cdnPage('1.1', true));
    // Two objects at once on a host with no connection: two new ones (6 per host allowed).
    expect(metrics.connectionsOpened).toBe(3);
  });

  it('the coalesced connection is opened to the host of the request that needed it', () => {
    // The HTML's connection to example.com carries the CDN's requests too: one conn-open.
    expect(opened(cdnPage('2', true)).map((c) => c.host)).toEqual(['example.com']);
    // Two other origins that may share: the first object's (static) opens the group's connection,
    // and the CDN's request rides on it.
    const shared: ScenarioInput = {
      ...cdnPage('2', true),
      page: {
        htmlBytes: 1000,
        objects: [
          { host: 'static.example.com', bytes: 1000 },
          { host: 'cdn.example.com', bytes: 1000 },
        ],
        origins: [{ host: 'cdn.example.com', coalesceWith: 'static.example.com' }],
      },
    };
    expect(opened(shared).map((c) => c.host)).toEqual(['example.com', 'static.example.com']);
  });

  it('groups are transitive and a host without a link is its own group', () => {
    const g = coalescingGroups([
      { host: 'a.test', coalesceWith: 'b.test' },
      { host: 'c.test', coalesceWith: 'b.test' },
      { host: 'd.test' },
    ]);
    expect(g.get('a.test')).toBe(g.get('b.test'));
    expect(g.get('c.test')).toBe(g.get('b.test'));
    expect(g.get('d.test')).toBe('d.test');
    expect(g.get('d.test')).not.toBe(g.get('a.test'));
  });
});

describe('objects found by other objects', () => {
  it('a font named by a stylesheet is requested when the stylesheet has arrived', () => {
    // One connection: HTML by 200, the stylesheet (found by the HTML) by 300, the font (found
    // by the stylesheet, `after: 1`) requested at 300 and back by 400.
    const { trace, metrics } = simulate({
      network: net,
      client: { maxConnectionsPerHost: 1 },
      page: {
        htmlBytes: 1000,
        objects: [
          { path: '/site.css', bytes: 1000 },
          { path: '/font.woff2', bytes: 1000, after: 1 },
        ],
      },
    });
    expect(requestEvents(trace, 'queued').map((e) => [e.path, e.t])).toEqual([
      ['/index.html', 0],
      ['/site.css', 200],
      ['/font.woff2', 300],
    ]);
    expectRoundTrips(metrics.pageLoadMs, 4);
  });

  it('with discovery "upfront", an object with a parent still waits for it', () => {
    const { trace } = simulate({
      network: net,
      page: {
        htmlBytes: 1000,
        discovery: 'upfront',
        objects: [
          { path: '/app.js', bytes: 1000 },
          { path: '/data.json', bytes: 1000, after: 1 },
          { path: '/logo.png', bytes: 1000, after: 0 },
        ],
      },
    });
    const queued = Object.fromEntries(requestEvents(trace, 'queued').map((e) => [e.path, e.t]));
    expect(queued['/app.js']).toBe(0);
    expect(queued['/logo.png']).toBe(200);
    // app.js: its own connection opened at 0, answered by 200 (like the HTML's).
    expect(queued['/data.json']).toBe(200);
  });
});

describe('the scenario says what it means', () => {
  const errors = (page: object): { path: string; message: string }[] => {
    const r = validateScenario({ page });
    return r.ok ? [] : [...r.errors];
  };

  it('an object can only be found by the HTML or an earlier object', () => {
    expect(errors({ objects: [{ after: 1 }] })).toEqual([
      {
        path: 'page.objects[0].after',
        message: 'must be 0, the HTML: no object comes before the first (got 1)',
      },
    ]);
    expect(errors({ objects: [1000, { after: 2 }] })).toEqual([
      {
        path: 'page.objects[1].after',
        message: 'must be 0 (the HTML) or an earlier object, 1 to 1 (got 2)',
      },
    ]);
    expect(errors({ objects: [1000, { after: 1 }] })).toEqual([]);
  });

  it('hosts are lower-case names with an optional port', () => {
    for (const bad of ['Example.com', 'a..b', '-a.com', 'a.com:0', 'a.com:65536', 'a b', '']) {
      expect(errors({ objects: [{ host: bad }] }).map((e) => e.path)).toEqual([
        'page.objects[0].host',
      ]);
    }
    for (const good of ['a', 'cdn.example.com', 'x-1.example.co.uk', 'example.com:8443']) {
      expect(errors({ objects: [{ host: good }] })).toEqual([]);
    }
    expect(errors({ objects: [{ host: `${'a'.repeat(63)}.com` }] })).toEqual([]);
    expect(errors({ objects: [{ host: `${'a'.repeat(64)}.com` }] })).toHaveLength(1);
  });

  it('each origin is listed once, and coalesces with another than itself', () => {
    expect(
      errors({
        origins: [{ host: 'a.test' }, { host: 'a.test', coalesceWith: 'b.test' }],
      }),
    ).toEqual([{ path: 'page.origins[1].host', message: 'lists a.test a second time' }]);
    expect(errors({ origins: [{ host: 'a.test', coalesceWith: 'a.test' }] })).toEqual([
      {
        path: 'page.origins[0].coalesceWith',
        message: 'must name another origin than its own host',
      },
    ]);
    expect(errors({ origins: [{ coalesceWith: 'a.test' }] }).map((e) => e.path)).toEqual([
      'page.origins[0].host',
    ]);
  });
});
