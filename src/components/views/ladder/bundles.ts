/**
 * Bundles (issue 15): where a ladder's flights would draw more than one mark per 2 px of its time
 * axis (`markBound`), packets are grouped further until they do not. Loaded only by a ladder that
 * needs it, so the code every widget loads up front stays small.
 */
import {
  baseLabel,
  drawnAlike,
  flightGroups,
  flightGapPx,
  dirBit,
  flightJoins,
  flightLabel,
  joinable,
  formatBytes,
  groupPackets,
  markBound,
  marksOf,
  severalConns,
  type LadderMark,
} from './flights';
import type { LadderLine } from './marks';
import type { LadderPacket } from './packets';

/**
 * The marks of groups made with lines up to `gapPx` apart: a group of one packet is that packet;
 * a group of one kind and connection within the flights' gap is a flight; any other is a bundle
 * (with connections mixed, in the neutral colour: `severalConns`).
 */
function bundleMarks(
  packets: readonly LadderPacket[],
  groups: readonly (readonly number[])[],
  gapPx: number,
): LadderMark[] {
  return groups.map((indices) => {
    const members = indices.map((i) => packets[i] as LadderPacket);
    const first = members[0] as LadderPacket;
    let endMs = first.endMs;
    let conn = first.conn;
    let mixed = false;
    for (const p of members) {
      endMs = Math.max(endMs, p.endMs);
      if (p.conn !== first.conn) conn = severalConns;
      if (p.kind !== first.kind) mixed = true;
    }
    return {
      members: indices,
      conn,
      label: members.length === 1 ? first.label : bundleLabel(members),
      endMs,
      ...(members.length > 1 && (mixed || conn === severalConns || gapPx > flightGapPx)
        ? { bundle: true as const }
        : {}),
    };
  });
}

/**
 * A bundle's label: a flight's when its members are all data or all bare ACKs; otherwise the
 * one label, or the first and last, the count and any payload, after the first data packet's
 * label when that is neither: "SYN ×12", "SYN + GET /a.png ×2, 400 B",
 * "GET /a.png: SYN … FIN ×10, 400 B" (a short connection's client side).
 */
export function bundleLabel(members: readonly LadderPacket[]): string {
  const first = members[0];
  const last = members.at(-1);
  if (first === undefined || last === undefined) return '';
  if (members.every((p) => p.kind === first.kind && joinable(p))) return flightLabel(members);
  const bytes = members.reduce((sum, p) => sum + p.payloadBytes, 0);
  const names = new Set(members.map(baseLabel)).size;
  const count = `×${members.length}${bytes > 0 ? `, ${formatBytes(bytes)}` : ''}`;
  if (names === 1) return `${baseLabel(first)} ${count}`;
  if (names === 2) return `${baseLabel(first)} + ${baseLabel(last)} ${count}`;
  // What the bundle carries first (a request, a response) names it, before its first and last.
  const data = members.find((p) => p.kind === 'DATA');
  const what = data && data !== first && data !== last ? `${baseLabel(data)}: ` : '';
  return `${what}${baseLabel(first)} … ${baseLabel(last)} ${count}`;
}

/** Largest gap (px) between packets of one connection bundled before connections are merged. */
export const maxConnBundleGapPx = 32;

/**
 * The marks of a ladder whose time axis is `axisPx` long: its flights, or, where those would be
 * more than one mark per 2 px of axis, bundles, so that a dense ladder never draws more (issue
 * 15). Bundles are tried from the finest to the coarsest, and the first within the bound is kept:
 * 1. packets of one connection and direction drawn alike (first sending or resent, delivered or
 *    lost), whatever their kind, whose lines start less than 2, 4 … 32 px apart;
 * 2. the same across connections (a mark in the neutral colour, `severalConns`), with the gap
 *    doubling until the bound holds (at a gap longer than the axis there are at most 8 marks).
 * Packets of `keepConn` (the connection a reader picked to see) are never bundled beyond flights.
 * Zooming in lengthens the axis, so bundles open again into flights and single packets.
 */
export function bundledMarks(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  axisPx: number,
  keepConn?: number,
  flights: readonly (readonly number[])[] = flightGroups(packets, lines, flightGapPx),
): LadderMark[] {
  const bound = markBound(axisPx);
  if (flights.length <= bound) return marksOf(packets, flights);
  const kept = (p: LadderPacket): boolean => p.conn === keepConn;
  // The picked connection's packets join only as in flights: alike and back to back.
  const joins = (p: LadderPacket, last: LadderPacket, dyPx: number): boolean =>
    kept(p) ? flightJoins(p, last) && dyPx < flightGapPx : drawnAlike(p, last);
  // Keys as numbers, computed once for every gap tried. Per connection: the picked connection's
  // packets by direction (0, 1), the others by how they are drawn (8 + direction, resent, lost);
  // across connections the others by how they are drawn alone (-1 to -8).
  const style = (p: LadderPacket): number =>
    dirBit(p) + (p.retransmit ? 2 : 0) + (p.dropped ? 4 : 0);
  const perConn = packets.map((p) => p.conn * 16 + (kept(p) ? dirBit(p) : 8 + style(p)));
  const acrossConns = packets.map((p, i) => (kept(p) ? (perConn[i] as number) : -1 - style(p)));
  for (let gap = flightGapPx; gap <= maxConnBundleGapPx; gap *= 2) {
    const groups = groupPackets(packets, lines, perConn, joins, gap, bound);
    if (groups) return bundleMarks(packets, groups, gap);
  }
  for (let gap = flightGapPx; ; gap *= 2) {
    const last = gap > 2 * axisPx;
    const groups = groupPackets(packets, lines, acrossConns, joins, gap, last ? Infinity : bound);
    if (groups) return bundleMarks(packets, groups, gap);
  }
}
