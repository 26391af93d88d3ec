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
import { followUpOutcome } from '../../../src/components/widgets/trace-facts';
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

  it('a POST at the timeout moment is not retried: the request fails', () => {
    const r = simulate(timeoutRaceScenario({ ...base, method: 'POST' }));
    const m = r.metrics.requests.find((q) => q.followUp);
    expect(m?.retries).toBe(0);
    expect(m?.error).toBe('connection-closed');
    expect(followUpOutcome(r.trace)?.kind).toBe('error');
  });

  it('a click 500 ms early reuses the connection cleanly', () => {
    expect(outcome({ ...base, clickOffset: -500 })?.kind).toBe('reused');
  });

  it('a click 500 ms late finds the connection closed and opens a new one', () => {
    expect(outcome({ ...base, clickOffset: 500 })?.kind).toBe('new');
  });
});
