/**
 * Trace → ladder packets: each packet event reduced to what the ladder draws, with the time its
 * line ends. A delivered packet's line ends at `arriveMs`; a dropped packet's stops halfway (in
 * time and space), at its drop point (`dropTimeMs`), which the live descriptions use too.
 */
import type { Direction, PacketEvent, PacketKind, Trace } from '../../../sim/trace';
import { packetLabel } from './labels';

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
  /** Bytes of payload (what a flight's label adds up). */
  readonly payloadBytes: number;
  readonly sendMs: number;
  readonly txStartMs: number;
  readonly txEndMs: number;
  /** One-way propagation delay: `arriveMs - txEndMs`, or the estimate for a dropped packet. */
  readonly owdMs: number;
  /** Fraction of the way across that the line reaches: 1 when delivered, 0.5 when dropped. */
  readonly reach: number;
  /** Time the drawn line ends: `arriveMs`, or the drop point (`dropTimeMs`). */
  readonly endMs: number;
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
 * The packets of a trace (optionally only some connections, optionally without bare ACKs), sorted
 * by send time then id, each labelled by `packetLabel`.
 */
export function ladderPackets(
  trace: Trace,
  conns?: readonly number[],
  hideAcks?: boolean,
): LadderPacket[] {
  const all = tracePackets(trace);
  const owd = oneWayDelays(all);
  const keep = conns && conns.length > 0 ? new Set(conns) : undefined;
  const out: LadderPacket[] = [];
  for (const p of all) {
    if ((keep && !keep.has(p.conn)) || (hideAcks && p.kind === 'ACK')) continue;
    const arriveMs = p.dropped ? undefined : p.arriveMs;
    out.push({
      id: p.id,
      conn: p.conn,
      dir: p.dir,
      kind: p.kind,
      label: packetLabel(p),
      retransmit: p.retransmit,
      dropped: arriveMs === undefined,
      wireBytes: p.wireBytes,
      payloadBytes: p.payloadBytes,
      sendMs: p.sendMs,
      txStartMs: p.txStartMs,
      txEndMs: p.txEndMs,
      owdMs: arriveMs === undefined ? owd[p.dir] : arriveMs - p.txEndMs,
      reach: arriveMs === undefined ? 0.5 : 1,
      endMs: arriveMs ?? dropTimeMs(p, owd),
    });
  }
  out.sort((a, b) => a.sendMs - b.sendMs || a.id - b.id);
  return out;
}
