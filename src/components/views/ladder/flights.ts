/**
 * Flights: back-to-back packets of one connection in one direction drawn as one mark, so a dense
 * ladder stays legible (issue 15). A packet joins the flight before it when both are data or
 * both are bare ACKs, alike in being first transmissions or retransmissions and in being
 * delivered or lost, and its line starts less than `flightGapPx` below the previous member's
 * (they would be drawn on top of each other). Handshake, TLS, FIN and RST segments always stay
 * single marks.
 * A flight is labelled with what it carries and a count: "200 OK /img3.png ×7, 10 kB",
 * "DATA 3 ×10, 14.6 kB", "ACK ×12".
 * Where even flights would draw more than one mark per 2 px of time axis, `bundles.ts` groups
 * packets further (any kind, then across connections) until they do not.
 */
import { formatFixed } from '../number-format';
import type { LadderLine } from './marks';
import type { LadderPacket } from './packets';

/** Lines that start closer than this (px) join one flight. */
export const flightGapPx = 2;

/** The `conn` of a mark that holds packets of several connections (drawn in a neutral colour). */
export const severalConns = 0;

/** One drawn mark: a single packet, a flight of back-to-back packets, or a bundle. */
export interface LadderMark {
  /** Indices into the ladder's packets, in send order (one index for a single packet). */
  readonly members: readonly number[];
  /** The members' connection, or `severalConns`. */
  readonly conn: number;
  /** The mark's label: the packet's own, or the flight's summary. */
  readonly label: string;
  /** When the mark is complete: the latest `endMs` of its members. */
  readonly endMs: number;
  /**
   * A bundle: packets of different kinds (or connections) drawn as one band because the diagram
   * is too dense to draw them apart (`bundles.ts`); zooming in separates them.
   */
  readonly bundle?: true;
}

/**
 * Whether a packet may be part of a flight: data, bare ACKs, and TLS handshake records, whose
 * flight (a certificate chain, say) spans several segments sent back to back; drawn apart, their
 * lines lay on each other and only the first segment's label ("… (part 1/3)") had room.
 */
export function joinable(p: LadderPacket): boolean {
  return p.kind === 'DATA' || p.kind === 'ACK' || p.kind === 'TLS';
}

/** Whether `p` is drawn like `q`: both (re)transmissions, both delivered or lost. */
export function drawnAlike(p: LadderPacket, q: LadderPacket): boolean {
  return p.retransmit === q.retransmit && p.dropped === q.dropped;
}

/** Whether `p` joins a flight ending in `q`: of one joinable kind, drawn alike. */
export function flightJoins(p: LadderPacket, q: LadderPacket): boolean {
  return joinable(p) && p.kind === q.kind && drawnAlike(p, q);
}

/**
 * "(part 2/7)" at the end of a response segment's label, and the "+ FIN" after it on a last
 * segment that also closes the connection (HTTP/1.0): without it, such a response's flight was
 * labelled by its kind ("DATA ×4, 5.3 kB") instead of by what it carries.
 */
const partSuffix = / \(part \d+\/\d+\)( \+ FIN)?$/;
export const baseLabel = (p: LadderPacket): string => p.label.replace(partSuffix, '');

/** Bytes as the flight labels give them: "900 B", "14.6 kB", "1.2 MB" (SI, as the site does). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatFixed(bytes, 0)} B`;
  if (bytes < 1e6) return `${formatFixed(bytes / 1000, 1)} kB`;
  return `${formatFixed(bytes / 1e6, 1)} MB`;
}

/**
 * A flight's label: the members' common label (without "(part i/n)") or their kind, "×" the
 * count, and for data the payload bytes: "200 OK /a.png ×7, 10 kB"; "ACK ×12".
 */
export function flightLabel(members: readonly LadderPacket[]): string {
  const first = members[0];
  if (first === undefined) return '';
  if (first.kind === 'ACK') return `ACK ×${members.length}`;
  const base = baseLabel(first);
  const same = members.every((p) => baseLabel(p) === base);
  const bytes = members.reduce((sum, p) => sum + p.payloadBytes, 0);
  return `${same ? base : first.kind} ×${members.length}, ${formatBytes(bytes)}`;
}

/** A group being built for one key. */
interface Open {
  members: number[];
  /** Index of its last member. */
  last: number;
  lastY: number;
}

/**
 * Groups packets (sorted by send time, with their pixel lines) by `keys` (one number per packet,
 * computed once by the caller, since this runs once per gap tried on every packet of a dense
 * ladder): a packet joins the open group of its key when its line starts less than `gapPx` below
 * the previous member's and `joins` (told that distance) says so; otherwise the group closes and
 * the packet starts a new one. Groups come in the order of their first packet, as lists of packet
 * indices; or `undefined` as soon as there are more than `limit` of them (a bundling that is
 * tried and rejected for being too dense stops there, without making the rest).
 */
export function groupPackets(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  keys: ArrayLike<number>,
  joins: (p: LadderPacket, last: LadderPacket, dyPx: number) => boolean,
  gapPx: number,
  limit: number = Infinity,
): number[][] | undefined {
  const groups: number[][] = [];
  const open = new Map<number, Open>();
  for (let i = 0; i < packets.length; i++) {
    const p = packets[i] as LadderPacket;
    const key = keys[i] as number;
    const y = (lines[i] as LadderLine).y1;
    const group = open.get(key);
    if (group && y - group.lastY < gapPx) {
      const dy = y - group.lastY;
      if (joins(p, packets[group.last] as LadderPacket, dy)) {
        group.members.push(i);
        group.last = i;
        group.lastY = y;
        continue;
      }
    }
    const members = [i];
    if (groups.push(members) > limit) return undefined;
    if (group) {
      group.members = members;
      group.last = i;
      group.lastY = y;
    } else open.set(key, { members, last: i, lastY: y });
  }
  return groups;
}

/** A packet's direction as a number: 0 client to server, 1 server to client. */
export const dirBit = (p: LadderPacket): number => (p.dir === 'c2s' ? 0 : 1);

/** The marks of flights (groups of one connection's packets, all data or all bare ACKs). */
export function marksOf(
  packets: readonly LadderPacket[],
  groups: readonly (readonly number[])[],
): LadderMark[] {
  return groups.map((indices) => {
    const members = indices.map((i) => packets[i] as LadderPacket);
    const first = members[0] as LadderPacket;
    let endMs = first.endMs;
    for (const p of members) endMs = Math.max(endMs, p.endMs);
    return {
      members: indices,
      conn: first.conn,
      label: members.length === 1 ? first.label : flightLabel(members),
      endMs,
    };
  });
}

/** The flights of packets: groups of one connection and direction, back-to-back and alike. */
export function flightGroups(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  gapPx: number,
): number[][] {
  const keys = packets.map((p) => p.conn * 2 + dirBit(p));
  return groupPackets(packets, lines, keys, flightJoins, gapPx) as number[][];
}

/**
 * Flights: packets (sorted by send time, with their pixel lines) grouped where back-to-back, in
 * the order of their first packet. Handshake, TLS, FIN and RST segments stay single marks.
 */
export function ladderMarks(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  gapPx: number = flightGapPx,
): LadderMark[] {
  return marksOf(packets, flightGroups(packets, lines, gapPx));
}

/** One mark per 2 px of a time axis `axisPx` long (at least 8 marks): the most a ladder draws. */
export function markBound(axisPx: number): number {
  return Math.max(8, Math.floor(axisPx / 2));
}
