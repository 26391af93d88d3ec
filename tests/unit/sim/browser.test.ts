import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate';
import { FAST, connEvents, ofType, packets, requestEvents } from './helpers';

const net = { rttMs: 100, ...FAST } as const;

/** The raced request resent on a new connection from 5200: established 5300, response at 5400. */
const RETRIED_AT_5300 = { connectionId: 2, sentMs: 5300, doneMs: 5400, retries: 1, error: null };

describe('page loading', () => {
  it('objects are requested when the HTML has fully arrived', () => {
    const { trace } = simulate({ network: net, page: { htmlBytes: 1000, objects: 3 } });
    expect(requestEvents(trace, 'queued').map((e) => [e.requestId, e.t])).toEqual([
      [1, 0],
      [2, 200],
      [3, 200],
      [4, 200],
    ]);
  });

  it('with discovery "upfront" every object is queued at the start', () => {
    const { trace } = simulate({
      network: net,
      page: { htmlBytes: 1000, objects: 2, discovery: 'upfront' },
    });
    expect(requestEvents(trace, 'queued').map((e) => e.t)).toEqual([0, 0, 0]);
  });

  it('requests bind late to whichever connection is ready first', () => {
    // 2 per host, 3 objects: conn 1 (warm) takes img1 at 200, conn 2 opens at 200 and takes img2 at 300;
    // at 300 conn 1 is free again and takes img3.
    const { metrics } = simulate({
      network: net,
      client: { maxConnectionsPerHost: 2 },
      page: { htmlBytes: 1000, objects: 3, objectBytes: 1000 },
    });
    expect(metrics.requests.map((r) => [r.path, r.connectionId, r.sentMs, r.doneMs])).toEqual([
      ['/index.html', 1, 100, 200],
      ['/img1.png', 1, 200, 300],
      ['/img2.png', 2, 300, 400],
      ['/img3.png', 1, 300, 400],
    ]);
    expect(metrics.connectionsOpened).toBe(2);
  });

  it('request ids follow issue order: HTML first, then objects, then follow-ups', () => {
    const { metrics } = simulate({
      network: net,
      page: { htmlBytes: 1000, objects: 2 },
      followUps: [{ atMs: 1000, path: '/later' }],
    });
    expect(metrics.requests.map((r) => r.path)).toEqual([
      '/index.html',
      '/img1.png',
      '/img2.png',
      '/later',
    ]);
    expect(metrics.requests[3]?.followUp).toBe(true);
  });

  it('a follow-up to the HTML path gets its own size without changing the HTML', () => {
    const { metrics } = simulate({
      network: net,
      page: { htmlBytes: 3000, objects: 0 },
      followUps: [{ atMs: 1000, path: '/index.html', bytes: 10 }],
    });
    expect(metrics.requests.map((r) => [r.path, r.bytes])).toEqual([
      ['/index.html', 3250],
      ['/index.html', 260],
    ]);
  });
});

