/**
 * Ladder (time-space) diagram layout: pure functions from packet events to pixel geometry, and
 * from (geometry, t) to the slice drawn at playback time t. Time flows down; the client column is
 * on the left, the server column on the right. Each packet is a line from the sender's column at
 * `txEndMs` (its last bit on the wire) to the receiver's column at `arriveMs`; a band from
 * `txStartMs` shows serialization. A dropped packet stops halfway (in time and space) at a cross.
 * Packets of HTTP/2 and QUIC carry their frames; their labels are compacted (`packetLabel`).
 */
import type { Direction, FramePiece, PacketEvent, PacketKind, Trace } from '../../sim/trace';
import { axisPos, timeAxis, upperBound, type TimeAxis, type Tick } from './axis';
import { connColor } from './colors';

/** A packet reduced to what the ladder needs, with the time its drawn line ends. */
export interface LadderPacket {
  readonly id: number;
  readonly conn: number;
  readonly dir: Direction;
  readonly kind: PacketKind;
  readonly label: string;
  readonly retransmit: boolean;
  readonly dropped: boolean;
  readonly wireBytes: number;
  readonly sendMs: number;
  readonly txStartMs: number;
  readonly txEndMs: number;
  /** One-way propagation delay: `arriveMs - txEndMs`, or the estimate for a dropped packet. */
  readonly owdMs: number;
  /** Fraction of the way across that the line reaches: 1 when delivered, 0.5 when dropped. */
  readonly reach: number;
  /** Time the drawn line ends: `arriveMs`, or the drop point (`txEndMs + owdMs / 2`). */
  readonly endMs: number;
}

/** Frame types whose stream id names a stream; the others belong to the connection itself. */
const streamFrameTypes: ReadonlySet<string> = new Set(['HEADERS', 'DATA', 'STREAM']);

/**
 * The frames of a packet in a few characters: each frame type once, in wire order, with the
 * stream ids it carries (only for stream frames: HEADERS, DATA, STREAM), joined by " + ":
 * [HEADERS 3, HEADERS 5, DATA 3] → "HEADERS 3,5 + DATA 3"; [SETTINGS 0, ACK 0] → "SETTINGS + ACK".
 */
export function frameSummary(frames: readonly FramePiece[]): string {
  const ids = new Map<string, number[]>();
  for (const f of frames) {
    let list = ids.get(f.type);
    if (!list) ids.set(f.type, (list = []));
    if (streamFrameTypes.has(f.type) && !list.includes(f.stream)) list.push(f.stream);
  }
  return [...ids]
    .map(([type, list]) => (list.length > 0 ? `${type} ${list.join(',')}` : type))
    .join(' + ');
}

/** A part of an HTTP/2 packet's label that describes a frame: "HEADERS [1] GET /a.png". */
const framePart = / \[\d+\]/;

/** A QUIC packet's label without the packet type the simulation puts first ("Initial ClientHello"). */
export function quicLabelBody(p: PacketEvent): string {
  const type = p.packetType;
  return type !== undefined && p.label.startsWith(`${type} `)
    ? p.label.slice(type.length + 1)
    : p.label;
}

/**
 * The ladder's label of a packet. QUIC: packet type and number, then the frames ("1-RTT #12:
 * STREAM 4,8 + ACK"), or for a handshake packet the TLS messages it carries ("Initial #0:
 * ClientHello"). HTTP/2 over TCP: the frames (`frameSummary`), keeping the parts of the
 * simulation's label that are not frames, such as a TLS record before them ("Finished + SETTINGS
 * + HEADERS 1") or a FIN after them. Other packets keep the simulation's label.
 */
