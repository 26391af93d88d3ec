/**
 * Flights: back-to-back packets of one connection in one direction drawn as one mark, so a dense
 * ladder stays legible (issue 15). A packet joins the flight before it when both are data or
 * both are bare ACKs, alike in being first transmissions or retransmissions and in being
 * delivered or lost, and its line starts less than `flightGapPx` below the previous member's
 * (they would be drawn on top of each other). Handshake, TLS, FIN and RST segments always stay
 * single marks.
 * A flight is labelled with what it carries and a count: "200 OK /img3.png ×7, 10 kB",
 * "DATA 3 ×10, 14.6 kB", "ACK ×12".
 */
import { formatFixed } from '../number-format';
import type { LadderLine } from './marks';
import type { LadderPacket } from './packets';

/** Lines that start closer than this (px) join one flight. */
export const flightGapPx = 2;

/** One drawn mark: a single packet, or a flight of back-to-back packets. */
export interface LadderMark {
  /** Indices into the ladder's packets, in send order (one index for a single packet). */
  readonly members: readonly number[];
  readonly conn: number;
  /** The mark's label: the packet's own, or the flight's summary. */
  readonly label: string;
  /** When the mark is complete: the latest `endMs` of its members. */
  readonly endMs: number;
}

/** Whether a packet may be part of a flight. */
function joinable(p: LadderPacket): boolean {
  return p.kind === 'DATA' || p.kind === 'ACK';
}

/** Whether `p` is drawn like `q`: same kind, both (re)transmissions, both delivered or lost. */
function alike(p: LadderPacket, q: LadderPacket): boolean {
  return p.kind === q.kind && p.retransmit === q.retransmit && p.dropped === q.dropped;
}

/** "(part 2/7)" at the end of a response segment's label. */
const partSuffix = / \(part \d+\/\d+\)$/;

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
  const base = first.label.replace(partSuffix, '');
  const same = members.every((p) => p.label.replace(partSuffix, '') === base);
  const bytes = members.reduce((sum, p) => sum + p.payloadBytes, 0);
  return `${same ? base : first.kind} ×${members.length}, ${formatBytes(bytes)}`;
}

/** A flight being built for one connection and direction. */
interface Open {
  readonly members: number[];
  lastY: number;
}

/**
 * The marks of a ladder: packets (sorted by send time, with their pixel lines) grouped into
 * flights where back-to-back, in the order of their first packet.
 */
export function ladderMarks(
  packets: readonly LadderPacket[],
  lines: readonly LadderLine[],
  gapPx: number = flightGapPx,
): LadderMark[] {
  const marks: LadderMark[] = [];
  const open = new Map<string, Open>();
  const close = (flight: Open): void => {
    const members = flight.members.map((i) => packets[i] as LadderPacket);
    const only = members.length === 1 ? members[0] : undefined;
    marks.push({
      members: flight.members,
      conn: (members[0] as LadderPacket).conn,
      label: only ? only.label : flightLabel(members),
      endMs: Math.max(...members.map((p) => p.endMs)),
    });
  };
  packets.forEach((p, i) => {
    const key = `${p.conn} ${p.dir}`;
    const y = (lines[i] as LadderLine).y1;
    const flight = open.get(key);
    const last = flight ? (packets[flight.members.at(-1) as number] as LadderPacket) : undefined;
    if (flight && last && joinable(p) && alike(p, last) && y - flight.lastY < gapPx) {
      flight.members.push(i);
      flight.lastY = y;
      return;
    }
    if (flight) close(flight);
    open.delete(key);
    if (joinable(p)) open.set(key, { members: [i], lastY: y });
    else close({ members: [i], lastY: y });
  });
  for (const flight of open.values()) close(flight);
  return marks.sort((a, b) => (a.members[0] as number) - (b.members[0] as number));
}