describe('connection pool', () => {
  it('never opens more than maxConnectionsPerHost to one host', () => {
    const { metrics } = simulate({
      network: net,
      client: { maxConnectionsPerHost: 3 },
      http: { version: '1.0' },
      page: { htmlBytes: 1000, objects: 9, objectBytes: 1000 },
    });
    // HTML on conn 1; then 3 waves of 3 non-persistent connections: 2 + 3 * 2 RTT.
    expect(metrics.connectionsOpened).toBe(10);
    expect(metrics.pageLoadMs).toBe(800);
  });

  it('domain sharding spreads objects round-robin over s1..sk hosts', () => {
    const { trace, metrics } = simulate({
      network: net,
      page: { htmlBytes: 1000, objects: 4, shards: 2 },
    });
    expect(metrics.requests.map((r) => r.host)).toEqual([
      'example.com',
      's1.example.com',
      's2.example.com',
      's1.example.com',
      's2.example.com',
    ]);
    expect(ofType(trace, 'conn-open').map((e) => e.host)).toEqual([
      'example.com',
      's1.example.com',
      's1.example.com',
      's2.example.com',
      's2.example.com',
    ]);
  });

  it('the total cap evicts the least recently used idle connection', () => {
    // Total 1: the idle HTML connection is evicted (FIN) at 200 to make room for s1.
    const { trace } = simulate({
      network: net,
      client: { maxConnectionsTotal: 1 },
      page: { htmlBytes: 1000, objects: 1, shards: 2 },
    });
    expect(connEvents(trace, 1, 'client').find((e) => e.state === 'FIN_WAIT_1')).toMatchObject({
      t: 200,
      reason: 'evicted',
    });
    expect(ofType(trace, 'conn-open').map((e) => [e.t, e.conn, e.host])).toEqual([
      [0, 1, 'example.com'],
      [200, 2, 's1.example.com'],
    ]);
  });

  it('the client idle timeout closes the connection from the client side (client TIME_WAIT)', () => {
    const { trace } = simulate({
      network: net,
      client: { idleTimeoutMs: 1000 },
      server: { keepAliveTimeoutMs: 60000 },
      page: { htmlBytes: 1000, objects: 0 },
    });
    // Idle from 200 (response done); FIN at 1200; server FIN+ACK back at 1300.
    expect(connEvents(trace, 1, 'client').find((e) => e.state === 'FIN_WAIT_1')).toMatchObject({
      t: 1200,
      reason: 'idle-timeout',
    });
    expect(connEvents(trace, 1, 'client').find((e) => e.state === 'TIME_WAIT')?.t).toBe(1300);
    expect(connEvents(trace, 1, 'server').some((e) => e.state === 'TIME_WAIT')).toBe(false);
  });

  it('a connection that never carried a request closes after 60 s idle, a used one after the client timeout', () => {
    // TLS 1.3, 2 per host, 2 objects. HTML on conn 1 (ready at 200, done at 300). At 300 img1
    // takes conn 1 and img2 dials conn 2 (SYN 300, ready 300 + 2 RTT = 500); img1 is done at 400,
    // so conn 1 takes img2 then (done 500) and conn 2, ready at 500, carries nothing. Chromium
    // closes such a socket after 60 s (FACTS.md, Chromium idle sockets): FIN at 60,500. Conn 1,
    // idle from 500, waits the client's 300 s: FIN at 300,500.
    const { trace } = simulate({
      network: net,
      tls: 'tls1.3',
      client: { maxConnectionsPerHost: 2 },
      server: { keepAliveTimeoutMs: 600_000 },
      page: { htmlBytes: 1000, objects: 2 },
    });
    expect(ofType(trace, 'conn-open').map((e) => [e.t, e.conn])).toEqual([
      [0, 1],
      [300, 2],
    ]);
    expect(requestEvents(trace, 'assigned').map((e) => [e.requestId, e.t, e.conn])).toEqual([
      [1, 200, 1],
      [2, 300, 1],
      [3, 400, 1],
    ]);
    const fin = (conn: number) =>
      connEvents(trace, conn, 'client').find((e) => e.state === 'FIN_WAIT_1');
    expect(fin(2)).toMatchObject({ t: 60_500, reason: 'idle-timeout' });
    expect(fin(1)).toMatchObject({ t: 300_500, reason: 'idle-timeout' });
  });

  it('a client idle timeout shorter than 60 s closes unused connections as early as used ones', () => {
    const { trace } = simulate({
      network: net,
      tls: 'tls1.3',
      client: { maxConnectionsPerHost: 2, idleTimeoutMs: 5000 },
      server: { keepAliveTimeoutMs: 600_000 },
      page: { htmlBytes: 1000, objects: 2 },
    });
    const fin = (conn: number) =>
      connEvents(trace, conn, 'client').find((e) => e.state === 'FIN_WAIT_1')?.t;
    expect([fin(1), fin(2)]).toEqual([5500, 5500]);
  });

  it('a FIN on an idle pooled connection drops it: a later request opens a new one', () => {
    const { metrics } = simulate({
      network: net,
      server: { keepAliveTimeoutMs: 1000 },
      page: { htmlBytes: 1000, objects: 0 },
      followUps: [{ atMs: 3000 }],
    });
    expect(metrics.requests[1]).toMatchObject({
      connectionId: 2,
      reused: false,
      sentMs: 3100,
      doneMs: 3200,
      retries: 0,
    });
  });
});

