/**
 * The browser side of a widget's runs (`simulations.svelte.ts`) against a fake worker client:
 * each scenario is computed once, results come from the worker (never the main thread), a
 * stale run is dropped by resetting the worker, and `computing` says whether a wanted run is
 * missing. The worker itself is exercised end to end by the Playwright specs.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SimJobRequest } from '../../../src/components/sim-worker/client';
import type { SimReply } from '../../../src/components/sim-worker/protocol';
import { simulate } from '../../../src/sim/simulate';

interface Posted {
  readonly job: number;
  readonly request: SimJobRequest;
  readonly reply: (r: SimReply) => void;
}
const posted: Posted[] = [];
let resets = 0;

vi.mock('../../../src/components/sim-worker/client', () => ({
  SimWorkerClient: class {
    #next = 0;
    post(request: SimJobRequest, reply: (r: SimReply) => void): number {
      const job = ++this.#next;
      posted.push({ job, request, reply });
      return job;
    }
    finish(): void {}
    reset(): void {
      resets++;
    }
  },
}));

/** Answers a posted job as the worker would, by running the simulation. */
function answer(p: Posted): void {
  if (p.request.kind !== 'run') throw new Error('not a run');
  p.reply({ job: p.job, kind: 'run', result: simulate(p.request.input) });
}

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const scenario = (rttMs: number) => ({ network: { rttMs } });

let Simulations: typeof import('../../../src/components/widgets/simulations.svelte').Simulations;
beforeAll(async () => {
  // The module takes the browser path when a document exists.
  vi.stubGlobal('document', {});
  ({ Simulations } = await import('../../../src/components/widgets/simulations.svelte'));
});

describe('Simulations in the browser', () => {
  it('asks the worker once per scenario and shows the empty run until the result arrives', async () => {
    posted.length = 0;
    const sims = new Simulations('t1');
    const first = sims.run('result', scenario(100));
    expect(first.trace).toHaveLength(0);
    expect(sims.computing).toBe(true);
    sims.run('result', scenario(100));
    await tick();
    expect(posted).toHaveLength(1);
    answer(posted[0]!);
    // Shown in a task of its own after the one that read the message.
    expect(sims.computing).toBe(true);
    await tick();
    const done = sims.run('result', scenario(100));
    expect(done.trace.length).toBeGreaterThan(0);
    expect(done.metrics.pageLoadMs).toBe(simulate(scenario(100)).metrics.pageLoadMs);
    expect(sims.computing).toBe(false);
    expect(sims.current('result')).toBe(true);
  });

  it('keeps the previous result while new values compute, and drops a stale run', async () => {
    posted.length = 0;
    resets = 0;
    const sims = new Simulations('t2');
    sims.run('result', scenario(100));
    await tick();
    answer(posted[0]!);
    const shown = sims.run('result', scenario(100));
    sims.run('result', scenario(200));
    await tick();
    expect(resets).toBe(0); // nothing was computing
    expect(sims.run('result', scenario(200))).toBe(shown);
    expect(sims.current('result')).toBe(false);
    expect(sims.computing).toBe(true);
    sims.run('result', scenario(300)); // 200 is still computing: it is stale now
    await tick();
    expect(resets).toBe(1);
    expect(posted.map((p) => (p.request.kind === 'run' ? p.request.input : undefined))).toEqual([
      scenario(100),
      scenario(200),
      scenario(300),
    ]);
    answer(posted[2]!);
    await tick();
    expect(sims.run('result', scenario(300)).scenario.network.rttMs).toBe(300);
    expect(sims.computing).toBe(false);
  });

  it('serves recent scenarios from its cache without the worker', async () => {
    posted.length = 0;
    const sims = new Simulations('t3');
    sims.run('a', scenario(100));
    await tick();
    answer(posted[0]!);
    await tick();
    sims.run('a', scenario(200));
    await tick();
    answer(posted[1]!);
    await tick();
    const again = sims.run('a', scenario(100));
    await tick();
    expect(posted).toHaveLength(2);
    expect(again.scenario.network.rttMs).toBe(100);
    expect(sims.computing).toBe(false);
  });

  it('shows the runs of one update together, once none of them is still computing', async () => {
    posted.length = 0;
    const sims = new Simulations('t5');
    sims.run('a', scenario(100));
    sims.run('b', scenario(200));
    await tick();
    expect(posted).toHaveLength(2);
    answer(posted[0]!);
    await tick();
    // "a" has its result, but "b" computes: both still show what they showed (a comparison's
    // panes share a clock, so they are laid out once, when both are in).
    expect(sims.current('a')).toBe(false);
    expect(sims.current('b')).toBe(false);
    expect(sims.computing).toBe(true);
    answer(posted[1]!);
    await tick();
    expect(sims.current('a')).toBe(true);
    expect(sims.current('b')).toBe(true);
    expect(sims.run('b', scenario(200)).scenario.network.rttMs).toBe(200);
    expect(sims.computing).toBe(false);
  });

  it('reports a failed run and stops computing it', async () => {
    posted.length = 0;
    const sims = new Simulations('t4');
    sims.run('a', scenario(100));
    await tick();
    const p = posted[0]!;
    p.reply({ job: p.job, kind: 'error', message: 'boom' });
    await tick();
    expect(sims.error).toBe('boom');
    expect(sims.computing).toBe(false);
  });
});
