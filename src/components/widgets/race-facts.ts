/**
 * Facts of the keep-alive race's runs for its sentence, apart from `trace-facts.ts` so that only
 * the Race's code carries them.
 */
import type { Trace } from '../../sim';

/**
 * Connections the server closed on its keep-alive timer before `beforeMs` (the page load), each
 * counted once: the server starts the timer when it has written a response, so on a slow path it
 * can fire while the response is still on its way and the browser is about to reuse the
 * connection.
 */
export function serverTimeoutCloses(trace: Trace, beforeMs: number): number {
  const closed = new Set<number>();
  for (const e of trace) {
    if (e.t >= beforeMs) break;
    if (e.type === 'conn' && e.side === 'server' && e.reason === 'keep-alive-timeout')
      closed.add(e.conn);
  }
  return closed.size;
}

/**
 * Packets sent by `t` (ms), as the metrics strip counts them (`metricsTimeline`), for the sentence
 * alone: one pass, where building the strip's whole timeline for it cost 10 ms a trace at the
 * Race's heaviest values, in the task that shows the new runs.
 */
export function packetsBy(trace: Trace, t: number): number {
  let n = 0;
  for (const e of trace) if (e.type === 'packet' && e.t <= t) n += 1;
  return n;
}
