/** The shared clock of a widget: its length and the times it steps through. */
import type { Trace } from '../../sim';

/** What a Playback plays: its length and the times of its events (sorted, unique). */
export interface Timeline {
  readonly duration: number;
  readonly times: readonly number[];
}

/**
 * A shared clock of `duration` ms for one or more traces (the widget chooses it: `shownEnd`). Its
 * times are the sorted unique event times (packet arrivals included) up to `duration`, made when
 * first stepped through, not with the clock: with thousands of packets the sort alone took 28 ms
 * of the 99 ms task that shows the Race's new runs (issue 14).
 */
export function timelineOf(traces: readonly Trace[], duration: number): Timeline {
  let times: number[] | undefined;
  return {
    duration,
    get times() {
      if (!times) {
        const set = new Set<number>();
        for (const trace of traces) {
          for (const e of trace) {
            set.add(e.t);
            if (e.type === 'packet' && e.arriveMs !== undefined) set.add(e.arriveMs);
          }
        }
        times = [...set].filter((x) => x <= duration).sort((a, b) => a - b);
      }
      return times;
    },
  };
}
