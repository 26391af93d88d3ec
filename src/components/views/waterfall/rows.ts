/**
 * Waterfall rows: a trace → one row per request attempt with its phases (like a browser's network
 * panel). What is drawn at playback time t is in `frame.ts`, the lines and labels in `lines.ts`.
 *
 * Phases of one attempt tile it, from its start (queued, or the retry that started it) to its end,
 * without gaps or overlaps (each omitted when empty). Before `sent`:
 * - dns: from the start to `resolved`, when the request waited for its hostname's DNS lookup
 *   (`network.dnsMs`): never bound to a connection meanwhile, so never queueing;
 * - connect / quic / tls: the stretches of the connection's client lane (see lanes.ts) in the
 *   TCP handshake, QUIC handshake or TLS handshake, when the attempt waited for that connection
 *   to open: it is among the first requests the connection took (bound at the same instant as
 *   its first one: the request it was opened for, or all of a pipelined batch), or the
 *   connection multiplexes (HTTP/2, HTTP/3: every request waiting for it waits for its
 *   handshake). The browser binds a request to an HTTP/1.x connection only once the connection
 *   is ready, so these stretches lie before `assigned`; only the part after the attempt's start
 *   counts, and nothing after `sent` (with 0-RTT the request leaves before the handshake ends);
 * - queued: any other time before `assigned` (or before `sent` when never assigned), once the
 *   name was resolved: waiting for
 *   a connection slot, all allowed connections being busy (or, over HTTP/2 and HTTP/3, for a
 *   stream slot);
 * - stalled: any other time from `assigned` to `sent`, e.g. waiting for the connection to
 *   finish an earlier response.
 * From `sent`:
 * - send: `sent` → the end of serialization (`txEndMs`) of the last client packet carrying the
 *   request's bytes (sent at or after `sent`, on that connection), capped at first byte;
 * - wait: end of send → first byte (time to first byte, TTFB);
 * - receive: first byte → done.
 * An attempt ends at `done`, `error` or `retry`; one without any of them ends at the last time
 * the trace knows about it.
 *
 * HTTP/2 and HTTP/3 (multiplexed connections): a row also carries its stream id and its stalls
 * (bytes of its request or response that had arrived but waited for missing data, either side),
 * each interval head-of-line blocked or waiting for the stream's own lost data: the simulation's
 * united, lifetime-clipped intervals (`stallSummary` in src/sim/stalls.ts, as recorded with the
 * trace: `trace-stalls.ts`), both sides united
 * again per row (`uniteStalls`); `lines.ts` groups the rows under a heading per connection.
 * HTTP/1.x rows have neither, and keep their order.
 */
import type { PacketEvent, Trace } from '../../../sim/trace';
import { isMultiplexed } from '../../../sim/metrics';
import { uniteStalls, type StallInterval } from '../../../sim/stalls';
import { streamStallsOf } from '../trace-stalls';
import type { RequestPhase } from '../colors';
import { connOpens, connectionLanes, traceEndMs } from '../lanes';
import { attempts } from './attempts';

/** One phase bar of a request attempt. */
export interface PhaseSpan {
  readonly phase: RequestPhase;
  readonly startMs: number;
  readonly endMs: number;
}

/** How an attempt ended. */
export type RowOutcome = 'done' | 'error' | 'retry' | 'open';

/** One waterfall row: one attempt of one request. */
export interface WaterfallRow {
  readonly requestId: number;
  readonly attempt: number;
  readonly path: string;
  readonly host: string;
  readonly method: string;
  readonly followUp: boolean;
  /** Connection the attempt was assigned to, and when. */
  readonly conn?: number;
  readonly assignedMs?: number;
  readonly reused?: boolean;
  readonly startMs: number;
  readonly endMs: number;
  readonly outcome: RowOutcome;
  readonly phases: readonly PhaseSpan[];
  /** Server processing (server-start → server-end, or server-reset), drawn as a thin overlay. */
  readonly server?: { readonly startMs: number; readonly endMs: number };
  /** Error or retry cause, when the attempt failed. */
  readonly error?: string;
  /** HTTP/2 and HTTP/3: the stream carrying the attempt, from `streamMs` (its `sent`) on. */
  readonly stream?: number;
  readonly streamMs?: number;
  /** HTTP/2 and HTTP/3: stalls of either kind, sorted and disjoint (absent when none). */
  readonly stalls?: readonly StallInterval[];
}

