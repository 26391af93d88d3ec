/**
 * Ladder (time-space) diagram layout, computed once per (packets, size): time flows down, the
 * client column is on the left and the server column on the right. Each packet is a line from
 * the sender's column at `txEndMs` (its last bit on the wire) to the receiver's column at
 * `endMs`, with a band from `txStartMs` showing serialization. Back-to-back packets become one
 * flight (`flights.ts`): a filled band from its first packet's line to its last one's. Per
 * connection, the marks are joined into prefix-sliceable paths (`marks.ts`) that `frame.ts`
 * slices at playback time t.
 */
import { axisPos, timeAxis, type TimeAxis, type Tick } from '../axis';
import { defaultLadderHeight } from '../clock';
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
import {
  flightGroups,
  flightGapPx,
  markBound,
  marksOf,
  severalConns,
  type LadderMark,
} from './flights';
import type { LadderPacket } from './packets';
import { placeLabels, type LabelCandidate, type LadderLabel } from './place-labels';

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
  /**
   * Groups packets into at most `markBound` marks (`bundles.ts`, loaded when first needed);
   * without it the ladder draws flights, and says in `overBound` when they exceed the bound.
   */
  readonly bundle?: Bundler;
  /** The connection the reader picked to see: its packets are never bundled beyond flights. */
  readonly keepConn?: number;
}

/** What `bundles.ts` exports: the marks of packets for an axis `axisPx` long. */
export type Bundler = (
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  axisPx: number,
  keepConn?: number,
  /** The packets' flights (`flightGroups` at `flightGapPx`), when the caller has them. */
  flights?: readonly (readonly number[])[],
) => LadderMark[];

/** Margins and sizes of the ladder (px). */
export const ladderMargin = { top: 34, bottom: 14, left: 52, right: 16 } as const;
/** Horizontal inset of each column from the plot edges (px). */
export const columnInset = 24;
/** Minimum distance between the columns for labels to be drawn (px). */
export const minLabelGap = 140;

/** Colour of the marks that hold packets of several connections (bundles). */
export const severalColor = 'var(--ka-fg-muted)';

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
  /** Flights: the band from a flight's first line to its last (`flights.ts`). */
  readonly flights: PrefixPath;
}

/** A ladder's frame: its size, columns and time scale. */
export interface LadderBox {
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
}

/** The geometry of a whole ladder, computed once per (packets, size). */
export interface LadderLayout extends LadderBox {
  readonly ticks: readonly Tick[];
  /** Packets sorted by `sendMs`. */
  readonly packets: readonly LadderPacket[];
  readonly lines: readonly LadderLine[];
  readonly sendTimes: readonly number[];
  /**
   * Per packet, until when it is drawn on its own: its `endMs`, or for a flight's member the
   * flight's end (the flight's mark replaces it once every member has arrived).
   */
  readonly untilMs: readonly number[];
  /** Longest `untilMs - sendMs`: packets drawn on their own at t were sent after t minus this. */
  readonly maxSpanMs: number;
  /** The marks drawn when complete: single packets, flights and bundles. */
  readonly marks: readonly LadderMark[];
  /** Flights alone exceed one mark per 2 px and no `bundle` was given: load `bundles.ts`. */
  readonly overBound: boolean;
  readonly conns: readonly ConnGeometry[];
  /** Placed labels sorted by `showMs` (empty when the columns are too close). */
  readonly labels: readonly LadderLabel[];
  readonly labelTimes: readonly number[];
  /** First send time of each connection, ascending. */
  readonly firstSendTimes: readonly number[];
  /** The connections of the packets, ascending (bundles may draw several in one mark). */
  readonly connIds: readonly number[];
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

/** The marks of one connection, in `endMs` order, as prefix paths. */
function connGeometry(
  conn: number,
  marks: LadderMark[],
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  y: (ms: number) => number,
): ConnGeometry {
  const sorted = marks.sort(
    (a, b) => a.endMs - b.endMs || (a.members[0] as number) - (b.members[0] as number),
  );
  const line: string[] = [];
  const dashed: string[] = [];
  const heads: string[] = [];
  const crosses: string[] = [];
  const bands: string[] = [];
  const flights: string[] = [];
  for (const m of sorted) {
    const i = m.members[0] as number;
    const p = packets[i] as LadderPacket;
    const l = lines[i] as LadderLine;
    if (m.members.length > 1) {
      // A flight's members are alike (`flights.ts`): all resent or not, all lost or delivered.
      const last = lines[m.members.at(-1) as number] as LadderLine;
      const edges = segment(l) + segment(last);
      line.push(p.retransmit ? '' : edges);
      dashed.push(p.retransmit ? edges : '');
      heads.push(p.dropped ? '' : arrowHead(last));
      crosses.push(p.dropped ? cross(l.x2, l.y2) + cross(last.x2, last.y2) : '');
      bands.push('');
      // The band between its first and last lines (the columns are the same).
      flights.push(band(last, l.y1, l.y2 - l.y1));
      continue;
    }
    const seg = segment(l);
    line.push(p.retransmit ? '' : seg);
    dashed.push(p.retransmit ? seg : '');
    heads.push(p.dropped ? '' : arrowHead(l));
    crosses.push(p.dropped ? cross(l.x2, l.y2) : '');
    const y0 = y(p.txStartMs);
    bands.push(l.y1 - y0 >= 1.5 ? band(l, y0, y(p.txStartMs + p.owdMs * p.reach) - y0) : '');
    flights.push('');
  }
  return {
    conn,
    color: conn === severalConns ? severalColor : connColor(conn),
    endTimes: sorted.map((m) => m.endMs),
    line: prefixPath(line),
    dashed: prefixPath(dashed),
    heads: prefixPath(heads),
    crosses: prefixPath(crosses),
    bands: prefixPath(bands),
    flights: prefixPath(flights),
  };
}

/** What a mark's label sits on: a packet's line, or a flight's middle line once complete. */
function labelCandidate(
  m: LadderMark,
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
): LabelCandidate {
  const i = m.members[0] as number;
  const p = packets[i] as LadderPacket;
  const first = lines[i] as LadderLine;
  if (m.members.length === 1) {
    return {
      id: p.id,
      conn: p.conn,
      kind: p.kind,
      text: m.label,
      line: first,
      showMs: (p.txEndMs + p.endMs) / 2,
    };
  }
  const last = lines[m.members.at(-1) as number] as LadderLine;
  const line = {
    x1: first.x1,
    y1: (first.y1 + last.y1) / 2,
    x2: first.x2,
    y2: (first.y2 + last.y2) / 2,
  };
  return { id: p.id, conn: p.conn, kind: p.kind, text: m.label, line, showMs: m.endMs };
}

/**
 * The first half of a ladder's layout: its size, columns and time scale, each packet's line and
 * the flights they form. `markLadder` makes the rest; `Ladder.svelte` runs the two in tasks of
 * their own (issue 14: a dense ladder's whole layout took over 50 ms).
 */
export interface LadderScale extends LadderBox {
  readonly lines: readonly LadderLine[];
  readonly flights: readonly (readonly number[])[];
  /** The longest packet's span (ms), before marks join packets. */
  readonly maxSpanMs: number;
}

/** The ladder's size, columns, time scale, lines and flights (`LadderScale`). */
export function scaleLadder(
  packets: readonly LadderPacket[],
  options: Omit<LadderLayoutOptions, 'bundle' | 'keepConn'>,
): LadderScale {
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
  const flights = flightGroups(packets, lines, flightGapPx);
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
    lines,
    flights,
    maxSpanMs,
  };
}

