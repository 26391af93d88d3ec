/**
 * The waterfall at playback time t: each row clipped to t (phases, server processing, stalls,
 * the outcome once it happened), with the settled and empty frames cached per row; the marks a
 * view draws beside a row's bars (which it draws whole and clips at t); and the counts and stall
 * totals the summary reads from a frame.
 */
import type { StallInterval } from '../../../sim/stalls';
import type { PhaseSpan, RowOutcome, WaterfallRow } from './rows';

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

/**
 * What a row shows at time t beside its bars, which a view draws whole and clips at t (one clip
 * for all rows: a bar's part after t lies right of t on the axis): whether it has started (its
 * label), its connection and stream once known, and its outcome once it happened.
 */
export type WaterfallRowMarks = Pick<
  WaterfallRowFrame,
  'row' | 'started' | 'conn' | 'stream' | 'outcome'
>;

/**
 * Frames at t → each row's marks; a row keeps its object until one of them changes (at most four
 * times), so that a view wakes no row between those moments (issue 15's frame budget: 120 rows
 * growing in every frame were most of a frame's work).
 */
export function waterfallMarks(): (frames: readonly WaterfallRowFrame[]) => WaterfallRowMarks[] {
  const last: (WaterfallRowMarks | undefined)[] = [];
  return (frames) =>
    frames.map((f, i) => {
      const kept = last[i];
      if (
        kept?.row === f.row &&
        kept.started === f.started &&
        kept.conn === f.conn &&
        kept.stream === f.stream &&
        kept.outcome === f.outcome
      )
        return kept;
      const marks: WaterfallRowMarks = {
        row: f.row,
        started: f.started,
        ...(f.conn !== undefined ? { conn: f.conn } : {}),
        ...(f.stream !== undefined ? { stream: f.stream } : {}),
        ...(f.outcome !== undefined ? { outcome: f.outcome } : {}),
      };
      last[i] = marks;
      return marks;
    });
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

/**
 * DNS waits in frames at t: how many requests have waited for their hostname's lookup so far,
 * and for how long in all (ms: each request's `dns` phase clipped to t, added up; requests that
 * waited for one lookup each count its time).
 */
export function waterfallDns(frames: readonly WaterfallRowFrame[]): {
  requests: number;
  ms: number;
} {
  const requests = new Set<number>();
  let ms = 0;
  for (const f of frames) {
    for (const p of f.phases) {
      if (p.phase !== 'dns') continue;
      requests.add(f.row.requestId);
      ms += p.endMs - p.startMs;
    }
  }
  return { requests: requests.size, ms: Math.round(ms * 1000) / 1000 };
}