export function packetLabel(p: PacketEvent): string {
  const frames = p.frames ?? [];
  if (p.packetType !== undefined) {
    const head = `${p.packetType} #${p.packetNumber ?? p.seq}`;
    if (p.kind === 'TLS') return `${head}: ${quicLabelBody(p)}`;
    return frames.length > 0 ? `${head}: ${frameSummary(frames)}` : head;
  }
  if (frames.length === 0) return p.label;
  const parts = p.label.split(' + ');
  const first = parts.findIndex((part) => framePart.test(part));
  let last = parts.length - 1;
  while (last >= 0 && !framePart.test(parts[last] as string)) last--;
  if (first < 0) return frameSummary(frames);
  return [...parts.slice(0, first), frameSummary(frames), ...parts.slice(last + 1)].join(' + ');
}

/** Which kinds of compact labels a ladder shows, for its notes. */
export function labelKinds(packets: readonly PacketEvent[]): { frames: boolean; quic: boolean } {
  let frames = false;
  let quic = false;
  for (const p of packets) {
    if (p.packetType !== undefined) quic = true;
    else if (p.frames !== undefined && p.frames.length > 0) frames = true;
    if (frames && quic) break;
  }
  return { frames, quic };
}

/** Fallback one-way delay (ms) when no packet in the trace was delivered. */
export const fallbackOwdMs = 50;

/**
 * One-way delay per direction, read from the first delivered packet in that direction (the link
 * delay is constant), else from the other direction, else `fallbackOwdMs`.
 */
export function oneWayDelays(packets: readonly PacketEvent[]): Record<Direction, number> {
  const found: Partial<Record<Direction, number>> = {};
  for (const p of packets) {
    if (p.dropped || p.arriveMs === undefined || found[p.dir] !== undefined) continue;
    found[p.dir] = p.arriveMs - p.txEndMs;
    if (found.c2s !== undefined && found.s2c !== undefined) break;
  }
  const any = found.c2s ?? found.s2c ?? fallbackOwdMs;
  return { c2s: found.c2s ?? any, s2c: found.s2c ?? any };
}

/** The time at which a dropped packet is shown lost: halfway along its would-be path. */
export function dropTimeMs(p: PacketEvent, owd: Record<Direction, number>): number {
  return p.txEndMs + owd[p.dir] / 2;
}

/** The packet events of a trace, in trace order. */
export function tracePackets(trace: Trace): PacketEvent[] {
  const all: PacketEvent[] = [];
  for (const e of trace) if (e.type === 'packet') all.push(e);
  return all;
}

/**
 * The packets of a trace (optionally only some connections), sorted by send time then id, each
 * labelled by `packetLabel`.
 */
export function ladderPackets(trace: Trace, conns?: readonly number[]): LadderPacket[] {
  const all = tracePackets(trace);
  const owd = oneWayDelays(all);
  const keep = conns && conns.length > 0 ? new Set(conns) : undefined;
  const out: LadderPacket[] = [];
  for (const p of all) {
    if (keep && !keep.has(p.conn)) continue;
    const delivered = !p.dropped && p.arriveMs !== undefined;
    const owdMs = delivered ? (p.arriveMs as number) - p.txEndMs : owd[p.dir];
    out.push({
      id: p.id,
      conn: p.conn,
      dir: p.dir,
      kind: p.kind,
      label: packetLabel(p),
      retransmit: p.retransmit,
      dropped: !delivered,
      wireBytes: p.wireBytes,
      sendMs: p.sendMs,
      txStartMs: p.txStartMs,
      txEndMs: p.txEndMs,
      owdMs,
      reach: delivered ? 1 : 0.5,
      endMs: delivered ? (p.arriveMs as number) : p.txEndMs + owdMs / 2,
    });
  }
  out.sort((a, b) => a.sendMs - b.sendMs || a.id - b.id);
  return out;
}

/** Default diagram height for a number of packets: 22 px per packet, between 280 and 640 px. */
export function defaultLadderHeight(packetCount: number): number {
  return Math.min(640, Math.max(280, 60 + 22 * packetCount));
}