/** Lays out the ladder for a size: columns, time scale, ticks, per-connection paths, labels. */
export function layoutLadder(
  packets: readonly LadderPacket[],
  options: LadderLayoutOptions,
): LadderLayout {
  const scale = scaleLadder(packets, options);
  return markLadder(packets, scale, groupLadder(packets, scale, options));
}

/** A ladder's marks: its flights, or its bundles when it is dense and `bundle` is given. */
export interface LadderGrouping {
  readonly marks: LadderMark[];
  /** The flights exceed the mark bound and no `bundle` was given to group them further. */
  readonly overBound: boolean;
}

/** The second part of a ladder's layout: its marks (flights, or bundles where too dense). */
export function groupLadder(
  packets: readonly LadderPacket[],
  scale: LadderScale,
  options: Pick<LadderLayoutOptions, 'bundle' | 'keepConn'>,
): LadderGrouping {
  const { flights, lines, top, bottom } = scale;
  const over = flights.length > markBound(bottom - top);
  return {
    marks:
      over && options.bundle
        ? options.bundle(packets, lines, bottom - top, options.keepConn, flights)
        : marksOf(packets, flights),
    overBound: over && !options.bundle,
  };
}

/** The labels of a ladder's marks, placed where they fit (none when the columns are too close). */
export function labelLadder(
  packets: readonly LadderPacket[],
  scale: LadderScale,
  marks: readonly LadderMark[],
): LadderLabel[] {
  const gap = scale.xServer - scale.xClient;
  return gap >= minLabelGap
    ? placeLabels(
        marks.map((m) => labelCandidate(m, packets, scale.lines)),
        gap - 16,
      )
    : [];
}

/**
 * The last part of a ladder's layout: from its marks, per-connection paths, with the labels
 * (`labelLadder`, made here unless given).
 */
export function markLadder(
  packets: readonly LadderPacket[],
  scale: LadderScale,
  { marks, overBound }: LadderGrouping,
  labels: readonly LadderLabel[] = labelLadder(packets, scale, marks),
): LadderLayout {
  const { flights: _flights, maxSpanMs: scaledSpanMs, ...frame } = scale;
  const { axis, lines } = frame;
  let maxSpanMs = scaledSpanMs;
  const y = (ms: number): number => axisPos(axis, ms);
  const untilMs = packets.map((p) => p.endMs);
  const byConn = new Map<number, LadderMark[]>();
  for (const m of marks) {
    if (m.members.length > 1) for (const i of m.members) untilMs[i] = m.endMs;
    const list = byConn.get(m.conn);
    if (list) list.push(m);
    else byConn.set(m.conn, [m]);
  }
  const firstSend = new Map<number, number>();
  packets.forEach((p, i) => {
    maxSpanMs = Math.max(maxSpanMs, (untilMs[i] as number) - p.sendMs);
    if (!firstSend.has(p.conn)) firstSend.set(p.conn, p.sendMs);
  });
  const conns = [...byConn.keys()]
    .sort((a, b) => a - b)
    .map((conn) => connGeometry(conn, byConn.get(conn) as LadderMark[], packets, lines, y));
  return {
    ...frame,
    ticks: axis.ticks,
    packets,
    sendTimes: packets.map((p) => p.sendMs),
    untilMs,
    maxSpanMs,
    marks,
    overBound,
    conns,
    labels,
    labelTimes: labels.map((l) => l.showMs),
    firstSendTimes: [...firstSend.values()].sort((a, b) => a - b),
    connIds: [...firstSend.keys()].sort((a, b) => a - b),
  };
}
