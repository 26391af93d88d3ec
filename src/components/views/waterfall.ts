/**
 * Request waterfall: pure functions from a trace to one row per request attempt with its phases
 * (like a browser's network panel), and from rows to what is drawn at playback time t.
 *
 * Phases of one attempt tile it, from its start (queued, or the retry that started it) to its end,
 * without gaps or overlaps (each omitted when empty). Before `sent`:
 * - connect / quic / tls: the stretches of the connection's client lane (see lanes.ts) in the
 *   TCP handshake, QUIC handshake or TLS handshake, when the attempt waited for that connection
 *   to open: it is among the first requests the connection took (bound at the same instant as
 *   its first one: the request it was opened for, or all of a pipelined batch), or the
 *   connection multiplexes (HTTP/2, HTTP/3: every request waiting for it waits for its
 *   handshake). The browser binds a request to an HTTP/1.x connection only once the connection
 *   is ready, so these stretches lie before `assigned`; only the part after the attempt's start
 *   counts, and nothing after `sent` (with 0-RTT the request leaves before the handshake ends);
 * - queued: any other time before `assigned` (or before `sent` when never assigned): waiting for
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
 * united, lifetime-clipped intervals (`stallSummary` in src/sim/metrics.ts), both sides united
 * again per row (`uniteStalls`); and `waterfallLines` groups the rows under a heading per
 * connection. HTTP/1.x rows have neither, and keep their order.
 */
import type { ConnOpenEvent, PacketEvent, RequestEvent, Trace } from '../../sim/trace';
import { stallSummary, uniteStalls, type StallInterval } from '../../sim/stalls';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { requestPhases, type RequestPhase } from './colors';
import { fitLabel } from './ladder';
import { connOpens, connectionLanes } from './lanes';
import { stackLabel } from './text';

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
  /** Server processing (server-start → server-end), drawn as a thin overlay. */
  readonly server?: { readonly startMs: number; readonly endMs: number };
  /** Error or retry cause, when the attempt failed. */
  readonly error?: string;
  /** HTTP/2 and HTTP/3: the stream carrying the attempt, from `streamMs` (its `sent`) on. */
  readonly stream?: number;
  readonly streamMs?: number;
  /** HTTP/2 and HTTP/3: stalls of either kind, sorted and disjoint (absent when none). */
  readonly stalls?: readonly StallInterval[];
}

