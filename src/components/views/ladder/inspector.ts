/**
 * The packet inspector's pure part (issue 15): which marks of a ladder can be selected at
 * playback time t and in what order, which mark a click lands on, and what a packet's record
 * says, read from the trace (the transmission it repeats, the sender's congestion window when it
 * left, the HTTP/1.x heads it carries). `Inspector.svelte` draws it; both load only when the
 * reader first focuses or clicks a ladder.
 */
import type { Lang } from '../../../i18n';
import type { CwndEvent, PacketEvent, RequestEvent, Trace } from '../../../sim/trace';
import type { LadderLayout } from './layout';

/** Props of the inspector a ladder mounts. */
export interface InspectorProps {
  /** The ladder's plot area (focusable): keys and clicks are read there. */
  plot: HTMLElement;
  layout: LadderLayout;
  trace: Trace;
  t: number;
  lang: Lang;
  /** Clicks and key presses on the plot before the inspector loaded, in order. */
  early: readonly Event[];
}

/** Indices of the marks whose first packet was sent by t, in send order (the arrow-key order). */
export function visibleMarks(layout: LadderLayout, t: number): number[] {
  const out: number[] = [];
  layout.marks.forEach((m, i) => {
    const first = layout.packets[m.members[0] ?? -1];
    if (first !== undefined && first.sendMs <= t) out.push(i);
  });
  out.sort((a, b) => sendOf(layout, a) - sendOf(layout, b) || a - b);
  return out;
}

const sendOf = (layout: LadderLayout, mark: number): number =>
  layout.packets[layout.marks[mark]?.members[0] ?? -1]?.sendMs ?? 0;

/** Distance (px) from (x, y) to the segment (x1, y1)–(x2, y2). */
export function distanceToSegment(
  x: number,
  y: number,
  s: { x1: number; y1: number; x2: number; y2: number },
): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const k = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2));
  return Math.hypot(x - (s.x1 + k * dx), y - (s.y1 + k * dy));
}

/**
 * The packet whose line passes nearest (x, y) in SVG units, among the marks given, if within
 * `maxPx`: its index in `layout.packets`.
 */
export function packetAt(
  layout: LadderLayout,
  marks: readonly number[],
  x: number,
  y: number,
  maxPx = 10,
): number | undefined {
  let best: number | undefined;
  let bestD = maxPx;
  for (const m of marks) {
    for (const i of layout.marks[m]?.members ?? []) {
      const line = layout.lines[i];
      if (line === undefined) continue;
      const d = distanceToSegment(x, y, line);
      if (d <= bestD) {
        bestD = d;
        best = i;
      }
    }
  }
  return best;
}

/** What the trace says about one packet, beyond its own record. */
export interface PacketFacts {
  readonly packet: PacketEvent;
  /** TCP: the first transmission of the sequence space this one repeats. */
  readonly original?: PacketEvent;
  /** The sender's congestion window (segments) when it left, if the trace reports one. */
  readonly cwnd?: number;
  /** HTTP/1.x heads whose first bytes it carries: a request's or a response's. */
  readonly heads: readonly {
    readonly kind: 'request' | 'response';
    readonly lines: readonly string[];
  }[];
}

interface TraceIndex {
  readonly packets: Map<number, PacketEvent>;
  readonly cwnd: Map<string, CwndEvent[]>;
  readonly sent: Map<number, RequestEvent>;
  readonly done: Map<number, RequestEvent>;
}

const indexes = new WeakMap<Trace, TraceIndex>();

function indexOf(trace: Trace): TraceIndex {
  let index = indexes.get(trace);
  if (index) return index;
  index = { packets: new Map(), cwnd: new Map(), sent: new Map(), done: new Map() };
  for (const e of trace) {
    if (e.type === 'packet') index.packets.set(e.id, e);
    else if (e.type === 'cwnd') {
      const key = `${e.conn}:${e.side}`;
      const list = index.cwnd.get(key) ?? [];
      list.push(e);
      index.cwnd.set(key, list);
    } else if (e.type === 'request' && e.head !== undefined) {
      // The latest attempt's head (a retried request is written again).
      (e.step === 'sent' ? index.sent : index.done).set(e.requestId, e);
    }
  }
  indexes.set(trace, index);
  return index;
}

