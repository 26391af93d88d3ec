/**
 * One clock for every view of a widget: the busy spans and the ladder height that all its panes
 * share, so a comparison's panes have the same time axis, the same scale and the same collapsed
 * quiet stretches (a stretch collapses only where every run is quiet).
 */
import type { Trace } from '../../sim/trace';
import { mergeSpans, traceClock } from './trace-clock';

/** Default diagram height for a number of packets: 22 px per packet, between 280 and 640 px. */
export function defaultLadderHeight(packetCount: number): number {
  return Math.min(640, Math.max(280, 60 + 22 * packetCount));
}

/** The clock shared by a widget's views. */
export interface SharedClock {
  /** Busy spans of every trace, merged (sorted, disjoint). */
  readonly busy: readonly (readonly [number, number])[];
  /** Ladder height (px) that fits the run with the most packets. */
  readonly ladderHeight: number;
  /**
   * Some run has an HTTP/2 or HTTP/3 connection: every waterfall then keeps the wider label
   * column of multiplexed rows, so all start their time axis at the same x.
   */
  readonly multiplexed: boolean;
}

/**
 * Busy spans of several traces, merged: every event is a moment of activity, every packet is
 * busy from sending to arrival (or to the end of serialization when dropped) and every request
 * from its first to its last event. This covers what each view would collapse around on its own
 * (the ladder's packets, the lanes' events, the waterfall's rows).
 */
export function sharedBusy(traces: readonly Trace[]): [number, number][] {
  // The union of each trace's merged spans is the merge of all their spans.
  return mergeSpans(traces.flatMap((t) => traceClock(t).busy.map((s): [number, number] => [...s])));
}

/** The last clock of the traces whose first trace is the key, with those traces. */
const lastClocks = new WeakMap<Trace, { traces: readonly Trace[]; clock: SharedClock }>();

/**
 * The shared clock of a widget's traces. Asked again for the same traces (a widget's inputs
 * changed and its runs still show their previous results), it returns the same object, so no
 * view lays itself out again for nothing.
 */
export function sharedClock(traces: readonly Trace[]): SharedClock {
  const first = traces[0];
  const last = first === undefined ? undefined : lastClocks.get(first);
  if (last && last.traces.length === traces.length && last.traces.every((t, i) => t === traces[i]))
    return last.clock;
  let packets = 0;
  let multiplexed = false;
  for (const trace of traces) {
    const c = traceClock(trace);
    packets = Math.max(packets, c.packets);
    multiplexed ||= c.multiplexed;
  }
  const clock = {
    busy: sharedBusy(traces),
    ladderHeight: defaultLadderHeight(packets),
    multiplexed,
  };
  if (first !== undefined) lastClocks.set(first, { traces: [...traces], clock });
  return clock;
}

/** Width (px) of the waterfall's connection-id column, left of its request labels. */
export const CONN_COLUMN_PX = 40;

/**
 * Where the time axis of the horizontal views (waterfall, connection lanes) starts at a width:
 * after the waterfall's connection and request columns, the request column wider when rows also
 * name their stream. Both views start their axis here, so a time is at the same x in both.
 */
export function rowsAxisLeft(width: number, wide: boolean): { labelWidth: number; x0: number } {
  const labelWidth = Math.round(
    wide ? Math.min(230, Math.max(136, width * 0.34)) : Math.min(200, Math.max(84, width * 0.26)),
  );
  return { labelWidth, x0: CONN_COLUMN_PX + labelWidth + 8 };
}
