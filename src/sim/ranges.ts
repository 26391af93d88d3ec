/**
 * A set of numbers kept as sorted, disjoint half-open ranges [start, end): byte ranges of a
 * stream (received, acknowledged, to resend), packet numbers received, stall intervals.
 * Touching ranges are merged ([0, 5) + [5, 8) = [0, 8)), empty ones ([s, e) with e <= s) are
 * ignored, so a set has one representation. Stored flat (start, end, start, end, ...): no object
 * per range.
 */
export class RangeSet {
  private readonly r: number[] = [];

  /** Number of (maximal) ranges. */
  get size(): number {
    return this.r.length >> 1;
  }

  get isEmpty(): boolean {
    return this.r.length === 0;
  }

  /** Start of the i-th range (0 = lowest). */
  start(i: number): number {
    return this.r[2 * i] as number;
  }

  /** End (exclusive) of the i-th range. */
  end(i: number): number {
    return this.r[2 * i + 1] as number;
  }

  /** Adds [s, e), merging with the ranges it overlaps or touches. */
  add(s: number, e: number): void {
    if (e <= s) return;
    const r = this.r;
    const n = r.length;
    // The usual cases first: after the last range, or extending it.
    if (n === 0 || (r[n - 1] as number) < s) {
      r.push(s, e);
      return;
    }
    if ((r[n - 2] as number) <= s) {
      if (e > (r[n - 1] as number)) r[n - 1] = e;
      return;
    }
    let k = 0;
    while (k < n && (r[k + 1] as number) < s) k += 2;
    let start = s;
    let end = e;
    let m = k;
    while (m < n && (r[m] as number) <= end) {
      start = Math.min(start, r[m] as number);
      end = Math.max(end, r[m + 1] as number);
      m += 2;
    }
    r.splice(k, m - k, start, end);
  }

  /** Removes [s, e): ranges inside go, ranges across its ends are cut. */
  subtract(s: number, e: number): void {
    if (e <= s) return;
    const r = this.r;
    const n = r.length;
    let i = 0;
    while (i < n && (r[i + 1] as number) <= s) i += 2;
    if (i === n || (r[i] as number) >= e) return;
    let j = i;
    while (j < n && (r[j] as number) < e) j += 2;
    // Ranges i .. j - 2 overlap [s, e): keep what lies before s and after e.
    const a = r[i] as number;
    const b = r[j - 1] as number;
    if (a < s && b > e) r.splice(i, j - i, a, s, e, b);
    else if (a < s) r.splice(i, j - i, a, s);
    else if (b > e) r.splice(i, j - i, e, b);
    else r.splice(i, j - i);
  }

  /** Removes every range of `other`. */
  subtractAll(other: RangeSet): void {
    const o = other.r;
    for (let i = 0; i < o.length && this.r.length > 0; i += 2)
      this.subtract(o[i] as number, o[i + 1] as number);
  }

  /** Removes the lowest range. */
  shift(): void {
    // Two shifts rather than splice(0, 2), which builds an array of what it removes.
    this.r.shift();
    this.r.shift();
  }

  /** Whether x is in the set. */
  contains(x: number): boolean {
    const r = this.r;
    for (let i = 0; i < r.length && (r[i] as number) <= x; i += 2)
      if (x < (r[i + 1] as number)) return true;
    return false;
  }

  /** Whether every number of [s, e) is in the set (an empty range always is). */
  covers(s: number, e: number): boolean {
    if (e <= s) return true;
    const r = this.r;
    for (let i = 0; i < r.length && (r[i] as number) <= s; i += 2)
      if (e <= (r[i + 1] as number)) return true;
    return false;
  }

  /** Total length of the ranges. */
  measure(): number {
    let t = 0;
    for (let i = 0; i < this.r.length; i += 2)
      t += (this.r[i + 1] as number) - (this.r[i] as number);
    return t;
  }

  /** The ranges as [start, end) pairs, lowest first. */
  toArray(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.r.length; i += 2)
      out.push([this.r[i] as number, this.r[i + 1] as number]);
    return out;
  }
}
