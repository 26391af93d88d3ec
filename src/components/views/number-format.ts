/**
 * The two d3-format patterns the views use, written out so the browser does not ship d3-format:
 * `formatFixed(x, p)` is `format(',.{p}~f')(x)` and `formatInt(x)` is `format(',d')(x)`, with the
 * same rounding (`toFixed` and `Math.round` of the magnitude), digit grouping and minus sign
 * (U+2212); a test holds them equal to d3-format. d3-format cannot be tree-shaken below its whole
 * locale (about 2.0 KB gzip against 0.4 KB here), which every widget would load up front, and the
 * embed pages have 0.2 KB left under the 45 KB budget (measured in Dec 2026). Importing any part
 * of it here also moves all of it into the widgets' shared chunk, which the exercises' script then
 * loads (the package is one module, shared with `exercise-text.ts`). The browser's own
 * `Intl.NumberFormat` costs no bytes but 40-70 ms of main thread for the first formatter a page
 * builds (its locale data; measured in this machine's Chromium on 2026-12-07), and it rounds the
 * shortest decimal that reads back as the value, not the value (1.005 → "1.01", d3 "1").
 */

const MINUS = '\u2212';

/** Groups the integer digits of a non-negative decimal string in threes: "1234.5" → "1,234.5". */
function group(digits: string): string {
  const dot = digits.indexOf('.');
  const int = dot < 0 ? digits : digits.slice(0, dot);
  const rest = dot < 0 ? '' : digits.slice(dot);
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + rest;
}

/** A sign for `value` given its formatted magnitude: none for zero after rounding (no "−0"). */
function sign(value: number, magnitude: string): string {
  return (value < 0 || 1 / value < 0) && Number(magnitude) !== 0 ? MINUS : '';
}

/**
 * `value` with at most `precision` decimals, trailing zeros trimmed and thousands grouped:
 * `formatFixed(1234.5, 1)` is "1,234.5", `formatFixed(12.0, 1)` is "12" (d3 `,.1~f`).
 */
export function formatFixed(value: number, precision: number): string {
  if (!Number.isFinite(value)) return String(value);
  let magnitude = Math.abs(value).toFixed(precision);
  if (magnitude.includes('.')) magnitude = magnitude.replace(/\.?0+$/, '');
  return sign(value, magnitude) + group(magnitude);
}

/** `value` rounded to an integer with thousands grouped: `formatInt(12345)` is "12,345" (d3 `,d`). */
export function formatInt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = String(Math.round(Math.abs(value)));
  return sign(value, magnitude) + group(magnitude);
}