/** Options for `layoutLadder`. */
export interface LadderLayoutOptions {
  /** SVG width in px. */
  readonly width: number;
  /** SVG height in px; default `defaultLadderHeight(packets.length)`. */
  readonly height?: number;
  /** End of the time axis (ms); default the latest packet end. */
  readonly maxMs?: number;
  /** Collapse long quiet gaps (no packet on the wire) on the time axis; default true. */
  readonly compressIdle?: boolean;
  /** Busy spans to collapse around instead of the packets' own (one clock across panes). */
  readonly busy?: readonly (readonly [number, number])[];
}

/** Margins and sizes of the ladder (px). */
export const ladderMargin = { top: 34, bottom: 14, left: 52, right: 16 } as const;
/** Horizontal inset of each column from the plot edges (px). */
export const columnInset = 24;
/** Estimated label metrics (px) for 11 px monospace-ish text. */
export const labelCharWidth = 6.4;
/** Height of a label box (px). */
export const labelHeight = 13;
/** Minimum distance between the columns for labels to be drawn (px). */
export const minLabelGap = 140;
/** Length of arrowhead strokes and half-size of drop crosses (px). */
export const arrowSize = 6;
/** Half-size of the cross drawn where a dropped packet is lost (px). */
export const crossSize = 4;

/** A label placed once per layout, shown from `showMs` on (when the packet is halfway). */
export interface LadderLabel {
  readonly id: number;
  readonly conn: number;
  readonly text: string;
  /** Centre of the label. */
  readonly x: number;
  readonly y: number;
  /** Estimated text width (px), for the background box. */
  readonly width: number;
  readonly showMs: number;
}

/** A packet's line in pixels: from (x1, y1) at `txEndMs` to (x2, y2) at `endMs`. */
export interface LadderLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Completed-packet paths of one connection, as prefix-sliceable strings: the packets are sorted
 * by `endMs`, and `cum[k]` is the length of the path for the first k of them, so the path at
 * time t is `full.slice(0, cum[upperBound(endTimes, t)])` and no string is built per frame.
 */
export interface PrefixPath {
  readonly full: string;
  readonly cum: readonly number[];
}

/** Precomputed geometry of one connection's completed packets. */
export interface ConnGeometry {
  readonly conn: number;
  readonly color: string;
  /** `endMs` of this connection's packets, ascending. */
  readonly endTimes: readonly number[];
  /** First transmissions (solid). */
  readonly line: PrefixPath;
  /** Retransmissions (dashed). */
  readonly dashed: PrefixPath;
  /** Arrowheads of delivered packets. */
  readonly heads: PrefixPath;
  /** Crosses of dropped packets. */
  readonly crosses: PrefixPath;
  /** Serialization bands (filled parallelograms), only where at least 1.5 px tall. */
  readonly bands: PrefixPath;
}

/** The geometry of a whole ladder, computed once per (packets, size). */
export interface LadderLayout {
  readonly width: number;
  readonly height: number;
  /** y of time 0 and of `domainMs`. */
  readonly top: number;
  readonly bottom: number;
  /** x of the time axis line. */
  readonly axisX: number;
  readonly xClient: number;
  readonly xServer: number;
  readonly domainMs: number;
  /** The time axis (possibly with collapsed gaps). */
  readonly axis: TimeAxis;
  readonly ticks: readonly Tick[];
  /** Packets sorted by `sendMs`. */
  readonly packets: readonly LadderPacket[];
  readonly lines: readonly LadderLine[];
  readonly sendTimes: readonly number[];
  /** Longest `endMs - sendMs`: packets in flight at t were sent after t minus this. */
  readonly maxSpanMs: number;
  readonly conns: readonly ConnGeometry[];
  /** Placed labels sorted by `showMs` (empty when the columns are too close). */
  readonly labels: readonly LadderLabel[];
  readonly labelTimes: readonly number[];
  /** First send time of each connection, ascending. */
  readonly firstSendTimes: readonly number[];
}

const r1 = (v: number): number => Math.round(v * 10) / 10;

