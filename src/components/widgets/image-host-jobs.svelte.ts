/**
 * The Image-host widget's simulation jobs (and any other widget's workload runs: the values and
 * the plan they make are the caller's; the Playground uses it too). The build computes the
 * starting values' main run and sweep and writes them into the page as JSON (no-JavaScript
 * readers see them; hydration reads them back). In the browser, every change of values starts a
 * job in a Web Worker: the main run first, then the sweep one run at a time, so the page shows
 * progress and input never stalls. A newer job replaces an older one by terminating its worker.
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SweepRow } from '../../sim/sweep';
import {
  runHost,
  runSweepRow,
  type HostJobPlan,
  type HostRun,
  type SweepSeries,
} from './image-host-runs';
import { providedSimulate } from './simulations.svelte';

/** A job for the worker. */
export interface ImageHostJob {
  readonly job: number;
  readonly main: ScenarioInput;
  readonly sweep: readonly SweepSeries[];
}

/** What the worker posts back, one message per finished run. */
export type ImageHostReply =
  | { readonly job: number; readonly kind: 'main'; readonly run: HostRun }
  | {
      readonly job: number;
      readonly kind: 'row';
      readonly series: number;
      readonly index: number;
      readonly row: SweepRow;
    }
  | { readonly job: number; readonly kind: 'error'; readonly message: string };

/** Rows of each sweep series (undefined: still computing). */
export type SweepRows = readonly (readonly (SweepRow | undefined)[])[];

/** Everything the page holds for one set of values. */
interface Computed {
  readonly run: HostRun;
  readonly sweep: readonly (readonly SweepRow[])[];
}

const ATTR = 'data-ka-host';

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
  readonly #id: string;
  readonly #plan: (values: V) => HostJobPlan;
  readonly #server = typeof document === 'undefined';
  #html = '';
  #key: string;
  #worker: Worker | undefined;
  #job = 0;
  /** The main run shown (the previous one while a new one computes). */
  run = $state.raw<HostRun>() as HostRun;
  /** The sweep rows; a row is undefined while it computes. */
  sweep = $state.raw<SweepRows>([]);
  /** True while the main run of the latest values computes. */
  computing = $state(false);
  /** The last job's error, if it failed. */
  error = $state<string>();

  constructor(id: string, values: V, plan: (values: V) => HostJobPlan) {
    this.#id = id;
    this.#plan = plan;
    this.#key = JSON.stringify(values);
    if (this.#server) {
      const c = computeOnServer(plan(values));
      this.run = c.run;
      this.sweep = c.sweep;
      return;
    }
    const script = document.querySelector(`script[${ATTR}="${CSS.escape(id)}"]`);
    if (!script?.textContent) throw new Error(`Widget "${id}" has no build-time runs in the page`);
    this.#html = script.outerHTML;
    const c = JSON.parse(script.textContent) as Computed & { key: string };
    this.#key = c.key;
    this.run = c.run;
    this.sweep = c.sweep;
  }

  /** Sweep runs finished and in all. */
  get progress(): { done: number; total: number } {
    let done = 0;
    let total = 0;
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
    this.#worker?.terminate();
    // The worker's address (Vite bundles the module it names), not reactive state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const worker = new Worker(new URL('./image-host.worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker = worker;
    const job = ++this.#job;
    const plan = this.#plan(values);
    const series = plan.sweep;
    this.computing = true;
    this.error = undefined;
    this.sweep = series.map((s) => s.runs.map(() => undefined));
    worker.addEventListener('message', (event: MessageEvent<ImageHostReply>) => {
      const reply = event.data;
      if (reply.job !== this.#job) return;
      if (reply.kind === 'main') {
        this.run = reply.run;
        this.computing = false;
      } else if (reply.kind === 'row') {
        this.sweep = this.sweep.map((rows, s) =>
          s === reply.series ? rows.map((r, i) => (i === reply.index ? reply.row : r)) : rows,
        );
      } else {
        this.computing = false;
        this.error = reply.message;
      }
    });
    worker.addEventListener('error', (event) => {
      if (job !== this.#job) return;
      this.computing = false;
      this.error = event.message || 'worker error';
    });
    const message: ImageHostJob = { job, main: plan.main, sweep: series };
    worker.postMessage(message);
  }

  /** Stops the worker (the widget is gone). */
  destroy(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  /** The build-time runs as a JSON script (server), or the same markup read from the page. */
  script(): string {
    if (!this.#server) return this.#html;
    const json = JSON.stringify({ key: this.#key, run: this.run, sweep: this.sweep }).replace(
      /</g,
      '\\u003c',
    );
    return `<script type="application/json" ${ATTR}="${this.#id}">${json}</script>`;
  }
}
