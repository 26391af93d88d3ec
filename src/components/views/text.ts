/**
 * Small text helpers every view uses. Kept apart from `describe.ts`, whose event sentences only
 * the live region and the table need, so those load when first used.
 */
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import type { ConnOpenEvent } from '../../sim/trace';
import { formatMs } from './axis';
import { formatFixed, formatInt } from './number-format';

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

/** A time in seconds, up to three decimals: 12500 → "12.5 s". */
export function formatSeconds(ms: number, lang: Lang): string {
  return fill(ui(lang).views.s, { v: formatFixed(ms / 1000, 3) });
}

/**
 * A duration in ms below one second and in seconds from there, to about three significant
 * digits: 230 → "230 ms", 1234 → "1.23 s", 12345 → "12.3 s", 123456 → "123 s".
 */
export function formatDuration(ms: number, lang: Lang): string {
  const abs = Math.abs(ms);
  if (abs < 999.95) return formatTime(ms, lang);
  const precision = abs < 9995 ? 2 : abs < 99950 ? 1 : 0;
  return fill(ui(lang).views.s, { v: formatFixed(ms / 1000, precision) });
}

/** A count in the singular or plural form for n, filled: "1 connection", "3 connections". */
export function countOf(forms: { one: string; other: string }, n: number): string {
  return fill(n === 1 ? forms.one : forms.other, { n: formatInt(n) });
}

/**
 * A multiplexed connection's protocol stack, "HTTP/2 · TCP + TLS 1.3" or "HTTP/3 · QUIC" (QUIC
 * carries TLS 1.3 inside its own handshake); undefined for HTTP/1.x connections.
 */
export function stackLabel(
  open: Pick<ConnOpenEvent, 'http' | 'transport' | 'tls'>,
  lang: Lang,
): string | undefined {
  if (open.http === undefined) return undefined;
  const v = ui(lang).views;
  const values = { http: open.http, transport: term(v.transport, open.transport) };
  return open.transport === 'quic' || open.tls === 'none'
    ? fill(v.stack, values)
    : fill(v.stackTls, { ...values, tls: term(v.tls, open.tls) });
}

/** Shortens `text` with an ellipsis to at most `maxChars` characters. */
export function fitLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  if (maxChars <= 1) return '…';
  return `${text.slice(0, maxChars - 1)}…`;
}