/** The pixel line of a packet. */
function lineOf(
  p: LadderPacket,
  xClient: number,
  xServer: number,
  y: (ms: number) => number,
): LadderLine {
  const xs = p.dir === 'c2s' ? xClient : xServer;
  const xd = p.dir === 'c2s' ? xServer : xClient;
  return { x1: xs, y1: y(p.txEndMs), x2: xs + (xd - xs) * p.reach, y2: y(p.endMs) };
}

/** Shortens `text` with an ellipsis to at most `maxChars` characters. */
export function fitLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return '…';
  return `${text.slice(0, maxChars - 1)}…`;
}

/** Segments whose label may move along the line when the midpoint is taken. */
const controlKinds: ReadonlySet<string> = new Set(['SYN', 'SYN-ACK', 'FIN', 'RST']);
/** Fractions along a line where a label is tried: the midpoint, then nearer either end. */
const labelSpots = [0.5, 0.3, 0.7, 0.2, 0.8] as const;

/**
 * Places labels greedily without overlap: packets other than bare ACKs first, then ACKs, each in
 * send order; a label is centred on the midpoint of its packet's line and skipped when its box
 * would overlap one already placed (checked in a grid of label-height rows, so it stays O(n)).
 * Handshake and teardown segments (SYN, SYN-ACK, FIN, RST) whose midpoint is taken try a few
 * other points along their line first: a FIN crossing a request has the same midpoint as it.
 */
export function placeLabels(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  maxWidth: number,
): LadderLabel[] {
  const maxChars = Math.max(1, Math.floor(maxWidth / labelCharWidth));
  const rows = new Map<number, { x0: number; x1: number; y: number }[]>();
  const placed: LadderLabel[] = [];
  const order = packets
    .map((_p, i) => i)
    .sort((a, b) => {
      const pa = packets[a] as LadderPacket;
      const pb = packets[b] as LadderPacket;
      return Number(pa.kind === 'ACK') - Number(pb.kind === 'ACK') || a - b;
    });
  for (const i of order) {
    const p = packets[i] as LadderPacket;
    const l = lines[i] as LadderLine;
    const text = fitLabel(p.label, maxChars);
    const w = text.length * labelCharWidth;
    const clashes = (box: { x0: number; x1: number; y: number }): boolean => {
      const row = Math.floor(box.y / labelHeight);
      for (let r = row - 1; r <= row + 1; r++) {
        for (const b of rows.get(r) ?? []) {
          if (Math.abs(b.y - box.y) < labelHeight && b.x0 < box.x1 && box.x0 < b.x1) return true;
        }
      }
      return false;
    };
    let x = 0;
    let y = 0;
    let box: { x0: number; x1: number; y: number } | undefined;
    for (const f of controlKinds.has(p.kind) ? labelSpots : labelSpots.slice(0, 1)) {
      const cx = r1(l.x1 + f * (l.x2 - l.x1));
      const cy = r1(l.y1 + f * (l.y2 - l.y1));
      const candidate = { x0: cx - w / 2, x1: cx + w / 2, y: cy };
      if (!clashes(candidate)) {
        [x, y, box] = [cx, cy, candidate];
        break;
      }
    }
    if (box === undefined) continue;
    const row = Math.floor(y / labelHeight);
    const list = rows.get(row);
    if (list) list.push(box);
    else rows.set(row, [box]);
    placed.push({
      id: p.id,
      conn: p.conn,
      text,
      x,
      y,
      width: r1(w),
      showMs: (p.txEndMs + p.endMs) / 2,
    });
  }
  placed.sort((a, b) => a.showMs - b.showMs || a.id - b.id);
  return placed;
}

function prefixPath(parts: readonly string[]): PrefixPath {
  const cum = [0];
  let len = 0;
  for (const s of parts) {
    len += s.length;
    cum.push(len);
  }
  return { full: parts.join(''), cum };
}

