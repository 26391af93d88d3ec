/**
 * One clock for every view of a widget: the busy spans and the ladder height that all its panes
 * share, so a comparison's panes have the same time axis, the same scale and the same collapsed
 * quiet stretches (a stretch collapses only where every run is quiet).
 */
import type { Trace } from '../../sim/trace';
import { defaultLadderHeight } from './ladder/layout';
import { laneBusy } from './lanes';

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
  const spans: [number, number][] = [];
  for (const trace of traces) {
    // The lanes' spans (every event, packets send → arrival), plus each request's whole span.
    for (const span of laneBusy(trace)) spans.push(span);
    const requests = new Map<number, [number, number]>();
    for (const e of trace) {
      if (e.type !== 'request') continue;
      const r = requests.get(e.requestId);
      if (r === undefined) requests.set(e.requestId, [e.t, e.t]);
      else r[1] = Math.max(r[1], e.t);
    }
    for (const r of requests.values()) spans.push(r);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** The shared clock of a widget's traces. */
export function sharedClock(traces: readonly Trace[]): SharedClock {
  let packets = 0;
  let multiplexed = false;
  for (const trace of traces) {
    let n = 0;
    for (const e of trace) {
      if (e.type === 'packet') n++;
      else if (e.type === 'conn-open' && e.http !== undefined) multiplexed = true;
    }
    packets = Math.max(packets, n);
  }
  return { busy: sharedBusy(traces), ladderHeight: defaultLadderHeight(packets), multiplexed };
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
