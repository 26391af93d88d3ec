/**
 * The waterfall's lines and labels: HTTP/1.x rows one per line in order; multiplexed rows grouped
 * under a heading per connection; a row's label fitted to its width, the stream id kept readable.
 */
import type { ConnOpenEvent, Trace } from '../../../sim/trace';
import { fill } from '../../../i18n/fill';
import { ui } from '../../../i18n/ui';
import type { Lang } from '../../../i18n';
import { connOpens } from '../lanes';
import { fitLabel } from '../text';
import { stackLabel } from '../text';
import type { WaterfallRow } from './rows';

/** One line of the waterfall: a connection's heading, or a row (its index in the rows given). */
export type WaterfallLine =
  | { readonly kind: 'group'; readonly open: ConnOpenEvent }
  | { readonly kind: 'row'; readonly index: number };

/**
 * The waterfall's lines. Without a multiplexed connection (HTTP/1.x), one line per row in the
 * given order. Otherwise the rows are ordered by connection (rows not yet on one last), then as
 * given, and each multiplexed connection's rows follow a heading line for it.
 */
export function waterfallLines(rows: readonly WaterfallRow[], trace: Trace): WaterfallLine[] {
  const opens = connOpens(trace);
  const multiplexed = [...opens.values()].some((o) => o.http !== undefined);
  const order = rows.map((_r, i) => i);
  if (!multiplexed) return order.map((index) => ({ kind: 'row', index }));
  const key = (i: number): number => rows[i]?.conn ?? Number.POSITIVE_INFINITY;
  order.sort((a, b) => key(a) - key(b) || a - b);
  const out: WaterfallLine[] = [];
  let last: number | undefined;
  for (const index of order) {
    const conn = rows[index]?.conn;
    const open = conn !== undefined ? opens.get(conn) : undefined;
    if (conn !== last && open?.http !== undefined) out.push({ kind: 'group', open });
    last = conn;
    out.push({ kind: 'row', index });
  }
  return out;
}

/**
 * A row's label in at most `maxChars` characters: the path (prefixed by the host when `withHost`),
 * the stream id once known ("/img3.png · stream 7"), and "↻n" for a later attempt. When it is too
 * long the path is shortened first, so the stream id stays readable.
 */
export function waterfallRowLabel(
  row: WaterfallRow,
  stream: number | undefined,
  withHost: boolean,
  maxChars: number,
  lang: Lang,
): string {
  const path = `${withHost ? row.host : ''}${row.path}`;
  const retry = row.attempt > 1 ? ` ↻${row.attempt}` : '';
  if (stream === undefined) return fitLabel(`${path}${retry}`, maxChars);
  const suffix = fill(ui(lang).views.waterfall.stream, { path: '', stream }) + retry;
  return fitLabel(fitLabel(path, Math.max(4, maxChars - suffix.length)) + suffix, maxChars);
}

/** The heading of a multiplexed connection's rows: "connection 1 · HTTP/2 · TCP + TLS 1.3". */
export function waterfallGroupLabel(open: ConnOpenEvent, lang: Lang): string {
  return fill(ui(lang).views.waterfall.group, {
    conn: open.conn,
    stack: stackLabel(open, lang) ?? '',
  });
}
