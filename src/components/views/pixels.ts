/**
 * Rounding of pixel coordinates, so SVG path strings stay short: `round1` to 0.1 px (the ladder,
 * many short segments), `round2` to 0.01 px (charts whose values must read precisely).
 */

/** A coordinate rounded to 0.1 px. */
export const round1 = (v: number): number => Math.round(v * 10) / 10;

/** A coordinate rounded to 0.01 px. */
export const round2 = (v: number): number => Math.round(v * 100) / 100;
