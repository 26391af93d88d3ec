/**
 * Round tick values, as d3-array's `ticks`, `tickStep` and `nice` choose them (the same
 * numbers: a property test compares them), written for the browser in a few lines: ticks are
 * whole multiples of a step of 1, 2 or 5 times a power of ten, the one closest on a log scale to
 * (stop - start) / count. Below 1 the step is kept as its inverse (`per` ticks per unit), so a
 * fractional tick is computed as i / per and comes out exact (0.3, not 0.30000000000000004).
 */

const E10 = Math.sqrt(50);
const E5 = Math.sqrt(10);
const E2 = Math.sqrt(2);

/** Ticks `lo`…`hi` (indices) of a step `unit` (≥ 1) or `1 / per` (below 1; `unit` is then 0). */
interface TickSpec {
  readonly lo: number;
  readonly hi: number;
  readonly unit: number;
  readonly per: number;
}

const valueAt = (s: TickSpec, i: number): number => (s.per ? i / s.per : i * s.unit);

function tickSpec(start: number, stop: number, count: number): TickSpec {
  const raw = (stop - start) / Math.max(0, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= E10 ? 10 : error >= E5 ? 5 : error >= E2 ? 2 : 1;
  const per = power < 0 ? 10 ** -power / factor : 0;
  const unit = power < 0 ? 0 : 10 ** power * factor;
  const s = { lo: 0, hi: 0, unit, per };
  s.lo = Math.round(per ? start * per : start / unit);
  s.hi = Math.round(per ? stop * per : stop / unit);
  if (valueAt(s, s.lo) < start) s.lo += 1;
  if (valueAt(s, s.hi) > stop) s.hi -= 1;
  // One tick asked for and none fits: ask for two.
  if (s.hi < s.lo && count >= 0.5 && count < 2) return tickSpec(start, stop, count * 2);
  return s;
}

/** About `count` round values in [start, stop] (start ≤ stop), ascending. */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const s = tickSpec(start, stop, count);
  if (!(s.hi >= s.lo)) return [];
  return Array.from({ length: s.hi - s.lo + 1 }, (_, k) => valueAt(s, s.lo + k));
}

/** The step between the values `ticks(start, stop, count)` returns. */
export function tickStep(start: number, stop: number, count: number): number {
  const s = tickSpec(start, stop, count);
  return s.per ? 1 / s.per : s.unit;
}

/** [start, stop] widened outwards to whole steps of about `count` ticks (until the step settles). */
export function nice(start: number, stop: number, count: number): [number, number] {
  let previous: number | undefined;
  for (;;) {
    const s = tickSpec(start, stop, count);
    // The step as d3 keeps it: a unit, or minus the ticks per unit.
    const step = s.per ? -s.per : s.unit;
    if (step === previous || step === 0 || !Number.isFinite(step)) return [start, stop];
    // Whole multiples of the step at or outside the ends; ceil and floor first, then one step
    // out if needed, so a quotient like 0.3 / 0.1 = 2.9999999999999996 cannot lose a step.
    const at = (i: number): number => valueAt(s, i);
    const i = Math.ceil(s.per ? start * s.per : start / s.unit);
    const j = Math.floor(s.per ? stop * s.per : stop / s.unit);
    start = at(at(i) > start ? i - 1 : i);
    stop = at(at(j) < stop ? j + 1 : j);
    previous = step;
  }
}
