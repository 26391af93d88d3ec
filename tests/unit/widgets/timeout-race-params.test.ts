import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import {
  RACE_POST_BODY_BYTES,
  serverTimeoutAt,
  timeoutProbeScenario,
  timeoutRaceSchema,
  type TimeoutRaceValues,
} from '../../../src/components/widgets/timeout-race-params';
import {
  cleanReuseScenario,
  serverTimeoutMoment,
  timeoutRaceClickMs,
  timeoutRaceScenario,
} from '../../../src/components/widgets/timeout-race-scenarios';
import { followUpOutcome, serverRuns } from '../../../src/components/widgets/follow-up-facts';
import { simulate } from '../../../src/sim';

const base: TimeoutRaceValues = defaults(timeoutRaceSchema);

/**
 * By hand, for HTML 1,000 B, 100 Mbit/s, no TLS and processing 0: the SYN (40 B on the wire,
 * 3.2 µs to serialize) arrives at RTT/2 + 0.003 ms, the SYN-ACK at RTT + 0.006 ms; the GET
 * (400 B head + 40 B = 440 B, 35.2 µs) leaves at once and arrives at 1.5 RTT + 0.041 ms. The
 * server writes the response at that instant (no processing) and its keep-alive timer starts:
 * it fires at 1.5 RTT + 0.041 ms + serverTimeout. With RTT 100 and 5,000 ms: 5,150.041 ms.
 */
describe('serverTimeoutMoment', () => {
  it('is 1.5 RTT + 0.041 ms + the server timeout (RTT 100, 5,000 ms: 5,150.041 ms)', () => {
    expect(serverTimeoutMoment(base)).toBeCloseTo(5150.041, 3);
  });

  it('is 1.5 RTT + 0.041 ms + the server timeout (RTT 200, 2,000 ms: 2,300.041 ms)', () => {
    expect(serverTimeoutMoment({ ...base, rtt: 200, serverTimeout: 2000 })).toBeCloseTo(
      2300.041,
      3,
    );
  });

  it('does not depend on the client idle timeout (the probe never times out on the client)', () => {
    expect(serverTimeoutMoment({ ...base, clientIdle: 1000 })).toBeCloseTo(5150.041, 3);
    expect(timeoutProbeScenario({ ...base, clientIdle: 1000 }).followUps).toBeUndefined();
  });
});

describe('timeoutRaceClickMs', () => {
  it.each([
    [0, 5150.041],
    [-200, 4950.041],
    [500, 5650.041],
  ])('with clickOffset %d is the server timeout moment plus the offset: %d ms', (offset, at) => {
    expect(timeoutRaceClickMs({ ...base, clickOffset: offset })).toBeCloseTo(at, 3);
  });
});

describe('timeoutRaceScenario', () => {
  it('builds the page (HTML 1,000 B, no objects, HTTP/1.1) with one follow-up at the click time', () => {
    const s = timeoutRaceScenario({ ...base, clickOffset: -100 });
    expect(s.page).toEqual({ htmlBytes: 1000, objects: 0 });
    expect(s.http).toEqual({ version: '1.1', keepAlive: true });
    expect(s.network).toEqual({ rttMs: 100, bandwidthMbps: 100 });
    expect(s.client?.idleTimeoutMs).toBe(60000);
    expect(s.server?.keepAliveTimeoutMs).toBe(5000);
    expect(s.followUps).toHaveLength(1);
    expect(s.followUps?.[0]?.atMs).toBeCloseTo(5050.041, 3);
    expect(s.followUps?.[0]?.method).toBe('GET');
    expect(s.followUps?.[0]?.bodyBytes).toBe(0);
    expect(s.client?.retryPolicy).toBe('browser');
    expect(s.server?.resetAfterProcessing).toBeUndefined();
  });

  it('defaults to the browser retry rule and the idle-timeout race', () => {
    expect([base.retryPolicy, base.cause]).toEqual(['browser', 'timeout']);
  });

  it('passes the retry rule to the browser', () => {
    const s = timeoutRaceScenario({ ...base, retryPolicy: 'idempotent-only' });
    expect(s.client?.retryPolicy).toBe('idempotent-only');
  });

  it('cause reset: the server never times out and resets after processing its 2nd request', () => {
    const s = timeoutRaceScenario({ ...base, cause: 'reset' });
    expect(s.server).toEqual({ keepAliveTimeoutMs: 3_600_000, resetAfterProcessing: 2 });
    // The click stays where the race would put it.
    expect(s.followUps?.[0]?.atMs).toBeCloseTo(5150.041, 3);
  });

  it('gives a POST a request body', () => {
    const s = timeoutRaceScenario({ ...base, method: 'POST' });
    expect(s.followUps?.[0]?.method).toBe('POST');
    expect(s.followUps?.[0]?.bodyBytes).toBe(RACE_POST_BODY_BYTES);
  });

  it('places the clean-reuse click at the same time on a connection neither side closes', () => {
    const s = cleanReuseScenario(base);
    expect(s.followUps?.[0]?.atMs).toBeCloseTo(5150.041, 3);
    expect(s.server?.keepAliveTimeoutMs).toBe(3_600_000);
    expect(s.client?.idleTimeoutMs).toBe(3_600_000);
    // The server's timer only fires an hour after the click's response.
    expect(serverTimeoutAt(simulate(s).trace)).toBeGreaterThan(3_600_000);
  });
});