/** Path segments (M … L …) of an arrowhead at (x2, y2) pointing along the line. */
function arrowHead(l: LadderLine): string {
  const a = Math.atan2(l.y2 - l.y1, l.x2 - l.x1);
  const s = arrowSize;
  const p1x = l.x2 - s * Math.cos(a - 0.45);
  const p1y = l.y2 - s * Math.sin(a - 0.45);
  const p2x = l.x2 - s * Math.cos(a + 0.45);
  const p2y = l.y2 - s * Math.sin(a + 0.45);
  return `M${r1(p1x)},${r1(p1y)}L${r1(l.x2)},${r1(l.y2)}L${r1(p2x)},${r1(p2y)}`;
}

/** Path of a cross centred on (x, y). */
function cross(x: number, y: number): string {
  const c = crossSize;
  return `M${r1(x - c)},${r1(y - c)}L${r1(x + c)},${r1(y + c)}M${r1(x - c)},${r1(y + c)}L${r1(x + c)},${r1(y - c)}`;
}

/** Lays out the ladder for a size: columns, time scale, ticks, per-connection paths, labels. */
export function layoutLadder(
  packets: readonly LadderPacket[],
  options: LadderLayoutOptions,
): LadderLayout {
  const width = Math.max(200, options.width);
  const height = options.height ?? defaultLadderHeight(packets.length);
  let lastEnd = 0;
  let maxSpanMs = 0;
  for (const p of packets) {
    lastEnd = Math.max(lastEnd, p.endMs);
    maxSpanMs = Math.max(maxSpanMs, p.endMs - p.sendMs);
  }
  const domainMs = Math.max(1, options.maxMs ?? lastEnd);
  const top = ladderMargin.top;
  const bottom = height - ladderMargin.bottom;
  const axis = timeAxis(domainMs, top, bottom, {
    spacing: 56,
    charWidth: 0,
    ...(options.compressIdle === false
      ? {}
      : { busy: options.busy ?? packets.map((p): [number, number] => [p.sendMs, p.endMs]) }),
  });
  const y = (ms: number): number => axisPos(axis, ms);
  const axisX = ladderMargin.left;
  const xClient = axisX + columnInset;
  const xServer = width - ladderMargin.right - columnInset;
  const lines = packets.map((p) => lineOf(p, xClient, xServer, y));

  const byConn = new Map<number, number[]>();
  packets.forEach((p, i) => {
    const list = byConn.get(p.conn);
    if (list) list.push(i);
    else byConn.set(p.conn, [i]);
  });
  const conns: ConnGeometry[] = [...byConn.keys()]
    .sort((a, b) => a - b)
    .map((conn) => {
      const idx = (byConn.get(conn) as number[]).sort(
        (a, b) => (packets[a] as LadderPacket).endMs - (packets[b] as LadderPacket).endMs || a - b,
      );
      const line: string[] = [];
      const dashed: string[] = [];
      const heads: string[] = [];
      const crosses: string[] = [];
      const bands: string[] = [];
      for (const i of idx) {
        const p = packets[i] as LadderPacket;
        const l = lines[i] as LadderLine;
        const seg = `M${r1(l.x1)},${r1(l.y1)}L${r1(l.x2)},${r1(l.y2)}`;
        line.push(p.retransmit ? '' : seg);
        dashed.push(p.retransmit ? seg : '');
        heads.push(p.dropped ? '' : arrowHead(l));
        crosses.push(p.dropped ? cross(l.x2, l.y2) : '');
        const y0 = y(p.txStartMs);
        if (l.y1 - y0 >= 1.5) {
          const dy = y(p.txStartMs + p.owdMs * p.reach) - y0;
          bands.push(
            `M${r1(l.x1)},${r1(y0)}L${r1(l.x2)},${r1(y0 + dy)}L${r1(l.x2)},${r1(l.y2)}L${r1(l.x1)},${r1(l.y1)}Z`,
          );
        } else bands.push('');
      }
      return {
        conn,
        color: connColor(conn),
        endTimes: idx.map((i) => (packets[i] as LadderPacket).endMs),
        line: prefixPath(line),
        dashed: prefixPath(dashed),
        heads: prefixPath(heads),
        crosses: prefixPath(crosses),
        bands: prefixPath(bands),
      };
    });

  const gap = xServer - xClient;
  const labels = gap >= minLabelGap ? placeLabels(packets, lines, gap - 16) : [];
  return {
    width,
    height,
    top,
    bottom,
    axisX,
    xClient,
    xServer,
    domainMs,
    axis,
    ticks: axis.ticks,
    packets,
    lines,
    sendTimes: packets.map((p) => p.sendMs),
    maxSpanMs,
    conns,
    labels,
    labelTimes: labels.map((l) => l.showMs),
    firstSendTimes: [...byConn.values()]
      .map((idx) => Math.min(...idx.map((i) => (packets[i] as LadderPacket).sendMs)))
      .sort((a, b) => a - b),
  };
}

