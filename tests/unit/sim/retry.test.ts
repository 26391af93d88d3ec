import { describe, expect, it } from 'vitest';
import { shouldResend, type RetryPolicy } from '../../../src/sim/retry';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { HttpMethod, Trace } from '../../../src/sim/trace';
import { FAST, requestEvents } from './helpers';

const POLICIES: readonly RetryPolicy[] = ['browser', 'idempotent-only'];

describe('shouldResend', () => {
  // [policy, method, attempts, reused, firstByte, networkChanged, expected]
  describe.each([
    // A reused connection that fails before any response byte: any method under `browser`
    // (Chromium: connection_is_proven && !has_received_headers), GET only under
    // `idempotent-only` (RFC 9110 §9.2.2).
    ['browser', 'GET', 1, true, false, false, true],
    ['browser', 'POST', 1, true, false, false, true],
    ['idempotent-only', 'GET', 1, true, false, false, true],
    ['idempotent-only', 'POST', 1, true, false, false, false],
    // A fresh connection that fails: never.
    ['browser', 'GET', 1, false, false, false, false],
    ['browser', 'POST', 1, false, false, false, false],
    ['idempotent-only', 'GET', 1, false, false, false, false],
    // Part of the response had arrived: no.
    ['browser', 'POST', 1, true, true, false, false],
    ['browser', 'GET', 1, true, true, false, false],
    // A failed retry is not retried (RFC 9110 §9.2.2).
    ['browser', 'GET', 2, true, false, false, false],
    ['browser', 'POST', 2, true, false, false, false],
    // The client's address changed: a GET even after a first byte or on a fresh connection; a
    // POST only under `browser` on a reused connection before any response byte.
    ['browser', 'GET', 1, false, true, true, true],
    ['idempotent-only', 'GET', 1, false, true, true, true],
    ['browser', 'POST', 1, true, false, true, true],
    ['browser', 'POST', 1, false, false, true, false],
    ['idempotent-only', 'POST', 1, true, false, true, false],
  ] as const)(
    '%s, %s, attempt %d, reused %s, first byte %s, network changed %s',
    (policy, method, attempts, reused, firstByte, networkChanged, expected) => {
      it(`is ${expected}`, () => {
        expect(shouldResend(policy, { method, attempts, reused, firstByte, networkChanged })).toBe(
          expected,
        );
      });
    },
  );
});

/** Times the server processed a request: `server-end` (answered) plus `server-reset` (not). */
function processed(trace: Trace, requestId: number): number {
  return (
    requestEvents(trace, 'server-end', requestId).length +
    requestEvents(trace, 'server-reset', requestId).length
  );
}

/**
 * RTT 100 ms, serialization ~0, one connection per host, no processing time: the HTML takes
 * 2 RTT (SYN at 0, request at 100, response at 200) on connection 1, which then idles. A click
 * (`method`) at 1,000 ms reuses it.
 */
const click = (
  policy: RetryPolicy,
  method: HttpMethod,
  extra: { server?: ScenarioInput['server']; client?: ScenarioInput['client'] } = {},
): ScenarioInput => ({
  network: { rttMs: 100, ...FAST },
  client: { retryPolicy: policy, maxConnectionsPerHost: 1, ...extra.client },
  server: { keepAliveTimeoutMs: 60000, ...extra.server },
  page: { htmlBytes: 1000, objects: 0 },
  followUps: [{ atMs: 1000, method, bytes: 1000, bodyBytes: method === 'POST' ? 200 : 0 }],
});

