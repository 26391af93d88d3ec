/**
 * The break marks of a broken time axis's collapsed gaps (`axis.ts`): a slash at each side of a
 * gap, except a side that touches another gap or faces one across a stretch too narrow to tell
 * the two pairs apart. Two gaps side by side (the Connection pool at its heaviest: a 57.6 s and a
 * 241.5 s quiet stretch either side of the instant a TIME_WAIT ends) otherwise read "/ / / /";
 * the pair then has one slash at each outer end, and the gaps' boxes still show where each ends.
 */
import type { TimeAxis, TimeSegment } from './axis';

/** Gaps closer than this (px) drop the slashes facing each other. */
const NARROW_STRETCH_PX = 16;

/** One gap and which of its sides get a slash. */
export interface GapMark {
  readonly gap: TimeSegment;
  readonly left: boolean;
  readonly right: boolean;
}

/** The break marks of `axis`'s gaps, in axis order. */
export function gapMarks({ gaps }: TimeAxis): GapMark[] {
  const near = (a?: TimeSegment, b?: TimeSegment): boolean =>
    !!a && !!b && Math.abs(b.px0 - a.px1) < NARROW_STRETCH_PX;
  return gaps.map((gap, i) => ({
    gap,
    left: !near(gaps[i - 1], gap),
    right: !near(gap, gaps[i + 1]),
  }));
}