/** "(part k/n)" with k > 1: the segment continues a message begun in an earlier one. */
const laterPart = /\(part (\d+)\/\d+\)/;

/** The facts about packet `id` of `trace`; undefined if the trace has no such packet. */
export function packetFacts(trace: Trace, id: number): PacketFacts | undefined {
  const index = indexOf(trace);
  const packet = index.packets.get(id);
  if (!packet) return undefined;
  let original: PacketEvent | undefined;
  if (packet.retransmit && packet.transport !== 'udp') {
    for (const p of index.packets.values()) {
      if (p.id >= id) break;
      const same = p.conn === packet.conn && p.dir === packet.dir && p.seq === packet.seq;
      if (same && !p.retransmit && p.kind === packet.kind) {
        original = p;
        break;
      }
    }
  }
  const side = packet.dir === 'c2s' ? 'client' : 'server';
  let cwnd: number | undefined;
  for (const c of index.cwnd.get(`${packet.conn}:${side}`) ?? []) {
    if (c.t > packet.sendMs) break;
    cwnd = c.cwnd;
  }
  const heads: { kind: 'request' | 'response'; lines: readonly string[] }[] = [];
  const part = laterPart.exec(packet.label);
  if (packet.kind === 'DATA' && (part === null || part[1] === '1')) {
    for (const r of packet.requestIds) {
      const e = (packet.dir === 'c2s' ? index.sent : index.done).get(r);
      if (e?.head)
        heads.push({ kind: packet.dir === 'c2s' ? 'request' : 'response', lines: e.head });
    }
  }
  return {
    packet,
    ...(original ? { original } : {}),
    ...(cwnd !== undefined ? { cwnd } : {}),
    heads,
  };
}

/** A request the "Show" filter offers: its path and, over HTTP/2 and HTTP/3, its stream. */
export interface RequestChoice {
  readonly path: string;
  readonly stream?: number;
}

/**
 * The requests of a trace by path, in the order they were first made, each with the stream it
 * was first sent on (HTTP/2 and HTTP/3; a retry may use another).
 */
export function requestChoices(trace: Trace): RequestChoice[] {
  const byPath = new Map<string, RequestChoice>();
  for (const e of trace) {
    if (e.type !== 'request') continue;
    const known = byPath.get(e.path);
    if (known === undefined) byPath.set(e.path, { path: e.path });
    else if (known.stream === undefined && e.stream !== undefined)
      byPath.set(e.path, { path: e.path, stream: e.stream });
  }
  return [...byPath.values()];
}

/**
 * The lines (SVG path data) of the packets that carry bytes of the requests for `path` (the
 * request, its response, or, over HTTP/2 and HTTP/3, frames of its stream) and have arrived or
 * been lost by time `t`: drawn over a diagram whose other packets are dimmed.
 */
export function requestLines(layout: LadderLayout, trace: Trace, path: string, t: number): string {
  const ids = new Set<number>();
  for (const e of trace) if (e.type === 'request' && e.path === path) ids.add(e.requestId);
  const carrying = new Set<number>();
  for (const e of trace)
    if (e.type === 'packet' && e.requestIds.some((r) => ids.has(r))) carrying.add(e.id);
  let d = '';
  layout.packets.forEach((p, i) => {
    const l = layout.lines[i];
    if (l && p.endMs <= t && carrying.has(p.id)) d += `M${l.x1},${l.y1}L${l.x2},${l.y2}`;
  });
  return d;
}

/** The time (ms) at `px` on a ladder's axis: the inverse of `axisPos`, clamped to the axis. */
export function axisTime(layout: LadderLayout, px: number): number {
  const segs = layout.axis.segments;
  const first = segs[0];
  if (first === undefined) return 0;
  let s = first;
  for (const seg of segs) if (seg.px0 <= px) s = seg;
  if (px <= s.px0 || s.px1 === s.px0) return s.ms0;
  return Math.min(s.ms1, s.ms0 + ((px - s.px0) * (s.ms1 - s.ms0)) / (s.px1 - s.px0));
}
