/**
 * Small text helpers every view uses. Kept apart from `describe.ts`, whose event sentences only
 * the live region and the table need, so those load when first used.
 */
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { formatMs } from './axis';

/**
 * A dictionary term for a key from the trace, or the key itself when the dictionary lacks it (so
 * a value added to the trace contract shows up raw instead of breaking the build).
 */
export function term<K extends string>(terms: Partial<Record<K, string>>, key: K): string {
  return terms[key] ?? key;
}

/** A time in the language's format: "28 ms", "28.5 ms". */
export function formatTime(ms: number, lang: Lang): string {
  return fill(ui(lang).views.ms, { v: formatMs(ms) });
}

/** A count in the singular or plural form for n, filled: "1 connection", "3 connections". */
export function countOf(forms: { one: string; other: string }, n: number): string {
  return fill(n === 1 ? forms.one : forms.other, { n });
}
