/**
 * The streams' stalls of each trace a widget shows, as the simulation measured them
 * (`metrics.streamStallMs.streams`, present for HTTP/2 and HTTP/3). The views read them here
 * instead of measuring them again from the trace, so the code that measures them (`stallSummary`
 * and its range sets) runs in the simulation worker only and no page loads it up front.
 * `simulations.svelte.ts` records every result it hands to a widget; tests record theirs.
 */
import type { StreamStall } from '../../sim/stalls';
import type { Trace } from '../../sim/trace';

const known = new WeakMap<Trace, readonly StreamStall[]>();

/** Records the stalls the simulation measured for `trace` (none: a trace without streams). */
export function rememberStalls(trace: Trace, streams: readonly StreamStall[] | undefined): void {
  known.set(trace, streams ?? []);
}

/** The stalls recorded for a trace with HTTP/2 or HTTP/3 connections. */
export function streamStallsOf(trace: Trace): readonly StreamStall[] {
  const streams = known.get(trace);
  if (streams === undefined) {
    throw new Error('no stalls recorded for this trace (rememberStalls)');
  }
  return streams;
}
