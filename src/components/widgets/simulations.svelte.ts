/**
 * A widget's simulation runs. On the server (the build), a run is computed on the spot with the
 * simulator the page provides, so the static figure every widget renders for readers without
 * JavaScript is the simulation's. In the browser nothing of it travels in the page: the widget
 * asks again, and the runs are computed in the simulation worker (`sim-worker/`), off the main
 * thread, so input never waits for the simulation.
 *
 * `run(name, input)` is called from a widget's `$derived`s: it returns the run's result for
 * `input` if it is known, and otherwise the run's previous result (or, before the first one, an
 * empty run of the scenario) while the worker computes; when the result arrives the `$derived`s
 * run again. Runs the widget no longer wants are dropped by terminating the worker.
 */
import type { DropRule } from '../../sim/link';
import type { Scenario, ScenarioInput } from '../../sim/scenario';
import type { Trace } from '../../sim/trace';
import { EMPTY_METRICS } from '../../sim/metrics';
import { rememberStalls } from '../views/trace-stalls';
import { traceClock } from '../views/trace-clock';
import type { SimResult, Simulate } from '../../sim/simulate';
import { SimWorkerClient } from '../sim-worker/client';

/** The simulator the build provides (server only). */
let engine: Simulate | undefined;

/** Server side: gives widgets the simulator for the build (WidgetMount.astro). */
export function provideSimulate(simulate: Simulate): void {
  engine = simulate;
}

/** The simulator provided for the build (server rendering), if any. */
export function providedSimulate(): Simulate | undefined {
  return engine;
}

/** Results kept per widget by scenario, so going back to recent values needs no new run. */
const CACHE_SIZE = 12;

/**
 * The run of `input` before its result exists: no events, and the input's own sections as its
 * scenario (defaults are not filled in: the validator stays out of the page's code). Never drawn
 * (a widget is shown once every run has its result), but it keeps every `$derived` computable.
 */
function emptyRun(input: ScenarioInput): SimResult {
  const i = input as Record<string, unknown>;
  const section = (key: string): object => ({ ...(i[key] as object | undefined) });
  const scenario = {
    ...i,
    network: section('network'),
    tcp: section('tcp'),
    http: section('http'),
    client: section('client'),
    server: section('server'),
    page: section('page'),
    quic: section('quic'),
  } as unknown as Scenario;
  return { scenario, trace: [], metrics: EMPTY_METRICS };
}

interface Job {
  readonly run: string;
  readonly key: string;
}

/** One widget's simulation runs. */
export class Simulations {
  readonly #id: string;
  readonly #server = typeof document === 'undefined';
  // Plain maps on purpose: bookkeeping read through `#version`, never for reactivity.
  /** The latest scenario (`JSON.stringify` of the input) each run asked for, and its input. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #wanted = new Map<string, { key: string; input: ScenarioInput; base: string }>();
  /** The result each run shows: its latest, or its previous one while the latest computes. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #shown = new Map<string, { key: string; result: SimResult }>();
  /** Recent results by scenario (insertion order = age). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #cache = new Map<string, SimResult>();
  /** Jobs posted to the worker and not answered, by job number. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #inFlight = new Map<number, Job>();
  /** Runs waiting for another run's result before they can be asked for (`waiting`). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #waiting = new Set<string>();
  /** Scenarios whose run failed: not asked for again, and not waited for. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #failed = new Set<string>();
  /**
   * Packets the reader dropped ("drop this packet"), per run, with the scenario they were dropped
   * from: applied while the run asks for that scenario; other values start afresh.
   */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #drops = new Map<string, [base: string, rules: readonly DropRule[]]>();
  #worker: SimWorkerClient | undefined;
  #flushQueued = false;
  /** Bumped when a result arrives: the `$derived`s that called `run` read it. */
  #version = $state(0);
  /** True while some run's latest scenario has no result yet. */
  #computing = $state(true);
  /** The last run's error, if one failed. */
  #error = $state<string>();

