import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import { pageLoadScenario, pageLoadSchema } from '../../../src/components/widgets/page-load-params';
import {
  followUpOutcome,
  lastActivity,
  lastRequestEnd,
  shownEndWithCloses,
} from '../../../src/components/widgets/trace-facts';
import { simulate } from '../../../src/sim';

const page = defaults(pageLoadSchema);

describe('lastRequestEnd', () => {
  it('is the end of the follow-up when there is one, else the page-load time', () => {
    const plain = simulate(pageLoadScenario(page));
    expect(lastRequestEnd(plain.trace)).toBe(plain.metrics.pageLoadMs);
    const click = simulate(pageLoadScenario({ ...page, followUpAt: 3000 }));
    const f = click.metrics.requests.find((r) => r.followUp);
    expect(lastRequestEnd(click.trace)).toBe(f?.doneMs);
  });
});

describe('shownEndWithCloses', () => {
  it('runs to the last packet (the keep-alive FINs) when it comes before the bound', () => {
    const r = simulate(pageLoadScenario(page));
    expect(shownEndWithCloses([r], () => Infinity)).toBe(lastActivity(r.trace));
    expect(lastActivity(r.trace)).toBeGreaterThan(5000);
  });

  it('stops 1.25 RTT after the last request when the closes come after the bound', () => {
    const r = simulate(pageLoadScenario(page));
    expect(shownEndWithCloses([r], () => 0)).toBeCloseTo(r.metrics.pageLoadMs + 125, 6);
  });

  it('includes a follow-up seconds after the page load', () => {
    const r = simulate(pageLoadScenario({ ...page, followUpAt: 20000, serverTimeout: 120000 }));
    const end = shownEndWithCloses([r], () => 0);
    expect(end).toBeGreaterThan(20000);
    expect(end).toBeCloseTo(lastRequestEnd(r.trace) + 125, 6);
  });
});

describe('followUpOutcome', () => {
  it('is undefined without a follow-up', () => {
    expect(followUpOutcome(simulate(pageLoadScenario(page)).trace)).toBeUndefined();
  });

  it('reports a reuse before the server timeout and a new connection after it', () => {
    const early = followUpOutcome(simulate(pageLoadScenario({ ...page, followUpAt: 3000 })).trace);
    expect(early).toMatchObject({ kind: 'reused', atMs: 3000 });
    const late = followUpOutcome(simulate(pageLoadScenario({ ...page, followUpAt: 8000 })).trace);
    expect(late).toMatchObject({ kind: 'new', atMs: 8000, conn: 6, firstConn: 6 });
  });
});
