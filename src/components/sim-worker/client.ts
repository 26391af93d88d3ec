/**
 * The page's side of the simulation worker: starts `sim.worker.ts` on the first job, numbers
 * jobs, routes each reply to its job's handler, and can drop every job at once by terminating
 * the worker (the only way to stop a simulation that is running). Each widget owns one client,
 * so a widget dropping its stale jobs never cancels another widget's.
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SimResult } from '../../sim/simulate';
import type { TraceEvent } from '../../sim/trace';
import type { SimJob, SimReply } from './protocol';

/** A job without its number (the client numbers it). */
export type SimJobRequest = SimJob extends infer J
  ? J extends SimJob
    ? Omit<J, 'job'>
    : never
  : never;

export class SimWorkerClient {
  #worker: Worker | undefined;
  #next = 0;
  /** Each unfinished job's reply handler (routing, never read for reactivity). */
  readonly #handlers = new Map<number, (reply: SimReply) => void>();
  /** The trace parts of runs still coming, by job (`TRACE_PART_EVENTS`). */
  readonly #parts = new Map<number, (readonly TraceEvent[])[]>();

  /** Posts `request`; `onReply` gets every reply of the job until `finish(job)` or `reset()`. */
  post(request: SimJobRequest, onReply: (reply: SimReply) => void): number {
    const job = ++this.#next;
    this.#handlers.set(job, onReply);
    this.#start().postMessage({ ...request, job } as SimJob);
    return job;
  }

  /** The job needs no more replies. */
  finish(job: number): void {
    this.#handlers.delete(job);
    this.#parts.delete(job);
  }

  /** Jobs posted and not finished. */
  get pending(): number {
    return this.#handlers.size;
  }

  /** Drops every job: terminates the worker (the next `post` starts a fresh one). */
  reset(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#handlers.clear();
    this.#parts.clear();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    // Vite bundles the module this URL names into one worker chunk for the whole site.
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<SimReply>) => {
      const reply = event.data;
      if (reply.kind === 'events') {
        // A part of a run's trace: read here, in this message's own task; kept for the run.
        if (!this.#handlers.has(reply.job)) return;
        const parts = this.#parts.get(reply.job);
        if (parts) parts.push(reply.events);
        else this.#parts.set(reply.job, [reply.events]);
        return;
      }
      const parts = this.#parts.get(reply.job);
      this.#parts.delete(reply.job);
      const whole: SimReply =
        reply.kind === 'run' && parts
          ? { ...reply, result: { ...reply.result, trace: parts.flat() } }
          : reply;
      this.#handlers.get(reply.job)?.(whole);
    });
    worker.addEventListener('error', (event) => {
      const message = event.message || 'the simulation worker failed to start';
      for (const [job, handler] of [...this.#handlers]) handler({ job, kind: 'error', message });
    });
    this.#worker = worker;
    return worker;
  }
}

let shared: SimWorkerClient | undefined;

/** One run off the main thread (exercises and other one-off questions share one worker). */
export function simulateOffThread(input: ScenarioInput): Promise<SimResult> {
  shared ??= new SimWorkerClient();
  const client = shared;
  return new Promise((resolve, reject) => {
    const job = client.post({ kind: 'run', input }, (reply) => {
      client.finish(job);
      if (reply.kind === 'run') resolve(reply.result);
      else if (reply.kind === 'error') reject(new Error(reply.message));
    });
  });
}