/** What the waterfall needs to know about a connection's opening. */
interface ConnSetup {
  /** Its client lane's TCP handshake (QUIC: QUIC handshake) and TLS stretches, in time order. */
  readonly spans: PhaseSpan[];
  /** HTTP/2 or HTTP/3: every request waiting for the connection waits for its handshake. */
  multiplexed: boolean;
  /** When it took its first request (the first `assigned` event on it). */
  firstAssignedMs?: number;
}

/** Per-connection handshake stretches from the connection lanes, and first assignments. */
function connSetups(trace: Trace): Map<number, ConnSetup> {
  const m = new Map<number, ConnSetup>();
  const opens = connOpens(trace);
  for (const lane of connectionLanes(trace)) {
    const quic = opens.get(lane.conn)?.transport === 'quic';
    const spans: PhaseSpan[] = [];
    for (const s of lane.client) {
      const phase = s.phase === 'handshake' ? (quic ? 'quic' : 'connect') : s.phase;
      if (phase === 'connect' || phase === 'quic' || phase === 'tls')
        spans.push({ phase, startMs: s.startMs, endMs: s.endMs });
    }
    m.set(lane.conn, { spans, multiplexed: opens.get(lane.conn)?.http !== undefined });
  }
  for (const e of trace) {
    if (e.type !== 'request' || e.step !== 'assigned' || e.conn === undefined) continue;
    const c = m.get(e.conn);
    if (c) c.firstAssignedMs ??= e.t;
  }
  return m;
}

/**
 * The phases of an attempt before its request is sent, tiling [startMs, endMs): the connection's
 * handshake stretches when the attempt waited for it (`setup`), queued before `assignedMs` and
 * stalled after it elsewhere.
 */
function setupPhases(
  startMs: number,
  endMs: number,
  assignedMs: number | undefined,
  setup: ConnSetup | undefined,
): PhaseSpan[] {
  const out: PhaseSpan[] = [];
  const push = (phase: RequestPhase, a: number, b: number): void => {
    if (b > a) out.push({ phase, startMs: a, endMs: b });
  };
  let cursor = startMs;
  const waitUntil = (to: number): void => {
    if (to <= cursor) return;
    const split = Math.min(Math.max(assignedMs ?? to, cursor), to);
    push('queued', cursor, split);
    push('stalled', split, to);
    cursor = to;
  };
  const waited =
    setup !== undefined &&
    (setup.multiplexed || (assignedMs !== undefined && assignedMs === setup.firstAssignedMs));
  for (const h of waited ? setup.spans : []) {
    const a = Math.max(h.startMs, cursor);
    const b = Math.min(h.endMs, endMs);
    if (b <= a) continue;
    waitUntil(a);
    push(h.phase, a, b);
    cursor = b;
  }
  waitUntil(endMs);
  return out;
}

/** Last client packet carrying a request's bytes: its serialization end (ms). */
function requestSendEnd(
  packets: readonly PacketEvent[] | undefined,
  requestId: number,
  conn: number,
  sentMs: number,
): number | undefined {
  let end: number | undefined;
  for (const p of packets ?? []) {
    if (p.sendMs < sentMs) continue;
    if (p.dir !== 'c2s' || p.conn !== conn || !p.requestIds.includes(requestId)) continue;
    if (p.payloadBytes === 0) continue;
    end = Math.max(end ?? p.txEndMs, p.txEndMs);
  }
  return end;
}

/** Stall intervals per request id and connection (both sides): key `${requestId}:${conn}`. */
function stallsByRequest(trace: Trace): Map<string, StallInterval[]> {
  const m = new Map<string, StallInterval[]>();
  if (!trace.some((e) => e.type === 'conn-open' && isMultiplexed(e))) return m;
  for (const s of streamStallsOf(trace)) {
    if (s.requestId === null) continue;
    const key = `${s.requestId}:${s.conn}`;
    const list = m.get(key);
    if (list) list.push(...s.intervals);
    else m.set(key, [...s.intervals]);
  }
  return m;
}

