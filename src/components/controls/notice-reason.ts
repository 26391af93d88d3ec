/**
 * Why `parseParams` corrected a value, in terms a notice can state: worked out only when the URL
 * asked for values a widget cannot use, by the notices' own chunk (`Notices.svelte`), so that the
 * code every widget loads up front does not carry it.
 */
import type { ParamNotice, ParamSchema } from './params';

/** Why a value was corrected, and the bound, step or options it broke (as text). */
export interface NoticeReason {
  readonly reason:
    | 'above-max'
    | 'below-min'
    | 'off-step'
    | 'not-a-number'
    | 'not-an-option'
    | 'not-a-boolean'
    | 'unknown'
    | 'repeated';
  /** The maximum, minimum or step (numbers), or the options joined by ", " (enums). */
  readonly limit?: string;
  /** For `repeated`: how many values the key has. */
  readonly count?: number;
}

/**
 * Why `parseParams` wrote a notice, worked out from the notice and the schema: a clamped
 * number is above the maximum, below the minimum or off the step grid; an invalid value is not
 * a number, not one of the options or not a boolean.
 */
export function noticeReason(schema: ParamSchema, notice: ParamNotice): NoticeReason {
  if (notice.kind === 'unknown') return { reason: 'unknown' };
  if (notice.kind === 'repeated') return { reason: 'repeated', count: notice.count ?? 2 };
  const p = schema.find((s) => s.key === notice.key);
  if (notice.kind === 'invalid' || !p || p.type !== 'number') {
    if (p?.type === 'enum') return { reason: 'not-an-option', limit: p.options.join(', ') };
    if (p?.type === 'boolean') return { reason: 'not-a-boolean' };
    return { reason: 'not-a-number' };
  }
  const n = Number(notice.raw.trim());
  if (n > p.max) return { reason: 'above-max', limit: String(p.max) };
  if (n < p.min) return { reason: 'below-min', limit: String(p.min) };
  return { reason: 'off-step', limit: String(p.step) };
}
