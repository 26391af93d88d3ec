/** Metrics derived from a trace only (never from simulator internals). */
import type { HttpMethod, RequestError, Side, StallCause, Trace } from './trace';

/** Timings of one logical request (its final attempt). Times in ms; null when it never happened. */
export interface RequestMetrics {
  readonly requestId: number;
  readonly path: string;
  readonly host: string;
  readonly method: HttpMethod;
  readonly followUp: boolean;
  /** Connection of the final attempt. */
  readonly connectionId: number | null;
  /** The final attempt went on a connection that had carried an earlier request. */
  readonly reused: boolean;
  readonly queuedMs: number;
  readonly sentMs: number | null;
  readonly firstByteMs: number | null;
  readonly doneMs: number | null;
  /** Set when the request failed for good. */
  readonly error: RequestError | null;
  readonly errorMs: number | null;
  /** Number of retries (0 or 1). */
  readonly retries: number;
  /** Response bytes received (headers + body). */
  readonly bytes: number;
}

/** A stall interval of one kind (ms): bytes of a stream waited over [startMs, endMs). */
export interface StallInterval {
  readonly startMs: number;
  readonly endMs: number;
  readonly cause: StallCause;
}

/**
 * Stall time of one stream on one receiving side: the measure of the union of its `stream-stall`
 * intervals, clipped to the stream's lifetime, so never longer than that lifetime. Split by kind
 * so that the two parts add up: where intervals of both kinds overlap, the stream was waiting for
 * its own lost data (it would have waited even if ordered on its own), so that instant counts as
 * `ownDataMs`; `headOfLineMs` is the time it waited only behind other data.
 */
export interface StreamStall {
  readonly conn: number;
  readonly side: Side;
  readonly stream: number;
  /** The stream's request (null for none). */
  readonly requestId: number | null;
  /** The stream's lifetime (ms): its request sent → done or error (trace end when neither). */
  readonly lifetime: { readonly startMs: number; readonly endMs: number };
  /** Waiting time of either kind (ms) = headOfLineMs + ownDataMs. */
  readonly ms: number;
  /** Head-of-line blocked: bytes arrived but waited behind a hole of other data (TCP, HTTP/2). */
  readonly headOfLineMs: number;
  /** Waiting for its own lost data (every QUIC stream stall; HTTP/2 when the hole was its own). */
  readonly ownDataMs: number;
  /** The union as sorted, disjoint intervals, each of one kind (own data wins an overlap). */
  readonly intervals: readonly StallInterval[];
}

/** Totals of one stall kind (or of both) over every stream. */
export interface StallTotals {
  /** Sum over streams (and receiving sides) of each stream's united waiting time (ms). */
  readonly total: number;
  /** The longest single stream's united waiting time (ms). */
  readonly longest: number;
  /** Streams (conn, stream id) that waited, on either side. */
  readonly count: number;
}

/**
 * Stall metrics of a trace: both kinds together (`total`, `longest`, `count`), each kind, and
 * every stream that waited (ordered by connection, side, stream).
 */
export interface StallSummary extends StallTotals {
  readonly headOfLine: StallTotals;
  readonly ownData: StallTotals;
  readonly streams: readonly StreamStall[];
}

