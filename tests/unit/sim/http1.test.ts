import { describe, expect, it } from 'vitest';
import { requestBytes, responseBytes, serverPersists } from '../../../src/sim/http/http1';
import type { HttpConfig } from '../../../src/sim/http/common';
import { simulate } from '../../../src/sim/simulate';
import { FAST, connEvents, packets, requestEvents, stateAt } from './helpers';

const cfg = (version: HttpConfig['version']): HttpConfig => ({
  version,
  keepAlive: true,
  pipelining: false,
  requestHeaderBytes: 400,
  responseHeaderBytes: 250,
});

describe('message sizes', () => {
  it('requestBytes is the bare request line for HTTP/0.9', () => {
    expect(requestBytes(cfg('0.9'), 'GET', '/a.html', 0)).toBe('GET /a.html\r\n'.length);
  });
  it('requestBytes is header block + body for HTTP/1.x', () => {
    expect(requestBytes(cfg('1.1'), 'POST', '/f', 100)).toBe(500);
  });
  it('responseBytes has no header for HTTP/0.9', () => {
    expect(responseBytes(cfg('0.9'), 1000)).toBe(1000);
    expect(responseBytes(cfg('1.0'), 1000)).toBe(1250);
  });
});

describe('serverPersists (RFC 9112 §9.3)', () => {
  it.each([
    ['0.9', true, false, false],
    ['1.0', false, false, false],
    ['1.0', true, false, true],
    ['1.1', true, false, true],
    ['1.1', false, false, false],
    ['1.1', true, true, false],
  ] as const)(
    'version %s, keep-alive requested %s, limit reached %s => %s',
    (v, ka, limit, want) => {
      expect(serverPersists(v, ka, limit)).toBe(want);
    },
  );
});

describe('request/response timing', () => {
  describe.each([
    { rtt: 20, processing: 0 },
    { rtt: 100, processing: 30 },
    { rtt: 250, processing: 5 },
  ])('RTT $rtt ms, processing $processing ms', ({ rtt, processing }) => {
    it('a fresh connection answers in 2 RTT + processing', () => {
      const { metrics } = simulate({
        network: { rttMs: rtt, ...FAST },
        server: { processingMs: processing },
        page: { htmlBytes: 1000, objects: 0 },
      });
      expect(metrics.requests[0]?.sentMs).toBe(rtt);
      expect(metrics.requests[0]?.doneMs).toBe(2 * rtt + processing);
    });
  });
});

describe('persistence', () => {
  const base = {
    network: { rttMs: 100, ...FAST },
    page: { htmlBytes: 1000, objects: [1000] },
    client: { maxConnectionsPerHost: 1 },
  } as const;

  it('HTTP/0.9 closes after every response: the server is the active closer', () => {
    const { trace, metrics } = simulate({ ...base, http: { version: '0.9' } });
    expect(metrics.connectionsOpened).toBe(2);
    // Close-delimited: done when the FIN arrives (with the last byte at 200).
    expect(metrics.requests[0]?.doneMs).toBe(200);
    // The FIN rides on the response (150); the client's FIN comes back at 250.
    expect(stateAt(trace, 1, 'server', 'TIME_WAIT')).toBe(250);
    expect(stateAt(trace, 1, 'client', 'TIME_WAIT')).toBeUndefined();
  });

  it('HTTP/1.0 without keep-alive closes after each response: 4 RTT for HTML + 1 object', () => {
    const { metrics } = simulate({ ...base, http: { version: '1.0' } });
    expect(metrics.connectionsOpened).toBe(2);
    expect(metrics.pageLoadMs).toBe(400);
  });

  it('HTTP/1.0 with Connection: Keep-Alive reuses the connection: 3 RTT', () => {
    const { metrics } = simulate({ ...base, http: { version: '1.0', keepAlive: true } });
    expect(metrics.connectionsOpened).toBe(1);
    expect(metrics.pageLoadMs).toBe(300);
  });

  it('HTTP/1.1 with keepAlive false sends Connection: close and the server closes', () => {
    const { metrics } = simulate({ ...base, http: { version: '1.1', keepAlive: false } });
    expect(metrics.connectionsOpened).toBe(2);
    expect(metrics.pageLoadMs).toBe(400);
  });

  it('keep-alive timeout 0 is keep-alive off: a connection per request, 4 RTT for HTML + 1 object', () => {
    // As HTTP/1.1 with keepAlive false above: the HTML's response says Connection: close (FIN at
    // 150 with it), so the object waits for a new connection: SYN 200, request 300, done 400.
    const { trace, metrics } = simulate({ ...base, server: { keepAliveTimeoutMs: 0 } });
    expect(metrics.connectionsOpened).toBe(2);
    expect(metrics.requests.map((r) => [r.connectionId, r.doneMs])).toEqual([
      [1, 200],
      [2, 400],
    ]);
    expect(connEvents(trace, 1, 'server').find((e) => e.state === 'FIN_WAIT_1')).toMatchObject({
      t: 150,
      reason: 'not-persistent',
    });
  });

  it('keep-alive timeout 0 opens one connection per request for a whole page', () => {
    // HTML + 10 objects, 6 connections per host: 11 connections, none reused.
    const { metrics } = simulate({
      network: { rttMs: 100, ...FAST },
      server: { keepAliveTimeoutMs: 0 },
      page: { htmlBytes: 1000, objects: 10, objectBytes: 1000 },
    });
    expect(metrics.connectionsOpened).toBe(11);
    expect(new Set(metrics.requests.map((r) => r.connectionId)).size).toBe(11);
  });

  it('keep-alive timeout closes an idle connection at exactly the timeout (FIN at t)', () => {
    // Response written at 150 ms; idle from then on; FIN at 150 + 2500.
    const { trace } = simulate({
      network: { rttMs: 100, ...FAST },
      server: { keepAliveTimeoutMs: 2500 },
      page: { htmlBytes: 1000, objects: 0 },
    });
    const fin = packets(trace, (p) => p.kind === 'FIN' && p.dir === 's2c')[0];
    expect(fin?.t).toBe(2650);
    expect(connEvents(trace, 1, 'server').find((e) => e.state === 'FIN_WAIT_1')).toMatchObject({
      t: 2650,
      reason: 'keep-alive-timeout',
    });
    expect(stateAt(trace, 1, 'server', 'TIME_WAIT')).toBe(2750);
  });

  it('maxRequestsPerConnection: the last allowed response closes; the rest use a new connection', () => {
    // Limit 2: HTML (200) and img1 (300) on conn 1; conn 2 opens at 300: img2 done 500, img3 600.
    const { trace, metrics } = simulate({
      ...base,
      server: { maxRequestsPerConnection: 2 },
      page: { htmlBytes: 1000, objects: [1000, 1000, 1000] },
    });
    expect(metrics.requests.map((r) => [r.connectionId, r.doneMs])).toEqual([
      [1, 200],
      [1, 300],
      [2, 500],
      [2, 600],
    ]);
    expect(connEvents(trace, 1, 'server').find((e) => e.state === 'FIN_WAIT_1')).toMatchObject({
      t: 250,
      reason: 'max-requests',
    });
  });
});

