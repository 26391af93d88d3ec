/**
 * Which rows of a paged table to show: pages of `size` rows over the `total` rows that exist
 * now (a trace table grows as playback advances). `chosen`: the first row of the page the
 * reader picked, kept within the rows that exist; undefined: the latest page, the one holding
 * the last row, so the table follows playback.
 */
export function tablePage(
  total: number,
  size: number,
  chosen: number | undefined,
): { readonly start: number; readonly end: number } {
  const n = Math.max(0, Math.floor(total));
  const s = Math.max(1, Math.floor(size));
  const last = n === 0 ? 0 : Math.floor((n - 1) / s) * s;
  const start =
    chosen === undefined ? last : Math.min(last, Math.max(0, Math.floor(chosen / s) * s));
  return { start, end: Math.min(n, start + s) };
}