/** The drawn paths of one connection at time t. */
export interface ConnFrame {
  readonly conn: number;
  readonly color: string;
  readonly line: string;
  readonly dashed: string;
  readonly heads: string;
  readonly crosses: string;
  readonly bands: string;
}

/** A packet in flight at t, drawn up to its current position (x2, y2) with a marker there. */
export interface InFlight extends LadderLine {
  readonly id: number;
  readonly conn: number;
  readonly color: string;
  readonly retransmit: boolean;
}

/** What the ladder draws at time t. */
export interface LadderFrame {
  /** y of the "now" line (t clamped to the axis). */
  readonly nowY: number;
  /** Packets sent so far (sendMs ≤ t). */
  readonly sent: number;
  /** Connections that have sent a packet so far. */
  readonly connsSeen: number;
  readonly conns: readonly ConnFrame[];
  readonly inFlight: readonly InFlight[];
  readonly labels: readonly LadderLabel[];
}

const slice = (p: PrefixPath, k: number): string => p.full.slice(0, p.cum[k] ?? p.full.length);

/**
 * The slice of the ladder drawn at time t: completed packets (endMs ≤ t) as prefix paths per
 * connection, packets in flight (sendMs ≤ t < endMs) found by binary search on send times, and
 * labels whose packets are at least halfway. Cost per frame: O(connections · log n + in flight).
 */
export function ladderFrame(layout: LadderLayout, t: number): LadderFrame {
  const sent = upperBound(layout.sendTimes, t);
  const conns: ConnFrame[] = [];
  for (const c of layout.conns) {
    const k = upperBound(c.endTimes, t);
    if (k === 0) continue;
    conns.push({
      conn: c.conn,
      color: c.color,
      line: slice(c.line, k),
      dashed: slice(c.dashed, k),
      heads: slice(c.heads, k),
      crosses: slice(c.crosses, k),
      bands: slice(c.bands, k),
    });
  }
  const inFlight: InFlight[] = [];
  const from = upperBound(layout.sendTimes, t - layout.maxSpanMs - 1e-9);
  const y = (ms: number): number => axisPos(layout.axis, ms);
  for (let i = from; i < sent; i++) {
    const p = layout.packets[i] as LadderPacket;
    if (p.endMs <= t) continue;
    const l = layout.lines[i] as LadderLine;
    const f = t <= p.txEndMs ? 0 : Math.min(p.reach, (t - p.txEndMs) / p.owdMs);
    const dxFull = (l.x2 - l.x1) / p.reach;
    inFlight.push({
      id: p.id,
      conn: p.conn,
      color: connColor(p.conn),
      retransmit: p.retransmit,
      x1: l.x1,
      y1: t <= p.txEndMs ? y(t) : l.y1,
      x2: r1(l.x1 + dxFull * f),
      y2: r1(y(t)),
    });
  }
  const connsSeen = upperBound(layout.firstSendTimes, t);
  const labels = layout.labels.slice(0, upperBound(layout.labelTimes, t));
  return { nowY: r1(y(Math.max(0, t))), sent, connsSeen, conns, inFlight, labels };
}
