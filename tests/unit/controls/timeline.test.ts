import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../src/components/controls/timeline';
import { simulate, type Trace } from '../../../src/sim';
import { handshakeScenario } from '../../../src/components/widgets/handshake-params';
import { maxQueueWait } from '../../../src/components/widgets/queue-facts';
import { lastActivity, shownEnd } from '../../../src/components/widgets/trace-facts';
import {
  pipelinedScenario,
  sequentialScenario,
} from '../../../src/components/widgets/pipelining-params';

const hs = simulate(handshakeScenario({ tls: 'tls1.3', rtt: 100 }));

describe('timelineOf', () => {
  it('timelineOf lists event times and packet arrivals once, sorted', () => {
    const { times } = timelineOf([hs.trace], hs.metrics.endMs);
    expect(times).toEqual([...new Set(times)].sort((a, b) => a - b));
    const firstArrival = hs.trace.find((e) => e.type === 'packet')?.arriveMs;
    expect(times).toContain(firstArrival);
  });

  it('timelineOf with endMs cuts the duration and the step times', () => {
    const tl = timelineOf([hs.trace], 120);
    expect(tl.duration).toBe(120);
    expect(Math.max(...tl.times)).toBeLessThanOrEqual(120);
  });

  it('timelineOf steps through the events of every trace on the one clock', () => {
    const short: Trace = [{ type: 'end', t: 5, events: 0, outcome: 'idle' }];
    const { times } = timelineOf([short, hs.trace], 120);
    expect(times).toContain(5);
    expect(times).toEqual(
      timelineOf([hs.trace], 120)
        .times.concat(5)
        .sort((a, b) => a - b),
    );
  });

  it('timelineOf reads the traces only when its times are first asked for, and once', () => {
    let reads = 0;
    const counted = {
      *[Symbol.iterator]() {
        reads += 1;
        yield* hs.trace;
      },
    } as unknown as Trace;
    const tl = timelineOf([counted], 120);
    expect(tl.duration).toBe(120);
    expect(reads).toBe(0);
    const first = tl.times;
    expect(tl.times).toBe(first);
    expect(reads).toBe(1);
  });
});

describe('trace facts', () => {
  it('shownEnd stops about a round trip after the page load, before idle timers', () => {
    const end = shownEnd([hs]);
    expect(end).toBe(lastActivity(hs.trace));
    expect(end).toBeLessThan(hs.metrics.endMs);
    expect(end).toBeGreaterThan(hs.metrics.pageLoadMs);
  });

  it('maxQueueWait is the slow first image time for pipelined requests, 0 sequentially', () => {
    const v = { rtt: 100, objects: 4, objectBytes: 2000, slowMs: 400 };
    expect(maxQueueWait(simulate(pipelinedScenario(v)).trace)).toBeCloseTo(400, 0);
    expect(maxQueueWait(simulate(sequentialScenario(v)).trace)).toBe(0);
  });
});