  constructor(id: string) {
    this.#id = id;
    if (this.#server) this.#computing = false;
  }

  /** True while a run the widget shows is still computing (its previous result is shown). */
  get computing(): boolean {
    return this.#computing;
  }

  /** The message of the last run that failed in the worker, if any. */
  get error(): string | undefined {
    return this.#error;
  }

  /** The result of `input` for the run named `name` ("result", "http10"…); see the header. */
  run(name: string, asked: ScenarioInput): SimResult {
    void this.#version;
    const base = JSON.stringify(asked);
    const rules = this.#drops.get(name);
    const input =
      rules?.[0] === base && rules[1].length > 0
        ? {
            ...asked,
            network: { ...asked.network, drop: [...(asked.network?.drop ?? []), ...rules[1]] },
          }
        : asked;
    const key = input === asked ? base : JSON.stringify(input);
    if (this.#server) return this.#runOnServer(name, key, input);
    this.#waiting.delete(name);
    this.#wanted.set(name, { key, input, base });
    const cached = this.#cache.get(key);
    if (cached) this.#shown.set(name, { key, result: cached });
    this.#queueFlush();
    const shown = this.#shown.get(name)?.result ?? emptyRun(input);
    if (!this.#shown.has(name)) this.#shown.set(name, { key: '', result: shown });
    return shown;
  }

  /** Whether the run named `name` shows the result of the scenario it last asked for. */
  current(name: string): boolean {
    void this.#version;
    const shown = this.#shown.get(name);
    return this.#server ? shown !== undefined : shown?.key === this.#wanted.get(name)?.key;
  }

  /**
   * The run named `name` while the scenario it needs depends on another run still computing:
   * its previous result (or the empty run of `input`), asking the worker for nothing.
   */
  waiting(name: string, input: ScenarioInput): SimResult {
    void this.#version;
    // Still to compute: the widget counts as computing until it is asked for and arrives (so a
    // widget goes live only once every run it shows is drawn).
    if (!this.#server && !this.#waiting.has(name)) {
      this.#waiting.add(name);
      this.#queueFlush();
    }
    return this.#shown.get(name)?.result ?? emptyRun(input);
  }

  /**
   * The packets the reader dropped in the run showing `trace`; given `rules`, they replace those
   * and the run goes again (the packet inspector's "drop this packet" and "run again without").
   */
  dropped(trace: Trace, rules?: readonly DropRule[]): readonly DropRule[] {
    void this.#version;
    for (const [name, shown] of this.#shown) {
      const wanted = this.#wanted.get(name);
      if (shown.result.trace !== trace || !wanted) continue;
      const drops = this.#drops.get(name);
      if (rules) {
        this.#drops.set(name, [wanted.base, rules]);
        this.#version++;
      }
      return drops?.[0] === wanted.base ? drops[1] : [];
    }
    return [];
  }

  /** Stops the worker (the widget is gone). */
  destroy(): void {
    this.#worker?.reset();
    this.#inFlight.clear();
  }

  #runOnServer(name: string, key: string, input: ScenarioInput): SimResult {
    if (!engine) {
      throw new Error(`Widget "${this.#id}" renders on the server through WidgetMount.astro`);
    }
    const result = this.#cache.get(key) ?? engine(input);
    rememberStalls(result.trace, result.metrics.streamStallMs?.streams);
    this.#cache.set(key, result);
    this.#shown.set(name, { key, result });
    return result;
  }

  /** After the `$derived`s of one update have asked for their runs, posts what is missing. */
  #queueFlush(): void {
    if (this.#flushQueued) return;
    this.#flushQueued = true;
    queueMicrotask(() => {
      this.#flushQueued = false;
      this.#flush();
    });
  }

  #flush(): void {
    // Plain sets on purpose: local bookkeeping of one flush.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const wantedKeys = new Set([...this.#wanted.values()].map((w) => w.key));
    const stale = [...this.#inFlight.values()].some((j) => !wantedKeys.has(j.key));
    const worker = (this.#worker ??= new SimWorkerClient());
    if (stale) {
      // A run nobody wants is computing: stop it, and post again what is still wanted.
      worker.reset();
      this.#inFlight.clear();
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const posted = new Set([...this.#inFlight.values()].map((j) => j.key));
    for (const [name, { key, input }] of this.#wanted) {
      if (this.#shown.get(name)?.key === key || posted.has(key) || this.#failed.has(key)) continue;
      posted.add(key);
      const job = worker.post({ kind: 'run', input }, (reply) => {
        worker.finish(job);
        this.#inFlight.delete(job);
        if (reply.kind === 'run') this.#arrived(key, reply.result);
        else if (reply.kind === 'error') {
          this.#failed.add(key);
          this.#error = reply.message;
        }
        // Shown in a task of its own: this one has just read the result off the message.
        setTimeout(() => {
          this.#publish();
          this.#update();
        }, 0);
      });
      this.#inFlight.set(job, { run: name, key });
    }
    this.#update();
  }

  /**
   * Keeps a result. It is shown by `#publish` once no wanted run is still computing: the runs of
   * a comparison share a clock, so showing each as it arrives would lay out every pane once per
   * run instead of once (issue 14: no long task while a widget recomputes).
   */
  #arrived(key: string, result: SimResult): void {
    rememberStalls(result.trace, result.metrics.streamStallMs?.streams);
    // The clock's walk of the trace, here in this result's own task rather than in the one that
    // shows every run of the widget.
    traceClock(result.trace);
    this.#cache.delete(key);
    this.#cache.set(key, result);
    if (this.#cache.size > CACHE_SIZE) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#error = undefined;
  }

  /** Shows the wanted runs' known results, unless one of them is still computing. */
  #publish(): void {
    const wanted = [...this.#wanted.values()];
    if ([...this.#inFlight.values()].some((j) => wanted.some((w) => w.key === j.key))) return;
    for (const [name, w] of this.#wanted) {
      const cached = this.#cache.get(w.key);
      if (cached) this.#shown.set(name, { key: w.key, result: cached });
    }
    this.#version++;
  }

  /** Recomputes `computing`: some wanted run without its result, or a run still waiting. */
  #update(): void {
    const missing =
      this.#waiting.size > 0 ||
      [...this.#wanted].some(
        ([name, w]) => this.#shown.get(name)?.key !== w.key && !this.#failed.has(w.key),
      );
    if (missing !== this.#computing) this.#computing = missing;
  }
}