describe('the race in the simulation', () => {
  const outcome = (v: TimeoutRaceValues) => followUpOutcome(simulate(timeoutRaceScenario(v)).trace);

  it('a GET at the timeout moment meets a RST and is retried on a new connection', () => {
    const r = simulate(timeoutRaceScenario(base));
    expect(followUpOutcome(r.trace)?.kind).toBe('retried');
    expect(r.trace.some((e) => e.type === 'packet' && e.kind === 'RST')).toBe(true);
    const m = r.metrics.requests.find((q) => q.followUp);
    expect(m?.retries).toBe(1);
    expect(m?.connectionId).toBe(2);
  });

  it('browser rule: a POST at the timeout moment is retried like the GET, and processed once', () => {
    const r = simulate(timeoutRaceScenario({ ...base, method: 'POST' }));
    const m = r.metrics.requests.find((q) => q.followUp);
    expect(m?.retries).toBe(1);
    expect(m?.error).toBeNull();
    expect(followUpOutcome(r.trace)?.kind).toBe('retried');
    // The first copy reached a closed socket (RST): only the retry was processed.
    expect(serverRuns(r.trace, 2)).toEqual({ processed: 1, reset: 0 });
  });

  it('idempotent-only rule: a POST at the timeout moment is not retried: the request fails', () => {
    const r = simulate(
      timeoutRaceScenario({ ...base, method: 'POST', retryPolicy: 'idempotent-only' }),
    );
    const m = r.metrics.requests.find((q) => q.followUp);
    expect(m?.retries).toBe(0);
    expect(m?.error).toBe('connection-closed');
    expect(followUpOutcome(r.trace)?.kind).toBe('error');
    expect(serverRuns(r.trace, 2)).toEqual({ processed: 0, reset: 0 });
  });

  it('idempotent-only rule: a GET at the timeout moment is still retried', () => {
    const v = { ...base, retryPolicy: 'idempotent-only' } as const;
    expect(outcome(v)?.kind).toBe('retried');
  });

  it('a click 500 ms early reuses the connection cleanly', () => {
    expect(outcome({ ...base, clickOffset: -500 })?.kind).toBe('reused');
  });

  it('a click 500 ms late finds the connection closed and opens a new one', () => {
    expect(outcome({ ...base, clickOffset: 500 })?.kind).toBe('new');
  });
});

describe('cause reset: the server processes the click, then resets the connection', () => {
  // The click's request reaches the server RTT/2 after the click and is processed at once; the
  // RST comes back RTT/2 later. A retry costs a handshake and the request: done about 3 RTT after
  // the click (plus serialization at 100 Mbit/s, under a millisecond).
  const run = (method: 'GET' | 'POST', retryPolicy: TimeoutRaceValues['retryPolicy']) =>
    simulate(timeoutRaceScenario({ ...base, cause: 'reset', method, retryPolicy }));

  it('browser rule: the POST is resent, completes about 3 RTT after the click, and is processed twice', () => {
    const r = run('POST', 'browser');
    const f = followUpOutcome(r.trace);
    expect(f?.kind).toBe('retried');
    expect((f?.endMs ?? 0) - (f?.atMs ?? 0)).toBeGreaterThanOrEqual(300);
    expect((f?.endMs ?? 0) - (f?.atMs ?? 0)).toBeLessThan(301);
    expect(serverRuns(r.trace, f?.requestId ?? 0)).toEqual({ processed: 2, reset: 1 });
  });

  it('idempotent-only rule: the POST fails about 1 RTT after the click, processed once', () => {
    const r = run('POST', 'idempotent-only');
    const f = followUpOutcome(r.trace);
    expect(f?.kind).toBe('error');
    expect((f?.endMs ?? 0) - (f?.atMs ?? 0)).toBeGreaterThanOrEqual(100);
    expect((f?.endMs ?? 0) - (f?.atMs ?? 0)).toBeLessThan(101);
    expect(r.metrics.requests[1]?.error).toBe('connection-reset');
    expect(serverRuns(r.trace, f?.requestId ?? 0)).toEqual({ processed: 1, reset: 1 });
  });

  it.each(['browser', 'idempotent-only'] as const)(
    '%s rule: a GET is resent and processed twice',
    (policy) => {
      const r = run('GET', policy);
      expect(followUpOutcome(r.trace)?.kind).toBe('retried');
      expect(serverRuns(r.trace, 2).processed).toBe(2);
    },
  );
});
