/**
 * What the frame adds after a widget's result sentence, read from the traces it shows, so that
 * sentence, the metrics strip and the diagrams never disagree: page requests that failed for good
 * (the page is incomplete, though its load time is given: when its last request ended, done or
 * failed), and packets sent after the clock has stopped (connections closed by a timeout long
 * after the page, which the clock leaves out so as not to stretch it; the strip says "so far" at
 * the clock's end, and the sentence's packet totals, the run's, count them).
 */
import { fill } from '../../i18n/fill';
import type { Trace } from '../../sim';
import type { UiStrings } from '../../i18n/ui';
import { formatInt } from '../views/number-format';
import { ms, packetsAfter, plural } from './trace-facts';

/** A trace the frame shows, with the label that names it in a comparison. */
interface Shown {
  readonly trace: Trace;
  readonly label?: string | undefined;
}

/** A trace's page requests (follow-up clicks apart) and how many of them failed for good. */
export function pageFailures(trace: Trace): { failed: number; total: number } {
  const all = new Set<number>();
  const failed = new Set<number>();
  for (const e of trace) {
    if (e.type !== 'request' || e.followUp) continue;
    all.add(e.requestId);
    if (e.step === 'error') failed.add(e.requestId);
  }
  return { failed: failed.size, total: all.size };
}

/**
 * One sentence for a single trace (`single`, a plural pair) or, in a comparison, one listing the
 * traces it concerns (`many`, with a `{list}` of `item`s); '' when no trace has anything to say.
 */
function sentence<T extends { readonly label: string; readonly n: number }>(
  items: readonly T[],
  many: boolean,
  forms: {
    single: { one: string; other: string };
    many: string;
    item: { one: string; other: string };
    sep: string;
  },
  args: (item: T) => Record<string, string>,
  shared: Record<string, string>,
): string {
  const first = items[0];
  if (first === undefined) return '';
  if (!many) return fill(plural(forms.single, first.n), { ...shared, ...args(first) });
  const list = items.map((i) => fill(plural(forms.item, i.n), { ...args(i), label: i.label }));
  return fill(forms.many, { ...shared, list: list.join(forms.sep) });
}

/**
 * The sentences on failed page requests and on packets after `endMs` (the clock's end; none
 * without a clock), one item per trace in a comparison; '' when there is nothing to add.
 */
export function runEpilogue(
  shown: readonly Shown[],
  endMs: number | undefined,
  strings: UiStrings,
): string {
  const w = strings.widgets;
  const many = shown.length > 1;
  const failures = shown
    .map((s) => {
      const f = pageFailures(s.trace);
      return { label: s.label ?? '', n: f.failed, total: f.total };
    })
    .filter((f) => f.n > 0);
  const later =
    endMs === undefined
      ? []
      : shown
          .map((s) => {
            const p = packetsAfter(s.trace, endMs);
            return { label: s.label ?? '', n: p.count, lastMs: p.lastMs };
          })
          .filter((l) => l.n > 0);
  return [
    sentence(
      failures,
      many,
      { single: w.pageFailed, many: w.pageFailedRuns, item: w.pageFailedRun, sep: w.epilogueSep },
      (f) => ({ n: formatInt(f.n), total: formatInt(f.total) }),
      {},
    ),
    sentence(
      later,
      many,
      { single: w.afterClock, many: w.afterClockRuns, item: w.afterClockRun, sep: w.epilogueSep },
      (l) => ({ n: formatInt(l.n), last: ms(l.lastMs) }),
      { end: ms(endMs ?? 0) },
    ),
  ]
    .filter((x) => x !== '')
    .join(strings.views.sentenceSep);
}
