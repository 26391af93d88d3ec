/**
 * The sentences of an exercise, built from the UI strings of its language and ask, the same way
 * at build time (`Exercise.astro`) and in the page after "New numbers" (`exercise-client.ts`).
 * Pure: the strings travel to the page as one small JSON attribute.
 */
import { formatLocale } from 'd3-format';
import type { Dictionary } from '../../i18n/en';
import type { DrawLabel, DrawnValue, DrawRange } from './exercise-draw';
import { toleranceOf, type Ask } from './exercise-metric';

/**
 * Fills `{name}` slots (the same rule as `i18n/fill.ts`, which the build groups into the widgets'
 * shared chunk; the exercise and progress scripts load up front and must not pull that chunk in).
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

/** The strings one exercise needs (its ask's entries of `exercise` in the dictionary). */
export interface ExerciseStrings {
  readonly ask: Ask;
  readonly unit: string;
  readonly unitOne: string;
  readonly one: string;
  readonly two: string;
  readonly less: string;
  readonly more: string;
  readonly same: string;
  readonly asDescribed: string;
  readonly withChange: string;
  readonly invalid: string;
  readonly tolerance: string;
  readonly toleranceShort: string;
  readonly yourLine: string;
  readonly rttNote: string;
  readonly within: string;
  readonly outside: string;
  readonly sentenceGap: string;
  readonly allRight: string;
  readonly someWrong: string;
  readonly drawn: string;
  readonly drawnFrom: string;
  readonly listSep: string;
  readonly draw: Readonly<Record<DrawLabel, string>>;
  readonly computing: string;
  readonly failed: string;
  readonly explainNote: string;
}

/** Picks an exercise's strings out of its language's dictionary. */
export function exerciseStrings(t: Dictionary['exercise'], ask: Ask): ExerciseStrings {
  const tol = toleranceOf(ask).kind;
  return {
    ask,
    unit: t.units[ask],
    unitOne: t.unitsOne[ask],
    one: t.one[ask],
    two: t.two[ask],
    less: t.less[ask],
    more: t.more[ask],
    same: t.same,
    asDescribed: t.asDescribed,
    withChange: t.withChange,
    invalid: t.invalid,
    tolerance: t.tolerance[tol],
    toleranceShort: t.toleranceShort[tol],
    yourLine: t.yourLine,
    rttNote: t.rttNote,
    within: t.within,
    outside: t.outside,
    sentenceGap: t.sentenceGap,
    allRight: t.allRight,
    someWrong: t.someWrong,
    drawn: t.drawn,
    drawnFrom: t.drawnFrom,
    listSep: t.listSep,
    draw: t.draw,
    computing: t.computing,
    failed: t.failed,
    explainNote: t.explainNote,
  };
}

/**
 * A number as the page prints it: at most one decimal, thousands grouped ("1,800.3"), the same in
 * English and Chinese. D3's formatter, not `Intl.NumberFormat`: building the first Intl
 * formatter loads the locale's data and cost a chapter page 40–70 ms of main-thread time at load.
 */
const oneDecimal = formatLocale({
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['', ''],
  minus: '-',
}).format(',.1~f');

/** A number as the page prints it (at most one decimal). */
export const formatNumber = (n: number): string => oneDecimal(n);

/** A value with its unit ("1,800.3 ms", "3 connections", "1 connection"). */
export function quantity(s: ExerciseStrings, n: number): string {
  const one = Math.abs(n - 1) < 0.05;
  return fill(one ? s.unitOne : s.unit, { n: formatNumber(n) });
}

/** A piece of a sentence: text, or the slot `a` / `b` holding a value to be emphasised. */
export type Segment = string | { readonly slot: 'a' | 'b'; readonly text: string };

/**
 * The answer as a sentence, in pieces: "In the simulation the page loads in {a} as described,
 * and in {b} with the change: 1,000 ms faster." (`b` only with a comparison).
 */
export function answerSegments(s: ExerciseStrings, a: number, b?: number): Segment[] {
  const values: Record<string, string> = {};
  if (b !== undefined) {
    // The difference of the values as printed (one decimal), so the sentence adds up.
    const d = (Math.round(b * 10) - Math.round(a * 10)) / 10;
    values['diff'] =
      d === 0 ? s.same : fill(d < 0 ? s.less : s.more, { n: formatNumber(Math.abs(d)) });
  }
  const text = fill(b === undefined ? s.one : s.two, values);
  const out: Segment[] = [];
  for (const part of text.split(/(\{[ab]\})/)) {
    if (part === '{a}') out.push({ slot: 'a', text: quantity(s, a) });
    else if (part === '{b}' && b !== undefined) out.push({ slot: 'b', text: quantity(s, b) });
    else if (part) out.push(part);
  }
  return out;
}

/** What "within tolerance" means for this ask and scenario, as one sentence. */
export const toleranceSentence = (s: ExerciseStrings, rttMs: number): string =>
  fill(s.tolerance, toleranceValues(s, rttMs));

function toleranceValues(s: ExerciseStrings, rttMs: number): Record<string, string> {
  const tol = toleranceOf(s.ask);
  return {
    ms: formatNumber(rttMs / 2),
    pct: tol.kind === 'relative' ? formatNumber(tol.fraction * 100) : '',
  };
}

/** One checked prediction. */
export interface Checked {
  /** "As described" / "With the change". */
  readonly label: string;
  readonly predicted: number;
  readonly expected: number;
  readonly rttMs: number;
  readonly right: boolean;
}

/** The feedback line of one checked prediction. */
export function feedbackLine(s: ExerciseStrings, c: Checked): string {
  const rtt =
    s.ask === 'pageLoadMs' && c.rttMs > 0
      ? fill(s.rttNote, { n: formatNumber(c.expected / c.rttMs) })
      : '';
  const head = fill(s.yourLine, {
    case: c.label,
    yours: quantity(s, c.predicted),
    sim: quantity(s, c.expected),
    rtt,
  });
  const tolerance = fill(s.toleranceShort, toleranceValues(s, c.rttMs));
  const verdict = c.right
    ? fill(s.within, { tolerance })
    : fill(s.outside, {
        tolerance,
        off: quantity(s, Math.round(Math.abs(c.predicted - c.expected) * 10) / 10),
      });
  return `${head}${s.sentenceGap}${verdict}`;
}

/** Whether the width of `tolerance` for this ask is stated per scenario (half an RTT). */
export const toleranceDependsOnRtt = (ask: Ask): boolean => toleranceOf(ask).kind === 'halfRtt';

const drawText = (s: ExerciseStrings, label: DrawLabel, v: string): string =>
  fill(s.draw[label], { v });

/** "New numbers, seed 17: RTT = 140 ms, 7 objects. Everything else is as the question describes." */
export function drawnSentence(
  s: ExerciseStrings,
  seed: number,
  values: readonly DrawnValue[],
): string {
  const list = values.map((v) => drawText(s, v.label, formatNumber(v.value))).join(s.listSep);
  return fill(s.drawn, { seed, values: list });
}

/** "“New numbers” draws RTT = 20–300 ms, 2–10 objects." */
export function rangesSentence(s: ExerciseStrings, ranges: readonly DrawRange[]): string {
  const list = ranges
    .map((r) => drawText(s, r.label, `${formatNumber(r.min)}–${formatNumber(r.max)}`))
    .join(s.listSep);
  return fill(s.drawnFrom, { ranges: list });
}
