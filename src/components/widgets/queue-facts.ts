/**
 * The server's queue read off a trace, for the Pipelining's sentence (a module of its own, so the
 * code every widget loads does not carry it).
 */
import type { Trace } from '../../sim';

/** Longest time a response waited in the server's queue after its request had arrived. */
export function maxQueueWait(trace: Trace): number {
  const received = new Map<number, number>();
  let wait = 0;
  for (const e of trace) {
    if (e.type !== 'request') continue;
    if (e.step === 'server-received') received.set(e.requestId, e.t);
    else if (e.step === 'server-start') {
      const r = received.get(e.requestId);
      if (r !== undefined) wait = Math.max(wait, e.t - r);
    }
  }
  return wait;
}