describe('pipelining', () => {
  const sc = (processing: number[]) => ({
    network: { rttMs: 100, ...FAST },
    http: { pipelining: true },
    page: { htmlBytes: 1000, objects: processing.map((p) => ({ bytes: 1000, processingMs: p })) },
  });

  it('pipelined responses come back in request order even when the first is slow', () => {
    // All three requests leave at 200; the server answers serially: 300, 301, 301 + ... in order.
    const { metrics } = simulate(sc([300, 0, 0]));
    const objs = metrics.requests.slice(1);
    expect(objs.map((r) => r.sentMs)).toEqual([200, 200, 200]);
    // img1 written at 250 + 300 = 550, img2 and img3 right behind it: all arrive at 600.
    expect(objs.map((r) => r.doneMs)).toEqual([600, 600, 600]);
  });

  it('the server processes pipelined requests serially', () => {
    const { trace } = simulate(sc([40, 20, 10]));
    const starts = requestEvents(trace, 'server-start')
      .slice(1)
      .map((e) => e.t);
    const ends = requestEvents(trace, 'server-end')
      .slice(1)
      .map((e) => e.t);
    expect(starts).toEqual([250, 290, 310]);
    expect(ends).toEqual([290, 310, 320]);
  });

  it('with parallel processing every pipelined request starts on arrival; responses stay in order', () => {
    const { trace, metrics } = simulate({
      ...sc([40, 20, 10]),
      server: { pipelineProcessing: 'parallel' },
    });
    expect(
      requestEvents(trace, 'server-start')
        .slice(1)
        .map((e) => e.t),
    ).toEqual([250, 250, 250]);
    // The HTML is answered at 150; then in time order: img3 (10 ms) at 260, img2 270, img1 290.
    expect(requestEvents(trace, 'server-end').map((e) => [e.requestId, e.t])).toEqual([
      [1, 150],
      [4, 260],
      [3, 270],
      [2, 290],
    ]);
    // All three written at 290 (behind the slowest first one), arriving at 340.
    expect(metrics.requests.slice(1).map((r) => r.doneMs)).toEqual([340, 340, 340]);
  });

  it('all pipelined requests share one segment on the wire', () => {
    const { trace } = simulate(sc([0, 0, 0]));
    const get = packets(trace, (p) => p.dir === 'c2s' && p.t === 200 && p.payloadBytes > 0);
    expect(get.map((p) => p.label)).toEqual(['GET /img1.png + GET /img2.png + GET /img3.png']);
    expect(get[0]?.requestIds).toEqual([2, 3, 4]);
  });
});