describe('a server that resets the connection after processing (server.resetAfterProcessing 2)', () => {
  // The click is the 2nd request on connection 1: it reaches the server at 1,050, is
  // processed at once, and the server resets instead of answering; the RST reaches the client
  // at 1,100 = click + 1 RTT, before any response byte. A retry opens connection 2 (SYN 1,100,
  // SYN-ACK 1,200 with the request, request at the server 1,250, its 1st request there, so
  // answered) and completes at 1,300 = click + 3 RTT.
  const reset = { server: { resetAfterProcessing: 2 } };

  it('browser: the POST is resent once and completes at click + 3 RTT; the server processed it twice', () => {
    const { trace, metrics } = simulate(click('browser', 'POST', reset));
    expect(metrics.requests[1]).toMatchObject({
      method: 'POST',
      retries: 1,
      connectionId: 2,
      doneMs: 1300,
      error: null,
    });
    expect(requestEvents(trace, 'server-reset', 2).map((e) => [e.t, e.conn, e.attempt])).toEqual([
      [1050, 1, 1],
    ]);
    expect(requestEvents(trace, 'server-end', 2).map((e) => [e.t, e.conn, e.attempt])).toEqual([
      [1250, 2, 2],
    ]);
    expect(processed(trace, 2)).toBe(2);
  });

  it('idempotent-only: the POST fails at click + 1 RTT (connection reset); the server processed it once', () => {
    const { trace, metrics } = simulate(click('idempotent-only', 'POST', reset));
    expect(metrics.requests[1]).toMatchObject({
      retries: 0,
      connectionId: 1,
      doneMs: null,
      errorMs: 1100,
      error: 'connection-reset',
    });
    expect(processed(trace, 2)).toBe(1);
    expect(metrics.connectionsOpened).toBe(1);
  });

  it.each(POLICIES)('%s: a GET is resent once and completes at click + 3 RTT', (policy) => {
    const { trace, metrics } = simulate(click(policy, 'GET', reset));
    expect(metrics.requests[1]).toMatchObject({ retries: 1, doneMs: 1300, error: null });
    expect(processed(trace, 2)).toBe(2);
  });

  it('the reset is an RST from the server, with its own reason, and the client sees it first', () => {
    const { trace } = simulate(click('browser', 'POST', reset));
    const rst = trace.find((e) => e.type === 'packet' && e.kind === 'RST');
    expect(rst).toMatchObject({ dir: 's2c', conn: 1, sendMs: 1050, arriveMs: 1100 });
    expect(
      trace.find(
        (e) => e.type === 'conn' && e.conn === 1 && e.side === 'server' && e.state === 'CLOSED',
      ),
    ).toMatchObject({ t: 1050, reason: 'reset-after-processing' });
    expect(requestEvents(trace, 'first-byte', 2).map((e) => e.attempt)).toEqual([2]);
  });

  it('is deterministic: the same scenario gives the same trace', () => {
    const a = simulate(click('browser', 'POST', reset));
    const b = simulate(click('browser', 'POST', reset));
    expect(b.trace).toEqual(a.trace);
  });
});

describe('the keep-alive race: the server closed before the request arrived', () => {
  // Server keep-alive 5,000 ms: the HTML's response is written at 150 (1.5 RTT), so the
  // server's FIN leaves at 5,150. A click at that moment crosses it: the FIN reaches the client
  // at 5,200 (click + RTT/2), before any response byte; the request reaches the closed socket
  // (RST) and is never processed there. A retry on connection 2: SYN 5,200, request 5,300,
  // response 5,400 = click + 2.5 RTT.
  const race = (policy: RetryPolicy, method: HttpMethod): ScenarioInput => ({
    ...click(policy, method),
    client: { retryPolicy: policy, idleTimeoutMs: 60000 },
    server: { keepAliveTimeoutMs: 5000 },
    followUps: [{ atMs: 5150, method, bytes: 1000, bodyBytes: method === 'POST' ? 200 : 0 }],
  });

  it('browser: the POST is resent once, completes at click + 2.5 RTT, and is processed once', () => {
    const { trace, metrics } = simulate(race('browser', 'POST'));
    expect(metrics.requests[1]).toMatchObject({
      retries: 1,
      connectionId: 2,
      doneMs: 5400,
      error: null,
    });
    expect(requestEvents(trace, 'server-received', 2).map((e) => e.attempt)).toEqual([2]);
    expect(processed(trace, 2)).toBe(1);
  });

  it('idempotent-only: the POST fails at click + RTT/2 and is never processed', () => {
    const { trace, metrics } = simulate(race('idempotent-only', 'POST'));
    expect(metrics.requests[1]).toMatchObject({
      retries: 0,
      errorMs: 5200,
      error: 'connection-closed',
    });
    expect(processed(trace, 2)).toBe(0);
  });

  it('idempotent-only: a GET is still resent and completes at click + 2.5 RTT', () => {
    const { metrics } = simulate(race('idempotent-only', 'GET'));
    expect(metrics.requests[1]).toMatchObject({ retries: 1, doneMs: 5400, error: null });
  });
});