describe('retries with pipelining', () => {
  it('unanswered pipelined requests are retried once, in order, then fail', () => {
    // Limit 2 per connection: img1 closes conn 1 (FIN with it at 300); img2-4 retried on conn 2
    // (ready at 400); img3 closes conn 2 at 500, so img4 fails for the second time: error.
    const { trace, metrics } = simulate({
      network: net,
      http: { pipelining: true },
      server: { maxRequestsPerConnection: 2 },
      page: { htmlBytes: 1000, objects: 4, objectBytes: 1000 },
    });
    expect(requestEvents(trace, 'retry').map((e) => [e.t, e.requestId])).toEqual([
      [300, 3],
      [300, 4],
      [300, 5],
    ]);
    expect(
      requestEvents(trace, 'sent')
        .filter((e) => e.attempt === 2)
        .map((e) => e.requestId),
    ).toEqual([3, 4, 5]);
    expect(metrics.requests.map((r) => [r.connectionId, r.doneMs, r.error])).toEqual([
      [1, 200, null],
      [1, 300, null],
      [2, 500, null],
      [2, 500, null],
      [2, null, 'connection-closed'],
    ]);
    expect(metrics.pageComplete).toBe(false);
  });
});

describe('timeout race', () => {
  // Server idle timer: response written at 150, FIN at 5150, reaching the client at 5200.
  // The client reuses the connection at 5160: its GET reaches the closed server at 5210 -> RST.
  const race = (method: 'GET' | 'POST', retryPolicy: 'browser' | 'idempotent-only' = 'browser') =>
    simulate({
      network: net,
      client: { idleTimeoutMs: 60000, retryPolicy },
      server: { keepAliveTimeoutMs: 5000 },
      page: { htmlBytes: 1000, objects: 0 },
      followUps: [{ atMs: 5160, method }],
    });

  it('an idempotent GET is retried once on a new connection when the FIN arrives', () => {
    const { trace, metrics } = race('GET');
    expect(requestEvents(trace, 'assigned', 2).map((e) => [e.t, e.conn, e.reused])).toEqual([
      [5160, 1, true],
      [5300, 2, false],
    ]);
    expect(requestEvents(trace, 'retry', 2)).toMatchObject([
      { t: 5200, conn: 1, error: 'connection-closed' },
    ]);
    expect(packets(trace, (p) => p.kind === 'RST')[0]).toMatchObject({
      t: 5210,
      dir: 's2c',
      conn: 1,
    });
    // New connection from 5200: established 5300, response at 5400.
    expect(metrics.requests[1]).toMatchObject(RETRIED_AT_5300);
  });

  it('browser policy: a POST is retried like the GET (reused connection, no response yet)', () => {
    const { trace, metrics } = race('POST');
    expect(requestEvents(trace, 'retry', 2)).toMatchObject([
      { t: 5200, conn: 1, error: 'connection-closed' },
    ]);
    expect(metrics.requests[1]).toMatchObject(RETRIED_AT_5300);
  });

  it('idempotent-only policy: a non-idempotent POST is not retried and surfaces an error', () => {
    const { trace, metrics } = race('POST', 'idempotent-only');
    expect(requestEvents(trace, 'retry')).toEqual([]);
    expect(requestEvents(trace, 'error', 2)).toMatchObject([
      { t: 5200, error: 'connection-closed' },
    ]);
    expect(metrics.requests[1]).toMatchObject({
      doneMs: null,
      error: 'connection-closed',
      retries: 0,
    });
    expect(metrics.connectionsOpened).toBe(1);
  });
});