/** The waterfall rows of a trace, ordered by request id then attempt. */
export function waterfallRows(trace: Trace): WaterfallRow[] {
  const setups = connSetups(trace);
  const stallMap = stallsByRequest(trace);
  const byRequest = new Map<number, PacketEvent[]>();
  for (const e of trace) {
    if (e.type !== 'packet' || e.dir !== 'c2s') continue;
    for (const id of e.requestIds) {
      const list = byRequest.get(id);
      if (list) list.push(e);
      else byRequest.set(id, [e]);
    }
  }
  const traceEnd = traceEndMs(trace);
  const rows = attempts(trace).map((d): WaterfallRow => {
    const spans: PhaseSpan[] = [];
    const endMs = d.end ? d.end.t : Math.max(d.lastMs, traceEnd);
    const add = (phase: RequestPhase, a: number | undefined, b: number | undefined): void => {
      if (a === undefined || b === undefined) return;
      const s = Math.max(a, d.startMs);
      const e = Math.min(b, endMs);
      if (e > s) spans.push({ phase, startMs: s, endMs: e });
    };
    const assigned = d.steps.get('assigned');
    const sent = d.steps.get('sent');
    const firstByte = d.steps.get('first-byte');
    const conn = assigned?.conn ?? sent?.conn;
    const aMs = assigned?.t;
    const setupEnd = Math.min(sent?.t ?? endMs, endMs);
    // Waiting for the DNS lookup: from the start until the name resolved (or the row's end).
    const resolved = d.steps.get('resolved')?.t;
    const dnsEnd = resolved === undefined ? d.startMs : Math.min(resolved, setupEnd);
    add('dns', d.startMs, dnsEnd);
    spans.push(
      ...setupPhases(
        Math.max(d.startMs, dnsEnd),
        setupEnd,
        aMs,
        conn !== undefined ? setups.get(conn) : undefined,
      ),
    );
    let sendEnd: number | undefined;
    if (sent) {
      const last =
        conn !== undefined
          ? requestSendEnd(byRequest.get(d.requestId), d.requestId, conn, sent.t)
          : undefined;
      sendEnd = Math.max(sent.t, Math.min(last ?? sent.t, firstByte?.t ?? endMs));
      add('send', sent.t, sendEnd);
      add('wait', sendEnd, firstByte?.t ?? endMs);
    }
    if (firstByte) add('receive', firstByte.t, endMs);
    const ss = d.steps.get('server-start')?.t;
    // Processing ends with the response, or with a reset instead of one.
    const se = (d.steps.get('server-end') ?? d.steps.get('server-reset'))?.t;
    const stream = sent?.stream;
    const stalls =
      conn !== undefined
        ? uniteStalls(
            (stallMap.get(`${d.requestId}:${conn}`) ?? [])
              .filter((i) => i.startMs >= d.startMs && i.startMs < endMs)
              .map((i) => ({ ...i, endMs: Math.min(i.endMs, endMs) })),
          )
        : [];
    return {
      requestId: d.requestId,
      attempt: d.attempt,
      path: d.path,
      host: d.host,
      method: d.method,
      followUp: d.followUp,
      ...(conn !== undefined ? { conn } : {}),
      ...(aMs !== undefined ? { assignedMs: aMs } : {}),
      ...(assigned?.reused !== undefined ? { reused: assigned.reused } : {}),
      startMs: d.startMs,
      endMs,
      outcome: d.end ? (d.end.step as 'done' | 'error' | 'retry') : 'open',
      phases: spans,
      ...(ss !== undefined && se !== undefined && se >= ss
        ? { server: { startMs: ss, endMs: se } }
        : {}),
      ...(d.end?.error !== undefined ? { error: d.end.error } : {}),
      ...(stream !== undefined && sent ? { stream, streamMs: sent.t } : {}),
      ...(stalls.length > 0 ? { stalls } : {}),
    };
  });
  rows.sort((a, b) => a.requestId - b.requestId || a.attempt - b.attempt);
  return rows;
}
