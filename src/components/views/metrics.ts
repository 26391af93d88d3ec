/**
 * Metrics "so far": derived from the trace up to playback time t with the simulation's own
 * definitions (`src/sim/metrics.ts`: `pageLoad`, `handshakeRoundTripsOf`, `endsRequest`,
 * `isMultiplexed`, `stallSummary`), so at the trace's end they are its final metrics (tests hold
 * the two equal). This module only indexes them by time:
 * - page load: shown once every page request (not a follow-up) has ended, done or failed;
 * - handshake round trips: counted when a connection opens;
 * - stalls (traces with an HTTP/2 or HTTP/3 connection only): each stream's united stall
 *   intervals as the simulation measured them (`stallSummary`, recorded with the trace in
 *   `trace-stalls.ts`), the part before t (`stalledBy`), summed over streams, for both
 *   kinds (head-of-line blocked, waiting for its own lost data): a stall grows while the bytes
 *   wait and the totals end at the simulation's `streamStallMs`.
 */
import {
  endsRequest,
  handshakeRoundTripsOf,
  isMultiplexed,
  pageLoad,
  stalledBy,
} from '../../sim/metrics';
import type { Trace } from '../../sim/trace';
import { bisectRight } from 'd3-array';
import { streamStallsOf } from './trace-stalls';

/** Metrics of a trace up to time t. */
export interface ViewMetrics {
  /** t clamped to [0, end of trace]. */
  readonly atMs: number;
  /**
   * True when no figure changes after t: t is at or after the last event that counts (a
   * connection opened, a packet sent, a request's step), so the values are final even if the
   * clock stops before the trace's end, and not final if a packet is still to come.
   */
  readonly final: boolean;
  /** When every page request has finished (done or failed), if that happened by t. */
  readonly pageLoadMs?: number;
  readonly connectionsOpened: number;
  readonly packets: number;
  readonly packetsDropped: number;
  /** Per opened connection: 1 TCP round trip plus its TLS round trips. */
  readonly handshakeRoundTrips: number;
  /** Requests (page requests and follow-up clicks) completed successfully by t. */
  readonly requestsDone: number;
  /** Requests that had failed for good by t (an error after the browser's retries). */
  readonly requestsFailed: number;
  /** Distinct requests (page requests and follow-up clicks) queued by t. */
  readonly requests: number;
  /** HTTP/2 and HTTP/3 only: stall time of both kinds, summed over streams, up to t (ms). */
  readonly stallMs?: number;
  /** HTTP/2 and HTTP/3 only: time streams were head-of-line blocked, summed, up to t (ms). */
  readonly headOfLineMs?: number;
  /** HTTP/2 and HTTP/3 only: time streams waited for their own lost data, summed, up to t (ms). */
  readonly ownDataMs?: number;
}

/**
 * Precomputes a trace's running metrics once, so each frame costs a few binary searches: returns
 * the function from playback time t to the metrics at t.
 */
export function metricsTimeline(trace: Trace): (t: number) => ViewMetrics {
  let endMs = 0;
  /** The last event that changes a figure (stalls end with their request's last step). */
  let lastChangeMs = 0;
  const openTimes: number[] = [];
  const handshakeCum: number[] = [0];
  const packetTimes: number[] = [];
  const droppedCum: number[] = [0];
  const requestTimes: number[] = [];
  const doneTimes: number[] = [];
  const failedTimes: number[] = [];
  const counted = new Set<number>();
  /** Each page request's end (null until it has ended). */
  const ends = new Map<number, number | null>();
  let multiplexed = false;
  for (const e of trace) {
    endMs = Math.max(endMs, e.t);
    if (e.type === 'conn-open' || e.type === 'packet' || e.type === 'request') {
      lastChangeMs = Math.max(lastChangeMs, e.t);
    }
    if (e.type === 'conn-open') {
      openTimes.push(e.t);
      handshakeCum.push((handshakeCum.at(-1) ?? 0) + handshakeRoundTripsOf(e));
      if (isMultiplexed(e)) multiplexed = true;
    } else if (e.type === 'packet') {
      packetTimes.push(e.t);
      droppedCum.push((droppedCum.at(-1) ?? 0) + (e.dropped ? 1 : 0));
    } else if (e.type === 'request') {
      // Counted: every request, follow-up clicks too; the page load waits for page requests only.
      if (!counted.has(e.requestId)) {
        counted.add(e.requestId);
        requestTimes.push(e.t);
      }
      if (e.step === 'done') doneTimes.push(e.t);
      else if (e.step === 'error') failedTimes.push(e.t);
      if (e.followUp) continue;
      if (endsRequest(e)) ends.set(e.requestId, e.t);
      else if (!ends.has(e.requestId)) ends.set(e.requestId, null);
    }
  }
  const load = pageLoad([...ends.values()].map((endMs) => ({ followUp: false, endMs })));
  const loadMs = load.count > 0 && load.allEnded ? load.ms : undefined;
  let finalMetrics: ViewMetrics | undefined;
  const stallStreams = multiplexed ? streamStallsOf(trace) : [];
  const stallAt = (t: number): Pick<ViewMetrics, 'stallMs' | 'headOfLineMs' | 'ownDataMs'> => {
    const s = stalledBy(stallStreams, t);
    return { stallMs: s.total, headOfLineMs: s.headOfLine, ownDataMs: s.ownData };
  };
  const running = (t: number): ViewMetrics => {
    const opened = bisectRight(openTimes, t);
    const sent = bisectRight(packetTimes, t);
    return {
      atMs: Math.min(Math.max(0, t), endMs),
      final: t >= lastChangeMs,
      ...(loadMs !== undefined && loadMs <= t ? { pageLoadMs: loadMs } : {}),
      connectionsOpened: opened,
      packets: sent,
      packetsDropped: droppedCum[sent] ?? 0,
      handshakeRoundTrips: handshakeCum[opened] ?? 0,
      requestsDone: bisectRight(doneTimes, t),
      requestsFailed: bisectRight(failedTimes, t),
      requests: bisectRight(requestTimes, t),
      ...(multiplexed ? stallAt(t) : {}),
    };
  };
  return (t) => {
    if (t < endMs) return running(t);
    finalMetrics ??= { ...running(endMs), final: true };
    return finalMetrics;
  };
}

/** The metrics of a trace up to time t (for one-off use; views keep a `metricsTimeline`). */
export function metricsAt(trace: Trace, t: number): ViewMetrics {
  return metricsTimeline(trace)(t);
}
