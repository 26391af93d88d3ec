/**
 * Per-frame slicing of the ladder: what is drawn at playback time t, cut from a `LadderLayout`
 * by binary search so that a frame costs O(connections · log n + packets in flight).
 */
import { bisectRight } from 'd3-array';
import { axisPos } from '../axis';
import { connColor } from '../colors';
import { round1 as r1 } from '../pixels';
import type { LadderLayout } from './layout';
import { prefixSlice, type LadderLine } from './marks';
import type { LadderPacket } from './packets';
import type { LadderLabel } from './place-labels';

/** The drawn paths of one connection at time t. */
export interface ConnFrame {
  readonly conn: number;
  readonly color: string;
  readonly line: string;
  readonly dashed: string;
  readonly heads: string;
  readonly crosses: string;
  readonly bands: string;
  readonly flights: string;
}

/**
 * A packet drawn on its own at t: in flight, up to its current position (x2, y2) with a marker
 * there; or arrived while the rest of its flight is still on the way (`arrived`, no marker).
 */
export interface InFlight extends LadderLine {
  readonly id: number;
  readonly conn: number;
  readonly color: string;
  readonly retransmit: boolean;
  readonly arrived: boolean;
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

/**
 * The slice of the ladder drawn at time t: completed packets (endMs ≤ t) as prefix paths per
 * connection, packets drawn on their own (sendMs ≤ t < untilMs: in flight, or members of a flight
 * not yet complete) found by binary search on send times, and labels whose marks are due.
 */
export function ladderFrame(layout: LadderLayout, t: number): LadderFrame {
  return ladderFrames(layout)(t);
}

/**
 * `ladderFrame` for one layout at successive times: a connection whose completed packets have not
 * changed since the last call keeps its `ConnFrame`, and the labels their array, so that a view
 * redraws only what moved (with 60 connections on screen, redrawing every connection's paths in
 * every animation frame was most of a frame's work).
 */
export function ladderFrames(layout: LadderLayout): (t: number) => LadderFrame {
  const last = new Map<number, { k: number; frame: ConnFrame }>();
  let labels: readonly LadderLabel[] = [];
  return (t) => {
    const sent = bisectRight(layout.sendTimes, t);
    const conns: ConnFrame[] = [];
    for (const c of layout.conns) {
      const k = bisectRight(c.endTimes, t);
      if (k === 0) continue;
      const kept = last.get(c.conn);
      if (kept?.k === k) {
        conns.push(kept.frame);
        continue;
      }
      const frame: ConnFrame = {
        conn: c.conn,
        color: c.color,
        line: prefixSlice(c.line, k),
        dashed: prefixSlice(c.dashed, k),
        heads: prefixSlice(c.heads, k),
        crosses: prefixSlice(c.crosses, k),
        bands: prefixSlice(c.bands, k),
        flights: prefixSlice(c.flights, k),
      };
      last.set(c.conn, { k, frame });
      conns.push(frame);
    }
    const inFlight: InFlight[] = [];
    const from = bisectRight(layout.sendTimes, t - layout.maxSpanMs - 1e-9);
    const y = (ms: number): number => axisPos(layout.axis, ms);
    for (let i = from; i < sent; i++) {
      const p = layout.packets[i] as LadderPacket;
      if ((layout.untilMs[i] as number) <= t) continue;
      const l = layout.lines[i] as LadderLine;
      const f = t <= p.txEndMs ? 0 : Math.min(p.reach, (t - p.txEndMs) / p.owdMs);
      const dxFull = (l.x2 - l.x1) / p.reach;
      inFlight.push({
        id: p.id,
        conn: p.conn,
        color: connColor(p.conn),
        retransmit: p.retransmit,
        arrived: p.endMs <= t,
        x1: l.x1,
        y1: t <= p.txEndMs ? y(t) : l.y1,
        x2: r1(l.x1 + dxFull * f),
        y2: r1(y(t)),
      });
    }
    const connsSeen = bisectRight(layout.firstSendTimes, t);
    const due = bisectRight(layout.labelTimes, t);
    if (labels.length !== due) labels = layout.labels.slice(0, due);
    return { nowY: r1(y(Math.max(0, t))), sent, connsSeen, conns, inFlight, labels };
  };
}