describe('a fresh connection that fails is not retried (server.resetAfterProcessing 1)', () => {
  // Every connection is reset after its 1st request. The HTML (fresh connection 1) reaches the
  // server at 150; the RST reaches the client at 200 = 2 RTT: it fails. With no connection left,
  // the POST at 1,000 opens connection 2 (request at 1,100, at the server at 1,150) and its
  // RST arrives at 1,200: it fails too. Neither is resent, under either policy.
  it.each(POLICIES)('%s: the HTML fails at 2 RTT and the POST at click + 2 RTT', (policy) => {
    const { trace, metrics } = simulate(
      click(policy, 'POST', { server: { resetAfterProcessing: 1 } }),
    );
    expect(
      metrics.requests.map((r) => [r.method, r.connectionId, r.retries, r.errorMs, r.error]),
    ).toEqual([
      ['GET', 1, 0, 200, 'connection-reset'],
      ['POST', 2, 0, 1200, 'connection-reset'],
    ]);
    expect(processed(trace, 1)).toBe(1);
    expect(processed(trace, 2)).toBe(1);
  });
});

describe('at most one retry', () => {
  // Two connections (HTML and one object, both known up front: one each), each reset after its
  // 2nd request. The click at 1,000 takes the most recently used idle one and is reset (RST at
  // 1,100); its retry takes the other idle connection, also reused, and is reset again (RST at
  // 1,200 = click + 2 RTT). A failed retry is not retried: the request ends in error.
  const twoConns = (policy: RetryPolicy, method: HttpMethod): ScenarioInput => ({
    ...click(policy, method, { server: { resetAfterProcessing: 2 } }),
    client: { retryPolicy: policy, maxConnectionsPerHost: 2 },
    page: { htmlBytes: 1000, objects: [1000], discovery: 'upfront' },
  });

  it.each([
    ['browser', 'POST', 1, 1200, 2],
    ['browser', 'GET', 1, 1200, 2],
    ['idempotent-only', 'GET', 1, 1200, 2],
    ['idempotent-only', 'POST', 0, 1100, 1],
  ] as const)(
    '%s, %s: %d retries, fails at %d ms, processed %d times',
    (policy, method, retries, errorMs, times) => {
      const { trace, metrics } = simulate(twoConns(policy, method));
      expect(metrics.connectionsOpened).toBe(2);
      expect(metrics.requests[2]).toMatchObject({ retries, errorMs, error: 'connection-reset' });
      expect(requestEvents(trace, 'assigned', 3).map((e) => e.reused)).toEqual(
        Array.from({ length: retries + 1 }, () => true),
      );
      expect(processed(trace, 3)).toBe(times);
    },
  );
});

describe('client address change with a POST in flight', () => {
  // The HTML is done at 200 on connection 1. The POST at 350 reuses it (at the server at 400,
  // processing 200 ms: answered at 600, to the old address); the address changes at 400, before
  // any response byte. Browser: resent at 400 on connection 2 (request at 500, at the server at
  // 550, answered at 750) and done at 800; the server ran it twice. Idempotent-only: it fails
  // at 400.
  const moved = (policy: RetryPolicy): ScenarioInput => ({
    network: { rttMs: 100, ...FAST },
    client: { retryPolicy: policy, addressChangeAtMs: 400 },
    page: { htmlBytes: 1000, objects: 0 },
    followUps: [{ atMs: 350, method: 'POST', bytes: 1000, bodyBytes: 200, processingMs: 200 }],
  });

  it('browser: resent once, done at 800, processed twice', () => {
    const { trace, metrics } = simulate(moved('browser'));
    expect(metrics.requests[1]).toMatchObject({ retries: 1, connectionId: 2, doneMs: 800 });
    expect(processed(trace, 2)).toBe(2);
  });

  it('idempotent-only: fails at 400 (connection reset)', () => {
    const { metrics } = simulate(moved('idempotent-only'));
    expect(metrics.requests[1]).toMatchObject({
      retries: 0,
      errorMs: 400,
      error: 'connection-reset',
    });
  });
});
