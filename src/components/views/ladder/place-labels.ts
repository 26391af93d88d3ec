/**
 * Ladder label placement: where each packet's label goes, once per layout, without overlap; a
 * label is shown from the time its packet is halfway across.
 */
import { round1 as r1 } from '../pixels';
import { fitLabel } from '../text';
import type { LadderLine } from './marks';
import type { PacketKind } from '../../../sim/trace';

/**
 * Label metrics (px) for the 12 px monospace text of the ladder's labels: the common monospace
 * fonts advance 0.6 em per character (DejaVu Sans Mono, Menlo, SF Mono: 7.2 px at 12 px), so no
 * label's text runs past its box.
 */
export const labelCharWidth = 7.3;
/**
 * Height a label takes (px): its 14 px box (12 px text: ascent and descent of 1.17 em) and a
 * pixel between rows.
 */
export const labelHeight = 15;

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

/** Segments whose label may move along the line when the midpoint is taken. */
const controlKinds: ReadonlySet<string> = new Set(['SYN', 'SYN-ACK', 'FIN', 'RST']);
/** Fractions along a line where a label is tried: the midpoint, then nearer either end. */
const labelSpots = [0.5, 0.3, 0.7, 0.2, 0.8] as const;

/** What may carry a label: a packet, or a flight (`flights.ts`) along its middle line. */
export interface LabelCandidate {
  /** Id of the packet (a flight's first packet). */
  readonly id: number;
  readonly conn: number;
  readonly kind: PacketKind;
  readonly text: string;
  /** The line the label sits on. */
  readonly line: LadderLine;
  /** When the label appears: the packet halfway across, or the flight complete. */
  readonly showMs: number;
}

/** A label's box: its horizontal extent and the y of its centre. */
interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/**
 * Places labels greedily without overlap: marks other than bare ACKs first, then ACKs, each in
 * send order; a label is centred on the midpoint of its packet's line and skipped when its box
 * would overlap one already placed (checked in a grid of label-height rows, so it stays O(n)).
 * Handshake and teardown segments (SYN, SYN-ACK, FIN, RST) whose midpoint is taken try a few
 * other points along their line first: a FIN crossing a request has the same midpoint as it.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  maxWidth: number,
): LadderLabel[] {
  const maxChars = Math.max(1, Math.floor(maxWidth / labelCharWidth));
  const rows = new Map<number, Box[]>();
  const placed: LadderLabel[] = [];
  const order = candidates
    .map((_p, i) => i)
    .sort((a, b) => {
      const pa = candidates[a] as LabelCandidate;
      const pb = candidates[b] as LabelCandidate;
      return Number(pa.kind === 'ACK') - Number(pb.kind === 'ACK') || a - b;
    });
  const clashes = (box: Box): boolean => {
    const row = Math.floor(box.y / labelHeight);
    for (let r = row - 1; r <= row + 1; r++) {
      for (const b of rows.get(r) ?? []) {
        if (Math.abs(b.y - box.y) < labelHeight && b.x0 < box.x1 && box.x0 < b.x1) return true;
      }
    }
    return false;
  };
  for (const i of order) {
    const p = candidates[i] as LabelCandidate;
    const l = p.line;
    const text = fitLabel(p.text, maxChars);
    const w = text.length * labelCharWidth;
    let x = 0;
    let y = 0;
    let box: Box | undefined;
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
      showMs: p.showMs,
    });
  }
  placed.sort((a, b) => a.showMs - b.showMs || a.id - b.id);
  return placed;
}
