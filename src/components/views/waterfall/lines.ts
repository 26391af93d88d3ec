/**
 * The waterfall's lines and labels: HTTP/1.x rows one per line in order; multiplexed rows grouped
 * under a heading per connection; a row's label fitted to its width, the stream id kept readable.
 */
import type { ConnOpenEvent, Trace } from '../../../sim/trace';
import { fill } from '../../../i18n/fill';
import { ui } from '../../../i18n/ui';
import type { Lang } from '../../../i18n';
import { connOpens } from '../lanes';
import { fitLabel, stackLabel } from '../text';
import type { WaterfallRow } from './rows';

/**
 * One line of the waterfall: a connection's heading, or a row (its index in the rows given).
 * `sameHost`: every row under the heading is for the host the connection was opened to, so the
 * heading can name it once and the rows give their paths alone.
 */
export type WaterfallLine =
  | { readonly kind: 'group'; readonly open: ConnOpenEvent; readonly sameHost: boolean }
  | { readonly kind: 'row'; readonly index: number; readonly sameHost?: true };

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
  // Connections that carry another host's rows too (coalesced origins).
  const mixed = new Set<number>();
  for (const r of rows)
    if (r.conn !== undefined && r.host !== opens.get(r.conn)?.host) mixed.add(r.conn);
  const out: WaterfallLine[] = [];
  let last: number | undefined;
  for (const index of order) {
    const conn = rows[index]?.conn;
    const open = conn !== undefined ? opens.get(conn) : undefined;
    const grouped = open?.http !== undefined;
    const sameHost = grouped && !mixed.has(open.conn);
    if (conn !== last && grouped) out.push({ kind: 'group', open, sameHost });
    last = conn;
    out.push(sameHost ? { kind: 'row', index, sameHost } : { kind: 'row', index });
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
  const suffix =
    (stream === undefined ? '' : fill(ui(lang).views.waterfall.stream, { path: '', stream })) +
    retry;
  return fitLabel(fitPath(path, Math.max(4, maxChars - suffix.length)) + suffix, maxChars);
}

/**
 * The heading of a multiplexed connection's rows: "connection 1 · HTTP/2 · TCP + TLS 1.3", or with
 * `host` (its rows are all for it, and the page has several) "connection 1 · cdn.example.test ·
 * HTTP/2 · TCP + TLS 1.3".
 */
export function waterfallGroupLabel(open: ConnOpenEvent, lang: Lang, host = false): string {
  const w = ui(lang).views.waterfall;
  return fill(host ? w.groupHost : w.group, {
    conn: open.conn,
    host: open.host,
    stack: stackLabel(open, lang) ?? '',
  });
}

/**
 * Shortens a URL path (or host and path) to at most `maxChars` characters by eliding its middle,
 * so that its last segment, the one that tells requests apart, stays whole: "/photos/12.jpg" in 9
 * is "/…/12.jpg". When the last segment alone does not fit, as `fitLabel`.
 */
export function fitPath(path: string, maxChars: number): string {
  if (path.length <= maxChars) return path;
  const cut = path.lastIndexOf('/', path.length - 2);
  const tail = cut > 0 ? path.slice(cut) : '';
  const head = maxChars - tail.length - 1;
  return tail !== '' && head >= 0 ? `${path.slice(0, head)}…${tail}` : fitLabel(path, maxChars);
}