/** Summary metrics of one simulation. */
export interface Metrics {
  /** When the last page request (HTML and objects; not follow-ups) finished, done or failed (ms). */
  readonly pageLoadMs: number;
  /** True when every page request completed without error. */
  readonly pageComplete: boolean;
  /** TCP connections the client opened. */
  readonly connectionsOpened: number;
  readonly packets: {
    readonly total: number;
    readonly dropped: number;
    readonly retransmitted: number;
  };
  /** Wire bytes (payload + 40 B headers) per direction, dropped packets included. */
  readonly wireBytes: { readonly c2s: number; readonly s2c: number };
  /** Engine events executed. */
  readonly events: number;
  /** Time of the last event (all sockets closed when the run ended idle). */
  readonly endMs: number;
  /**
   * Round trips spent on handshakes, summed over every connection opened: 1 for TCP plus the
   * TLS round trips (2 for TLS 1.2, 1 for TLS 1.3, 0 for TLS 1.3 0-RTT); QUIC 1 (transport and
   * TLS together), 0 with 0-RTT. Counted from the protocol, not measured.
   */
  readonly handshakeRoundTrips: number;
  /**
   * Handshake round trips on the critical path. A request "waited for" its connection's
   * handshake when the connection was opened at or after the request was queued and the request
   * left the moment the connection became ready (client ESTABLISHED, or TLS done). Counted: the
   * last page request's handshake if it waited, plus the HTML's if it waited and the last request
   * was discovered from the HTML (queued when the HTML was done).
   */
  readonly criticalPathHandshakeRoundTrips: number;
  readonly requests: readonly RequestMetrics[];
  /**
   * Multiplexed connections only (absent for HTTP/1.x, so older traces' metrics are unchanged):
   * time streams had bytes that arrived but could not be delivered, per stream the measure of
   * the union of its stall intervals within its lifetime, split into head-of-line blocked and
   * waiting for its own lost data (`stallSummary`).
   */
  readonly streamStallMs?: StallSummary;
}

interface Acc {
  requestId: number;
  path: string;
  host: string;
  method: HttpMethod;
  followUp: boolean;
  connectionId: number | null;
  reused: boolean;
  queuedMs: number;
  sentMs: number | null;
  firstByteMs: number | null;
  doneMs: number | null;
  error: RequestError | null;
  errorMs: number | null;
  retries: number;
  bytes: number;
}

/** Computes metrics from a trace. */
export function computeMetrics(trace: Trace): Metrics {
  const reqs = new Map<number, Acc>();
  const connRt = new Map<number, number>();
  const conns = new Map<number, { openMs: number; readyMs: number; tls: boolean }>();
  let total = 0;
  let dropped = 0;
  let retransmitted = 0;
  let c2s = 0;
  let s2c = 0;
  let events = 0;
  let endMs = 0;
  let multiplexed = false;
  for (const e of trace) {
    switch (e.type) {
      case 'packet':
        total++;
        if (e.dropped) dropped++;
        if (e.retransmit) retransmitted++;
        if (e.dir === 'c2s') c2s += e.wireBytes;
        else s2c += e.wireBytes;
        break;
      case 'conn-open':
        connRt.set(e.conn, e.handshakeRoundTrips ?? 1 + e.tlsRoundTrips);
        // With 0-RTT the first request leaves once TCP is up, as without TLS (QUIC: at once).
        conns.set(e.conn, {
          openMs: e.t,
          readyMs: e.transport === 'quic' && e.tls === 'tls1.3-0rtt' ? e.t : -1,
          tls: e.tls !== 'none' && e.tls !== 'tls1.3-0rtt',
        });
        if (e.http !== undefined) multiplexed = true;
        break;
      case 'conn': {
        const c = conns.get(e.conn);
        if (
          c !== undefined &&
          !c.tls &&
          e.side === 'client' &&
          e.state === 'ESTABLISHED' &&
          c.readyMs < 0
        )
          c.readyMs = e.t;
        break;
      }
      case 'tls': {
        const c = conns.get(e.conn);
        if (c !== undefined && c.tls && e.side === 'client' && e.step === 'done') c.readyMs = e.t;
        break;
      }
      case 'end':
        events = e.events;
        endMs = e.t;
        break;
      case 'request': {
        let r = reqs.get(e.requestId);
        if (r === undefined) {
          r = {
            requestId: e.requestId,
            path: e.path,
            host: e.host,
            method: e.method,
            followUp: e.followUp,
            connectionId: null,
            reused: false,
            queuedMs: e.t,
            sentMs: null,
            firstByteMs: null,
            doneMs: null,
            error: null,
            errorMs: null,
            retries: 0,
            bytes: 0,
          };
          reqs.set(e.requestId, r);
        }
        switch (e.step) {
          case 'assigned':
            r.connectionId = e.conn ?? null;
            r.reused = e.reused ?? false;
            break;
          case 'sent':
            r.sentMs = e.t;
            break;
          case 'first-byte':
            r.firstByteMs = e.t;
            break;
          case 'done':
            r.doneMs = e.t;
            r.bytes = e.bytes ?? 0;
            break;
          case 'error':
            r.error = e.error ?? 'connection-closed';
            r.errorMs = e.t;
            break;
          case 'retry':
            r.retries++;
            r.sentMs = null;
            r.firstByteMs = null;
            break;
          default:
            break;
        }
        break;
      }
      default:
        break;
    }
    endMs = Math.max(endMs, e.t);
  }
  const requests = [...reqs.values()].sort((a, b) => a.requestId - b.requestId);
  let pageLoadMs = 0;
  let pageComplete = true;
  let last: Acc | undefined;
  for (const r of requests) {
    if (r.followUp) continue;
    const end = r.doneMs ?? r.errorMs;
    if (end === null || r.error !== null) pageComplete = false;
    if (end !== null && end >= pageLoadMs) {
      pageLoadMs = end;
      last = r;
    }
  }
  let handshakeRoundTrips = 0;
  for (const v of connRt.values()) handshakeRoundTrips += v;
  const waited = (r: Acc | undefined): number => {
    if (r === undefined || r.connectionId === null || r.sentMs === null) return 0;
    const c = conns.get(r.connectionId);
    if (c === undefined || c.openMs < r.queuedMs || c.readyMs !== r.sentMs) return 0;
    return connRt.get(r.connectionId) ?? 0;
  };
  const html = requests[0];
  let critical = waited(last);
  if (last !== undefined && html !== undefined && last !== html && html.doneMs !== null) {
    if (last.queuedMs >= html.doneMs) critical += waited(html);
  }
  const base = {
    pageLoadMs,
    pageComplete,
    connectionsOpened: connRt.size,
    packets: { total, dropped, retransmitted },
    wireBytes: { c2s, s2c },
    events,
    endMs,
    handshakeRoundTrips,
    criticalPathHandshakeRoundTrips: critical,
    requests,
  };
  if (!multiplexed) return base;
  return { ...base, streamStallMs: stallSummary(trace) };
}

