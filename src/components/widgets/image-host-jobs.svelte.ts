/**
 * The Image-host widget's simulation jobs (and any other widget's workload runs: the values and
 * the plan they make are the caller's; the Playground uses it too). The build computes the
 * starting values' main run and sweep for the static figure; nothing of it travels in the page.
 * In the browser every set of values is a job for the simulation worker (`sim-worker/`): the
 * main run first, then the sweep one run at a time, so the page shows progress and input never
 * stalls. A newer job replaces an older one by terminating the worker. The sweep is computed once
 * its chart is first on screen (`wantSweep`): a narrow widget starts on the server's chart, and
 * its sweep (14 runs, over 600 ms of the worker at the starting values, where the main run takes
 * 50) would otherwise keep a phone busy during the page's load for a chart not yet asked for.
 */
import type { SweepRow } from '../../sim/sweep';
import { SimWorkerClient } from '../sim-worker/client';
import type { SimReply } from '../sim-worker/protocol';
import {
  emptyHostRun,
  runHost,
  runSweepRow,
  type HostJobPlan,
  type HostRun,
} from './image-host-runs';
import { providedSimulate } from './simulations.svelte';

/** Rows of each sweep series (undefined: still computing). */
export type SweepRows = readonly (readonly (SweepRow | undefined)[])[];

/** Everything the page holds for one set of values. */
interface Computed {
  readonly run: HostRun;
  readonly sweep: readonly (readonly SweepRow[])[];
}

/** Build-time results by plan, shared by the pages of one build (both languages). */
// A plain map on purpose: a server-side cache, never read for reactivity.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const built = new Map<string, Computed>();

/** Computes a plan synchronously with the simulator the build provides. */
function computeOnServer(plan: HostJobPlan): Computed {
  const key = JSON.stringify(plan);
  const known = built.get(key);
  if (known) return known;
  const simulate = providedSimulate();
  if (!simulate) throw new Error('ImageHost renders on the server through WidgetMount.astro');
  const computed: Computed = {
    run: runHost(simulate, plan.main),
    sweep: plan.sweep.map((s) =>
      s.runs.map((r) => runSweepRow(simulate, r.scenario, r.keepAliveTimeoutMs)),
    ),
  };
  built.set(key, computed);
  return computed;
}

/** One widget's workload runs for values of type `V`, planned by `plan`. */
export class ImageHostJobs<V> {
  readonly #plan: (values: V) => HostJobPlan;
  readonly #server = typeof document === 'undefined';
  #key = '';
  /** The values shown (undefined before the first `request`). */
  #values: V | undefined;
  #worker: SimWorkerClient | undefined;
  /** The job whose main run is shown, and the one whose sweep is (0: none asked for). */
  #mainJob = 0;
  #sweepJob = 0;
  /** True once the sweep's chart has been on screen: every later job computes its sweep too. */
  #sweepWanted = false;
  /** The main run shown (the previous one while a new one computes; empty before the first). */
  run = $state.raw<HostRun>() as HostRun;
  /** The sweep rows; a row is undefined while it computes, or until the sweep is wanted. */
  sweep = $state.raw<SweepRows>([]);
  /** True while the sweep of the values shown is being computed or has been. */
  #sweepAsked = $state(false);
  /** True while the main run of the latest values computes. */
  computing = $state(false);
  /** The last job's error, if it failed. */
  error = $state<string>();

  /** `requests`: false for a widget that shows no workload for these values (nothing runs). */
  constructor(values: V, plan: (values: V) => HostJobPlan, requests = true) {
    this.#plan = plan;
    if (this.#server) {
      if (!requests) return;
      this.#key = JSON.stringify(values);
      const c = computeOnServer(plan(values));
      this.run = c.run;
      this.sweep = c.sweep;
      this.#sweepAsked = true;
      return;
    }
    const first = plan(values);
    this.run = emptyHostRun(first.main);
    this.sweep = first.sweep.map((s) => s.runs.map(() => undefined));
    this.computing = requests;
  }

  /** Sweep runs finished and in all (none in all until the sweep is asked for). */
  get progress(): { done: number; total: number } {
    let done = 0;
    let total = 0;
    if (!this.#sweepAsked) return { done, total };
    for (const rows of this.sweep) {
      total += rows.length;
      for (const r of rows) if (r !== undefined) done++;
    }
    return { done, total };
  }

  /** Shows `values`: nothing to do if shown already, else a new worker job (browser only). */
  request(values: V): void {
    const key = JSON.stringify(values);
    if (key === this.#key || this.#server) return;
    this.#key = key;
    this.#values = values;
    const worker = (this.#worker ??= new SimWorkerClient());
    worker.reset();
    this.computing = true;
    this.error = undefined;
    this.#mainJob = this.#post(worker, values, this.#sweepWanted);
    this.#sweepJob = this.#sweepWanted ? this.#mainJob : 0;
  }

  /**
   * The sweep's chart is on screen: computes the sweep of the values shown (after their main run,
   * in the same worker; the job's own main run is not shown again) and of every later set.
   */
  wantSweep(): void {
    if (this.#sweepWanted || this.#server) return;
    this.#sweepWanted = true;
    if (this.#values === undefined || this.#sweepJob !== 0) return;
    const worker = (this.#worker ??= new SimWorkerClient());
    this.#sweepJob = this.#post(worker, this.#values, true);
  }

  /** Posts the plan of `values` (its sweep if `withSweep`), with the sweep's rows reset. */
  #post(worker: SimWorkerClient, values: V, withSweep: boolean): number {
    const plan = this.#plan(values);
    this.sweep = plan.sweep.map((s) => s.runs.map(() => undefined));
    this.#sweepAsked = withSweep;
    const job = worker.post(
      { kind: 'plan', main: plan.main, sweep: withSweep ? plan.sweep : [] },
      (reply) => this.#receive(job, reply),
    );
    return job;
  }

  #receive(job: number, reply: SimReply): void {
    if (reply.kind === 'main') {
      if (job !== this.#mainJob) return;
      this.run = reply.run;
      this.computing = false;
    } else if (reply.kind === 'row') {
      if (job !== this.#sweepJob) return;
      this.sweep = this.sweep.map((rows, s) =>
        s === reply.series ? rows.map((r, i) => (i === reply.index ? reply.row : r)) : rows,
      );
    } else if (reply.kind === 'error') {
      if (job !== this.#mainJob && job !== this.#sweepJob) return;
      this.computing = false;
      this.error = reply.message;
    }
  }

  /** Stops the worker (the widget is gone). */
  destroy(): void {
    this.#worker?.reset();
    this.#worker = undefined;
  }
}
