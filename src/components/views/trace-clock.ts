/**
 * What the shared clock (`clock.ts`) needs of one trace, computed once per trace and kept with it:
 * its busy spans (`laneBusy`, which the lanes' axis uses too), merged, its packet count and
 * whether it multiplexes. Apart from `clock.ts` so that a widget can compute it when a run
 * arrives from the worker, in that message's own task, without loading the ladder's layout
 * (issue 14).
 */
import type { Trace } from '../../sim/trace';

/**
 * Busy intervals for the lanes' time axis: every event is a moment of activity and every packet
 * is busy from sending to arrival, so collapsed gaps are stretches where nothing happens at all.
 */
export function laneBusy(trace: Trace): [number, number][] {
  return trace.map((e): [number, number] =>
    e.type === 'packet' ? [e.sendMs, e.arriveMs ?? e.txEndMs] : [e.t, e.t],
  );
}

/** Sorts spans and merges those that overlap or touch (sorted, disjoint). */
export function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** What the clock needs of one trace: its busy spans (merged), packets, and multiplexing. */
export interface TraceClock {
  readonly busy: readonly (readonly [number, number])[];
  readonly packets: number;
  readonly multiplexed: boolean;
}

/**
 * Per trace, computed once: a trace never changes, and a widget's other runs keep theirs while
 * one run's inputs change, so only the new trace is walked (issue 14: input never blocks).
 */
const traceClocks = new WeakMap<Trace, TraceClock>();

/**
 * What the clock needs of `trace`, computed once and kept with it. A widget calls it when a run
 * arrives from the worker, in that message's own task, so the task that shows the runs only
 * merges (issue 14).
 */
export function traceClock(trace: Trace): TraceClock {
  const known = traceClocks.get(trace);
  if (known) return known;
  // The lanes' spans (every event, packets send → arrival), plus each request's whole span.
  const spans = laneBusy(trace);
  const requests = new Map<number, [number, number]>();
  let packets = 0;
  let multiplexed = false;
  for (const e of trace) {
    if (e.type === 'packet') packets++;
    else if (e.type === 'conn-open' && e.http !== undefined) multiplexed = true;
    else if (e.type === 'request') {
      const r = requests.get(e.requestId);
      if (r === undefined) requests.set(e.requestId, [e.t, e.t]);
      else r[1] = Math.max(r[1], e.t);
    }
  }
  for (const r of requests.values()) spans.push(r);
  const clock = { busy: mergeSpans(spans), packets, multiplexed };
  traceClocks.set(trace, clock);
  return clock;
}