/**
 * The union of stall intervals with the kinds kept apart: sorted, disjoint intervals, own-data
 * wherever an own-data interval covers the instant, head-of-line elsewhere; adjacent intervals
 * of the same kind merged, empty ones dropped.
 */
export function uniteStalls(intervals: readonly StallInterval[]): StallInterval[] {
  const own = unite(intervals.filter((i) => i.cause === 'own-data'));
  const hol: StallInterval[] = [];
  let k = 0;
  for (const h of unite(intervals.filter((i) => i.cause === 'head-of-line'))) {
    let start = h.startMs;
    while (k < own.length && (own[k] as StallInterval).endMs <= start) k++;
    for (let j = k; j < own.length && start < h.endMs; j++) {
      const o = own[j] as StallInterval;
      if (o.startMs >= h.endMs) break;
      if (o.startMs > start) hol.push({ startMs: start, endMs: o.startMs, cause: 'head-of-line' });
      start = Math.max(start, o.endMs);
    }
    if (start < h.endMs) hol.push({ startMs: start, endMs: h.endMs, cause: 'head-of-line' });
  }
  return [...own.map((o) => ({ ...o, cause: 'own-data' as const })), ...hol].sort(
    (a, b) => a.startMs - b.startMs,
  );
}

/** Sorted, disjoint union of intervals (touching ones merged, empty ones dropped). */
function unite(list: readonly StallInterval[]): StallInterval[] {
  const sorted = list.filter((i) => i.endMs > i.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: StallInterval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && i.startMs <= last.endMs) {
      if (i.endMs > last.endMs) out[out.length - 1] = { ...last, endMs: i.endMs };
    } else out.push(i);
  }
  return out;
}

/** Stall time of each kind up to time t (ms): the part of each stream's intervals before t. */
export function stalledBy(
  streams: readonly StreamStall[],
  t: number,
): { total: number; headOfLine: number; ownData: number } {
  let total = 0;
  let headOfLine = 0;
  let ownData = 0;
  for (const s of streams) {
    let hol = 0;
    let own = 0;
    for (const i of s.intervals) {
      if (i.startMs >= t) break;
      const d = Math.min(t, i.endMs) - i.startMs;
      if (i.cause === 'own-data') own += d;
      else hol += d;
    }
    hol = roundUs(hol);
    own = roundUs(own);
    headOfLine += hol;
    ownData += own;
    total += roundUs(hol + own);
  }
  return { total: roundUs(total), headOfLine: roundUs(headOfLine), ownData: roundUs(ownData) };
}

