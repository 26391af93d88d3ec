/** The shared clock of a widget: its length and the times it steps through. */
import type { Trace } from '../../sim';

/** What a Playback plays: its length and the times of its events (sorted, unique). */
export interface Timeline {
  readonly duration: number;
  readonly times: readonly number[];
}

/** The end of a trace (its `end` event, else its last event). */
export function traceEnd(trace: Trace): number {
  let end = 0;
  for (const e of trace) if (e.t > end) end = e.t;
  return end;
}

/**
 * Sorted unique event times (packet arrivals included) of one or more traces on one shared clock. The duration is `endMs`
 * when given (events after it are not stepped to), else the latest trace end.
 */
export function timelineOf(traces: readonly Trace[], endMs?: number): Timeline {
  const set = new Set<number>();
  let duration = 0;
  for (const trace of traces) {
    for (const e of trace) {
      set.add(e.t);
      if (e.type === 'packet' && e.arriveMs !== undefined) set.add(e.arriveMs);
    }
    duration = Math.max(duration, traceEnd(trace));
  }
  if (endMs !== undefined) duration = endMs;
  const times = [...set].filter((x) => x <= duration).sort((a, b) => a - b);
  return { duration, times };
}
