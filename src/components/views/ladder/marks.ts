/**
 * The ladder's marks as SVG path data: a packet's line, its arrowhead or drop cross, its
 * serialization band; and prefix-sliceable paths, which hold many marks in one string so that
 * the marks drawn by time t are a prefix of it (no string is built per frame).
 */
import { round1 as r1 } from '../pixels';

/** Length of arrowhead strokes (px). */
export const arrowSize = 6;
/** Half-size of the cross drawn where a dropped packet is lost (px). */
export const crossSize = 4;

/** A packet's line in pixels: from (x1, y1) at `txEndMs` to (x2, y2) at `endMs`. */
export interface LadderLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * Marks of one connection, as prefix-sliceable strings: the marks are in drawing order (by
 * `endMs`), and `cum[k]` is the length of the path for the first k of them, so the path at time
 * t is `full.slice(0, cum[k])` with k found by bisection.
 */
export interface PrefixPath {
  readonly full: string;
  readonly cum: readonly number[];
}

/** Joins marks (one path string each, possibly empty) into a prefix-sliceable path. */
export function prefixPath(parts: readonly string[]): PrefixPath {
  const cum = [0];
  let len = 0;
  for (const s of parts) {
    len += s.length;
    cum.push(len);
  }
  return { full: parts.join(''), cum };
}

/** The last slice taken of each prefix path, handed out again while k stays the same. */
const lastSlice = new WeakMap<PrefixPath, { readonly k: number; readonly s: string }>();

/**
 * The first k marks of a prefix path. The same string object while k stays the same, so the view
 * sees an unchanged attribute at once (comparing two long equal strings costs their length, and
 * a zoomed ladder's paths are long).
 */
export function prefixSlice(p: PrefixPath, k: number): string {
  const last = lastSlice.get(p);
  if (last?.k === k) return last.s;
  const s = p.full.slice(0, p.cum[k] ?? p.full.length);
  lastSlice.set(p, { k, s });
  return s;
}

/** Path of a packet's line. */
export function segment(l: LadderLine): string {
  return `M${r1(l.x1)},${r1(l.y1)}L${r1(l.x2)},${r1(l.y2)}`;
}

/** Path segments (M … L …) of an arrowhead at (x2, y2) pointing along the line. */
export function arrowHead(l: LadderLine): string {
  const a = Math.atan2(l.y2 - l.y1, l.x2 - l.x1);
  const s = arrowSize;
  const p1x = l.x2 - s * Math.cos(a - 0.45);
  const p1y = l.y2 - s * Math.sin(a - 0.45);
  const p2x = l.x2 - s * Math.cos(a + 0.45);
  const p2y = l.y2 - s * Math.sin(a + 0.45);
  return `M${r1(p1x)},${r1(p1y)}L${r1(l.x2)},${r1(l.y2)}L${r1(p2x)},${r1(p2y)}`;
}

/** Path of a cross centred on (x, y). */
export function cross(x: number, y: number): string {
  const c = crossSize;
  return `M${r1(x - c)},${r1(y - c)}L${r1(x + c)},${r1(y + c)}M${r1(x - c)},${r1(y + c)}L${r1(x + c)},${r1(y - c)}`;
}

/**
 * A serialization band: the parallelogram between the line of the packet's first bit (from y0
 * at the sender, reaching y0 + dy) and its line (from y1 to y2). Always drawn clockwise on the
 * screen, whichever way the packet goes: a connection's bands share one path, filled by the
 * nonzero rule, and a band of each direction wound opposite ways would cancel where they overlap
 * (a dense ladder's two bundles of one connection, requests and responses over the same seconds,
 * showed only their edges, their labels floating in white).
 */
export function band(l: LadderLine, y0: number, dy: number): string {
  const a = `${r1(l.x1)},${r1(y0)}`;
  const b = `${r1(l.x2)},${r1(y0 + dy)}`;
  const c = `${r1(l.x2)},${r1(l.y2)}`;
  const d = `${r1(l.x1)},${r1(l.y1)}`;
  return l.x1 > l.x2 ? `M${d}L${c}L${b}L${a}Z` : `M${a}L${b}L${c}L${d}Z`;
}