/**
 * Stall metrics from a trace alone: each `stream-stall` interval is clipped to its stream's
 * lifetime (the request's `sent` on that connection and stream → its `done`, `error` or `retry`;
 * the trace's end when none), a stream's intervals are united per side (`uniteStalls`), and the
 * totals sum the streams' united times, so no stream's figure exceeds its lifetime.
 */
export function stallSummary(trace: Trace): StallSummary {
  const lifetimes = new Map<string, { startMs: number; endMs: number }>();
  const current = new Map<number, string>();
  const raw = new Map<
    string,
    { conn: number; side: Side; stream: number; requestId: number | null; list: StallInterval[] }
  >();
  let endMs = 0;
  for (const e of trace) {
    endMs = Math.max(endMs, e.t);
    if (e.type === 'request') {
      if (e.step === 'sent' && e.conn !== undefined && e.stream !== undefined) {
        const key = `${e.conn}:${e.stream}`;
        current.set(e.requestId, key);
        if (!lifetimes.has(key)) lifetimes.set(key, { startMs: e.t, endMs: Infinity });
      } else if (e.step === 'done' || e.step === 'error' || e.step === 'retry') {
        const key = current.get(e.requestId);
        const life = key === undefined ? undefined : lifetimes.get(key);
        if (life !== undefined && life.endMs === Infinity) life.endMs = e.t;
        current.delete(e.requestId);
      }
    } else if (e.type === 'stream-stall') {
      const key = `${e.conn}:${e.side}:${e.stream}`;
      let r = raw.get(key);
      if (r === undefined) {
        r = {
          conn: e.conn,
          side: e.side,
          stream: e.stream,
          requestId: e.requestIds[0] ?? null,
          list: [],
        };
        raw.set(key, r);
      }
      r.list.push({ startMs: e.fromMs, endMs: e.toMs, cause: e.cause });
    }
  }
  const streams: StreamStall[] = [];
  for (const r of raw.values()) {
    const life = lifetimes.get(`${r.conn}:${r.stream}`);
    const lifetime = {
      startMs: life?.startMs ?? 0,
      endMs: life === undefined || life.endMs === Infinity ? endMs : life.endMs,
    };
    const intervals = uniteStalls(
      r.list.map((i) => ({
        startMs: Math.max(i.startMs, lifetime.startMs),
        endMs: Math.min(i.endMs, lifetime.endMs),
        cause: i.cause,
      })),
    );
    if (intervals.length === 0) continue;
    const s = { conn: r.conn, side: r.side, stream: r.stream, requestId: r.requestId, lifetime };
    const by = stalledBy([{ ...s, ms: 0, headOfLineMs: 0, ownDataMs: 0, intervals }], Infinity);
    streams.push({
      ...s,
      ms: by.total,
      headOfLineMs: by.headOfLine,
      ownDataMs: by.ownData,
      intervals,
    });
  }
  streams.sort(
    (a, b) =>
      a.conn - b.conn ||
      (a.side === b.side ? 0 : a.side === 'client' ? -1 : 1) ||
      a.stream - b.stream,
  );
  const totals = (ms: (s: StreamStall) => number): StallTotals => {
    let total = 0;
    let longest = 0;
    const waited = new Set<string>();
    for (const s of streams) {
      const v = ms(s);
      if (v <= 0) continue;
      total += v;
      longest = Math.max(longest, v);
      waited.add(`${s.conn}:${s.stream}`);
    }
    return { total: roundUs(total), longest, count: waited.size };
  };
  return {
    ...totals((s) => s.ms),
    headOfLine: totals((s) => s.headOfLineMs),
    ownData: totals((s) => s.ownDataMs),
    streams,
  };
}

/** Rounds a duration in ms to whole microseconds (the engine's unit), dropping float noise. */
function roundUs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