interface Draft {
  requestId: number;
  attempt: number;
  path: string;
  host: string;
  method: string;
  followUp: boolean;
  startMs: number;
  steps: Map<string, RequestEvent>;
  end?: RequestEvent;
  lastMs: number;
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

/** Groups request events into attempts, in trace order. */
function drafts(trace: Trace): Draft[] {
  const current = new Map<number, Draft>();
  const out: Draft[] = [];
  const open = (e: RequestEvent, attempt: number, startMs: number): Draft => {
    const d: Draft = {
      requestId: e.requestId,
      attempt,
      path: e.path,
      host: e.host,
      method: e.method,
      followUp: e.followUp,
      startMs,
      steps: new Map(),
      lastMs: startMs,
    };
    current.set(e.requestId, d);
    out.push(d);
    return d;
  };
  for (const e of trace) {
    if (e.type !== 'request') continue;
    let d = current.get(e.requestId);
    if (!d || (e.attempt > d.attempt && e.step !== 'retry')) {
      // A new attempt: after a retry, it started when the retry was decided.
      const startMs = d?.end?.step === 'retry' ? d.end.t : e.t;
      d = open(e, Math.max(e.attempt, d ? d.attempt + 1 : 1), startMs);
    } else if (d.end) {
      if (d.end.step !== 'retry') continue;
      d = open(e, d.attempt + 1, d.end.t);
    }
    d.lastMs = Math.max(d.lastMs, e.t);
    if (e.step === 'done' || e.step === 'error' || e.step === 'retry') d.end = e;
    else if (!d.steps.has(e.step)) d.steps.set(e.step, e);
  }
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
  for (const s of stallSummary(trace).streams) {
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
  const traceEnd = trace.length > 0 ? (trace[trace.length - 1] as { t: number }).t : 0;
  const rows = drafts(trace).map((d): WaterfallRow => {
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
    spans.push(
      ...setupPhases(
        d.startMs,
        Math.min(sent?.t ?? endMs, endMs),
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
    const se = d.steps.get('server-end')?.t;
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

/**
 * What the rows contain, for a legend that lists only what is drawn: the phases present (in
 * `requestPhases` order), whether any attempt failed or was retried, and whether any row has
 * server processing.
 */
export function waterfallPresent(rows: readonly WaterfallRow[]): {
  phases: RequestPhase[];
  error: boolean;
  retry: boolean;
  server: boolean;
  headOfLine: boolean;
  ownData: boolean;
} {
  const phases = new Set<RequestPhase>();
  let error = false;
  let retry = false;
  let server = false;
  let headOfLine = false;
  let ownData = false;
  for (const r of rows) {
    for (const p of r.phases) phases.add(p.phase);
    if (r.outcome === 'error') error = true;
    if (r.outcome === 'retry') retry = true;
    if (r.server) server = true;
    for (const s of r.stalls ?? []) {
      if (s.cause === 'head-of-line') headOfLine = true;
      else ownData = true;
    }
  }
  return {
    phases: requestPhases.filter((p) => phases.has(p)),
    error,
    retry,
    server,
    headOfLine,
    ownData,
  };
}

/** A row as drawn at time t. */
export interface WaterfallRowFrame {
  readonly row: WaterfallRow;
  /** False until the attempt has started (the row keeps its place but stays empty). */
  readonly started: boolean;
  /** Phases clipped to t. */
  readonly phases: readonly PhaseSpan[];
  /** Server processing clipped to t. */
  readonly server?: { readonly startMs: number; readonly endMs: number };
  /** The outcome, once it has happened (endMs ≤ t), else undefined. */
  readonly outcome?: Exclude<RowOutcome, 'open'>;
  /** Connection, once assigned. */
  readonly conn?: number;
  /** Stream id, once the request is sent on it. */
  readonly stream?: number;
  /** Stalls clipped to t (absent when none has started). */
  readonly stalls?: readonly StallInterval[];
}

/** Clips one row to time t. */
export function clipRow(row: WaterfallRow, t: number): WaterfallRowFrame {
  const started = row.startMs <= t;
  const phases: PhaseSpan[] = [];
  if (started) {
    for (const p of row.phases) {
      if (p.startMs >= t) break;
      phases.push(p.endMs <= t ? p : { phase: p.phase, startMs: p.startMs, endMs: t });
    }
  }
  const s = row.server;
  const stalls: StallInterval[] = [];
  for (const i of row.stalls ?? []) {
    if (i.startMs >= t) break;
    stalls.push(i.endMs <= t ? i : { ...i, endMs: t });
  }
  return {
    row,
    started,
    phases,
    ...(s && s.startMs < t ? { server: { startMs: s.startMs, endMs: Math.min(s.endMs, t) } } : {}),
    ...(row.outcome !== 'open' && row.endMs <= t ? { outcome: row.outcome } : {}),
    ...(row.conn !== undefined && row.assignedMs !== undefined && row.assignedMs <= t
      ? { conn: row.conn }
      : {}),
    ...(row.stream !== undefined && row.streamMs !== undefined && row.streamMs <= t
      ? { stream: row.stream }
      : {}),
    ...(stalls.length > 0 ? { stalls } : {}),
  };
}

/**
 * Precomputes the settled and empty frames of each row, so that at any t only rows in progress
 * get new objects (the others keep their identity and Svelte skips them): returns t → frames.
 */
export function waterfallFrames(rows: readonly WaterfallRow[]): (t: number) => WaterfallRowFrame[] {
  const cached = rows.map((row) => {
    const settledMs = Math.max(
      row.endMs,
      row.server?.endMs ?? 0,
      row.assignedMs ?? 0,
      row.stalls?.at(-1)?.endMs ?? 0,
    );
    return {
      row,
      settledMs,
      settled: clipRow(row, settledMs),
      empty: clipRow(row, Number.NEGATIVE_INFINITY),
    };
  });
  return (t) =>
    cached.map((c) =>
      t >= c.settledMs ? c.settled : t < c.row.startMs ? c.empty : clipRow(c.row, t),
    );
}

/** Latest end over rows (the default end of the waterfall's time axis), at least 1 ms. */
export function waterfallEndMs(rows: readonly WaterfallRow[]): number {
  let end = 1;
  for (const r of rows) end = Math.max(end, r.endMs);
  return end;
}

/** Counts for the waterfall's summary at t: requests started and done, connections in use. */
export function waterfallCounts(frames: readonly WaterfallRowFrame[]): {
  started: number;
  done: number;
  conns: number;
} {
  const started = new Set<number>();
  const done = new Set<number>();
  const conns = new Set<number>();
  for (const f of frames) {
    if (f.started) started.add(f.row.requestId);
    if (f.outcome === 'done') done.add(f.row.requestId);
    if (f.conn !== undefined) conns.add(f.conn);
  }
  return { started: started.size, done: done.size, conns: conns.size };
}

/**
 * Stalls in frames at t, per kind: how many requests have been head-of-line blocked (`headOfLine`)
 * or waited for their own lost data (`ownData`) so far, and for how long in all (ms: each
 * request's united stall intervals clipped to t, added up).
 */
export function waterfallStalls(frames: readonly WaterfallRowFrame[]): {
  headOfLine: { requests: number; ms: number };
  ownData: { requests: number; ms: number };
} {
  const hol = new Set<number>();
  const own = new Set<number>();
  let holMs = 0;
  let ownMs = 0;
  for (const f of frames) {
    for (const i of f.stalls ?? []) {
      if (i.cause === 'own-data') {
        own.add(f.row.requestId);
        ownMs += i.endMs - i.startMs;
      } else {
        hol.add(f.row.requestId);
        holMs += i.endMs - i.startMs;
      }
    }
  }
  const round = (ms: number): number => Math.round(ms * 1000) / 1000;
  return {
    headOfLine: { requests: hol.size, ms: round(holMs) },
    ownData: { requests: own.size, ms: round(ownMs) },
  };
}

/** One line of the waterfall: a connection's heading, or a row (its index in the rows given). */
export type WaterfallLine =
  | { readonly kind: 'group'; readonly open: ConnOpenEvent }
  | { readonly kind: 'row'; readonly index: number };

/**
 * The waterfall's lines. Without a multiplexed connection (HTTP/1.x), one line per row in the
 * given order. Otherwise the rows are ordered by connection (rows not yet on one last), then as
 * given, and each multiplexed connection's rows follow a heading line for it.
 */
export function waterfallLines(rows: readonly WaterfallRow[], trace: Trace): WaterfallLine[] {
  const opens = connOpens(trace);
  const multiplexed = [...opens.values()].some((o) => o.http !== undefined);
  const order = rows.map((_r, i) => i);
  if (!multiplexed) return order.map((index) => ({ kind: 'row', index }));
  const key = (i: number): number => rows[i]?.conn ?? Number.POSITIVE_INFINITY;
  order.sort((a, b) => key(a) - key(b) || a - b);
  const out: WaterfallLine[] = [];
  let last: number | undefined;
  for (const index of order) {
    const conn = rows[index]?.conn;
    const open = conn !== undefined ? opens.get(conn) : undefined;
    if (conn !== last && open?.http !== undefined) out.push({ kind: 'group', open });
    last = conn;
    out.push({ kind: 'row', index });
  }
  return out;
}

/**
 * A row's label in at most `maxChars` characters: the path (prefixed by the host when `withHost`),
 * the stream id once known ("/img3.png · stream 7"), and "↻n" for a later attempt. When it is too
 * long the path is shortened first, so the stream id stays readable.
 */
export function waterfallRowLabel(
  row: WaterfallRow,
  stream: number | undefined,
  withHost: boolean,
  maxChars: number,
  lang: Lang,
): string {
  const path = `${withHost ? row.host : ''}${row.path}`;
  const retry = row.attempt > 1 ? ` ↻${row.attempt}` : '';
  if (stream === undefined) return fitLabel(`${path}${retry}`, maxChars);
  const suffix = fill(ui(lang).views.waterfall.stream, { path: '', stream }) + retry;
  return fitLabel(fitLabel(path, Math.max(4, maxChars - suffix.length)) + suffix, maxChars);
}

/** The heading of a multiplexed connection's rows: "connection 1 · HTTP/2 · TCP + TLS 1.3". */
export function waterfallGroupLabel(open: ConnOpenEvent, lang: Lang): string {
  return fill(ui(lang).views.waterfall.group, {
    conn: open.conn,
    stack: stackLabel(open, lang) ?? '',
  });
}
