/**
 * Ladder (time-space) diagram layout, computed once per (packets, size): time flows down, the
 * client column is on the left and the server column on the right. Each packet is a line from
 * the sender's column at `txEndMs` (its last bit on the wire) to the receiver's column at
 * `endMs`, with a band from `txStartMs` showing serialization; per connection, the marks are
 * joined into prefix-sliceable paths (`marks.ts`) that `frame.ts` slices at playback time t.
 */
import { axisPos, timeAxis, type TimeAxis, type Tick } from '../axis';
import { connColor } from '../colors';
import {
  arrowHead,
  band,
  cross,
  prefixPath,
  segment,
  type LadderLine,
  type PrefixPath,
} from './marks';
import type { LadderPacket } from './packets';
import { placeLabels, type LadderLabel } from './place-labels';

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
/** Minimum distance between the columns for labels to be drawn (px). */
export const minLabelGap = 140;

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

/** The marks of one connection's packets (indices into `packets`), in `endMs` order. */
function connGeometry(
  conn: number,
  indices: number[],
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  y: (ms: number) => number,
): ConnGeometry {
  const idx = indices.sort(
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
    const seg = segment(l);
    line.push(p.retransmit ? '' : seg);
    dashed.push(p.retransmit ? seg : '');
    heads.push(p.dropped ? '' : arrowHead(l));
    crosses.push(p.dropped ? cross(l.x2, l.y2) : '');
    const y0 = y(p.txStartMs);
    bands.push(l.y1 - y0 >= 1.5 ? band(l, y0, y(p.txStartMs + p.owdMs * p.reach) - y0) : '');
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
  const conns = [...byConn.keys()]
    .sort((a, b) => a - b)
    .map((conn) => connGeometry(conn, byConn.get(conn) as number[], packets, lines, y));

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
