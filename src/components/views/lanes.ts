/**
 * Connection lanes: pure functions from a trace to each socket's phases over time (one lane per
 * connection, with the client side and the server side), and from lanes to what is drawn at t.
 * A side's phase holds from one `conn` event to the next; a side has no segment before its first
 * event, and its last phase lasts until the end of the trace.
 */
import type { ConnOpenEvent, ConnPhase, Side, Trace } from '../../sim/trace';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { term } from './text';

/** One coloured stretch of a lane. */
export interface LaneSegment {
  readonly phase: ConnPhase;
  readonly startMs: number;
  readonly endMs: number;
}

/** One connection: its client-side and server-side phase segments. */
export interface Lane {
  readonly conn: number;
  readonly host?: string;
  readonly client: readonly LaneSegment[];
  readonly server: readonly LaneSegment[];
}

/** The `conn-open` event of each connection, by id. */
export function connOpens(trace: Trace): Map<number, ConnOpenEvent> {
  const m = new Map<number, ConnOpenEvent>();
  for (const e of trace) if (e.type === 'conn-open' && !m.has(e.conn)) m.set(e.conn, e);
  return m;
}

/**
 * What the lanes say about the connections' protocols: `tags` when any connection multiplexes
 * (HTTP/2 or HTTP/3: each lane then names its HTTP version and transport), `quicOnly` when
 * every connection is QUIC (the handshake phase is then QUIC's, not TCP's).
 */
export function laneProtocols(opens: ReadonlyMap<number, ConnOpenEvent>): {
  tags: boolean;
  quicOnly: boolean;
} {
  let tags = false;
  let quic = 0;
  for (const o of opens.values()) {
    if (o.http !== undefined) tags = true;
    if (o.transport === 'quic') quic++;
  }
  return { tags, quicOnly: quic > 0 && quic === opens.size };
}

/** A multiplexed connection's short tag, "h2 · TCP" or "h3 · QUIC"; undefined for HTTP/1.x. */
export function laneTag(open: ConnOpenEvent | undefined, lang: Lang): string | undefined {
  if (open?.http === undefined) return undefined;
  const v = ui(lang).views;
  return fill(v.lanes.tag, { http: open.http, transport: term(v.transport, open.transport) });
}

/**
 * End of a trace: its last event's time, events being in time order (`src/sim/trace.ts`; the
 * simulation's property tests hold it to that). A pass over the events took 12 ms of a 56 ms task
 * at the Multiplexing widget's heaviest values.
 */
export function traceEndMs(trace: Trace): number {
  return trace.at(-1)?.t ?? 0;
}

/** The lanes of a trace, ordered by connection id; `endMs` defaults to the trace's end. */
export function connectionLanes(trace: Trace, endMs = traceEndMs(trace)): Lane[] {
  const sides = new Map<number, Record<Side, LaneSegment[]>>();
  const hosts = new Map<number, string>();
  const get = (conn: number): Record<Side, LaneSegment[]> => {
    let s = sides.get(conn);
    if (!s) sides.set(conn, (s = { client: [], server: [] }));
    return s;
  };
  for (const e of trace) {
    if (e.type === 'conn-open') {
      hosts.set(e.conn, e.host);
      get(e.conn);
    }
    if (e.type !== 'conn') continue;
    const list = get(e.conn)[e.side];
    const last = list[list.length - 1];
    if (last && last.phase === e.phase) continue;
    if (last) list[list.length - 1] = { ...last, endMs: e.t };
    list.push({ phase: e.phase, startMs: e.t, endMs: Number.POSITIVE_INFINITY });
  }
  const close = (list: LaneSegment[]): LaneSegment[] =>
    list
      .map((s) =>
        s.endMs === Number.POSITIVE_INFINITY ? { ...s, endMs: Math.max(endMs, s.startMs) } : s,
      )
      .filter((s) => s.endMs > s.startMs);
  return [...sides.entries()]
    .sort(([a], [b]) => a - b)
    .map(([conn, s]) => {
      const host = hosts.get(conn);
      return {
        conn,
        ...(host !== undefined ? { host } : {}),
        client: close(s.client),
        server: close(s.server),
      };
    });
}

/** Segments clipped to time t (those starting at or after t are dropped). */
export function clipSegments(segments: readonly LaneSegment[], t: number): LaneSegment[] {
  const out: LaneSegment[] = [];
  for (const s of segments) {
    if (s.startMs >= t) break;
    out.push(s.endMs <= t ? s : { phase: s.phase, startMs: s.startMs, endMs: t });
  }
  return out;
}

/** The phase of a side at time t (undefined before its first event or after its last segment). */
export function phaseAt(segments: readonly LaneSegment[], t: number): ConnPhase | undefined {
  for (const s of segments) if (s.startMs <= t && t < s.endMs) return s.phase;
  return undefined;
}

/** A lane as drawn at time t. */
export interface LaneFrame {
  readonly conn: number;
  /** True once either side has its first segment (the lane is labelled from then on). */
  readonly started: boolean;
  readonly client: readonly LaneSegment[];
  readonly server: readonly LaneSegment[];
}

/**
 * Precomputes each lane's settled and empty frames so that at any t only lanes still changing
 * get new objects: returns t → frames.
 */
export function laneFrames(lanes: readonly Lane[]): (t: number) => LaneFrame[] {
  const cached = lanes.map((lane) => {
    const startMs = Math.min(
      lane.client[0]?.startMs ?? Number.POSITIVE_INFINITY,
      lane.server[0]?.startMs ?? Number.POSITIVE_INFINITY,
    );
    const endMs = Math.max(lane.client.at(-1)?.endMs ?? 0, lane.server.at(-1)?.endMs ?? 0);
    return {
      lane,
      startMs,
      endMs,
      settled: { conn: lane.conn, started: true, client: lane.client, server: lane.server },
      empty: { conn: lane.conn, started: false, client: [], server: [] },
    };
  });
  return (t) =>
    cached.map((c): LaneFrame => {
      if (t >= c.endMs && t >= c.startMs) return c.settled;
      if (t < c.startMs) return c.empty;
      return {
        conn: c.lane.conn,
        started: true,
        client: clipSegments(c.lane.client, t),
        server: clipSegments(c.lane.server, t),
      };
    });
}
