/** Picks what the live region says for a playback time. */
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { describeMoment, formatTime, type Moment } from '../views/describe';

/** Re-exported so the Player, which loads this module on first use, gets both at once. */
export { moments } from '../views/describe';

/** The moments at the latest moment time at or before `t` (in order), or none. */
export function momentsAt(list: readonly Moment[], t: number): { time: number; at: Moment[] } {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Moment).t <= t + 1e-6) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return { time: -1, at: [] };
  const time = (list[lo - 1] as Moment).t;
  const at: Moment[] = [];
  for (let i = lo - 1; i >= 0 && (list[i] as Moment).t === time; i--) at.unshift(list[i] as Moment);
  return { time, at };
}

/**
 * One sentence for the live region: what happens at the latest moment at or before `t` across
 * the given runs ("100 ms: HTTP/1.0: client receives SYN-ACK on connection 1; …"), at most
 * `max` clauses plus "and N more events"; `fallback` when nothing has happened yet.
 */
export function announcementAt(
  runs: readonly { moments: readonly Moment[]; label?: string | undefined }[],
  t: number,
  lang: Lang,
  max = 4,
): string {
  const found = runs.map((r) => ({ ...momentsAt(r.moments, t), label: r.label }));
  const time = Math.max(-1, ...found.map((f) => f.time));
  const w = ui(lang).widgets;
  if (time < 0) return fill(w.noEvent, { t: Math.round(t) });
  const parts: string[] = [];
  let skipped = 0;
  for (const f of found) {
    if (f.time !== time) continue;
    for (const m of f.at) {
      if (parts.length >= max) {
        skipped += 1;
        continue;
      }
      const text = describeMoment(m, lang);
      parts.push(f.label ? `${f.label}: ${text}` : text);
    }
  }
  if (skipped > 0) parts.push(fill(w.moreEvents, { n: skipped }));
  return fill(ui(lang).views.at, { time: formatTime(time, lang), text: parts.join('; ') });
}
