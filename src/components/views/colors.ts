/**
 * The views' colours and their order: one per connection (eight tokens, cycling) and the legend of
 * many connections, the waterfall's request phases and the lanes' connection phases.
 */
import type { ConnPhase } from '../../sim/trace';

/** Number of connection colour tokens (`--ka-c1` … `--ka-c8` in global.css). */
export const connColorCount = 8;

/** The CSS colour of a connection: `var(--ka-c1)` for connection 1, cycling after 8. */
export function connColor(conn: number): string {
  const i = (((Math.trunc(conn) - 1) % connColorCount) + connColorCount) % connColorCount;
  return `var(--ka-c${i + 1})`;
}

/**
 * A legend's connection entries: the first `connColorCount` connections one by one (each has its
 * own colour), the rest as one group, since their colours repeat those above ("conn 9–61").
 */
export function legendConns(ids: readonly number[]): {
  readonly listed: readonly number[];
  readonly rest?: { readonly from: number; readonly to: number; readonly count: number };
} {
  if (ids.length <= connColorCount) return { listed: ids };
  const rest = ids.slice(connColorCount);
  return {
    listed: ids.slice(0, connColorCount),
    rest: { from: Math.min(...rest), to: Math.max(...rest), count: rest.length },
  };
}

/**
 * Phases of a request in the waterfall, in the order they happen (the order of the legend):
 * 'dns' is waiting for its hostname's DNS lookup, 'connect' a TCP handshake, 'quic' a QUIC
 * handshake (with TLS 1.3 inside it).
 */
export const requestPhases = [
  'dns',
  'queued',
  'connect',
  'quic',
  'tls',
  'stalled',
  'send',
  'wait',
  'receive',
] as const;
/** One waterfall phase. */
export type RequestPhase = (typeof requestPhases)[number];

/** Connection phases in lane order (the order of the legend). */
export const connPhases: readonly ConnPhase[] = [
  'handshake',
  'tls',
  'active',
  'idle',
  'closing',
  'time-wait',
  'closed',
];

/** CSS colour of a waterfall phase; the tokens are defined in Waterfall.svelte's styles. */
export function requestPhaseColor(phase: RequestPhase): string {
  return `var(--ka-wf-${phase})`;
}

/** CSS colour of a connection phase; the tokens are defined in ConnectionLanes.svelte's styles. */
export function connPhaseColor(phase: ConnPhase): string {
  return `var(--ka-lane-${phase})`;
}
