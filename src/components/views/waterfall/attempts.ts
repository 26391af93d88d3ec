/**
 * Request attempts: the trace's request events grouped into one attempt per try of a request,
 * in trace order. A retry ends an attempt and starts the next at the time it was decided.
 */
import type { RequestEvent, Trace } from '../../../sim/trace';

/** One attempt of a request: its first event's facts, its steps by name, and how it ended. */
export interface Attempt {
  readonly requestId: number;
  readonly attempt: number;
  readonly path: string;
  readonly host: string;
  readonly method: string;
  readonly followUp: boolean;
  readonly startMs: number;
  /** The first event of each step other than the ending ones. */
  readonly steps: Map<string, RequestEvent>;
  /** `done`, `error` or `retry`, once it happened. */
  end?: RequestEvent;
  /** The latest time of an event of this attempt. */
  lastMs: number;
}

/** Groups request events into attempts, in trace order. */
export function attempts(trace: Trace): Attempt[] {
  const current = new Map<number, Attempt>();
  const out: Attempt[] = [];
  const open = (e: RequestEvent, attempt: number, startMs: number): Attempt => {
    const d: Attempt = {
      requestId: e.requestId,
      attempt,
      path: e.path,
      host: e.host,
      method: e.method,
      followUp: e.followUp,
      startMs,
      steps: new Map(),
      lastMs: startMs,
    };
    current.set(e.requestId, d);
    out.push(d);
    return d;
  };
  for (const e of trace) {
    if (e.type !== 'request') continue;
    let d = current.get(e.requestId);
    if (!d || (e.attempt > d.attempt && e.step !== 'retry')) {
      // A new attempt: after a retry, it started when the retry was decided.
      const startMs = d?.end?.step === 'retry' ? d.end.t : e.t;
      d = open(e, Math.max(e.attempt, d ? d.attempt + 1 : 1), startMs);
    } else if (d.end) {
      if (d.end.step !== 'retry') continue;
      d = open(e, d.attempt + 1, d.end.t);
    }
    d.lastMs = Math.max(d.lastMs, e.t);
    if (e.step === 'done' || e.step === 'error' || e.step === 'retry') d.end = e;
    else if (!d.steps.has(e.step)) d.steps.set(e.step, e);
  }
  return out;
}
