/** Shared helpers for the simulation tests. */
import { expect } from 'vitest';
import type {
  ConnStateEvent,
  PacketEvent,
  RequestEvent,
  RequestStep,
  Trace,
  TraceEvent,
} from '../../../src/sim/trace';

/** The one float tolerance of the suite: |actual - expected| <= max(abs, rel * |expected|). */
export function expectClose(
  actual: number | null | undefined,
  expected: number,
  rel = 1e-9,
  abs = 1e-9,
): void {
  expect(actual, `expected ~${expected}, got ${String(actual)}`).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const a = actual as number;
  const tol = Math.max(abs, rel * Math.abs(expected));
  expect(
    Math.abs(a - expected),
    `expected ${a} to be within ${tol} of ${expected}`,
  ).toBeLessThanOrEqual(tol);
}

/** Network with serialization effectively zero (bandwidth 100 Gbit/s). */
export const FAST = { bandwidthMbps: 100000 } as const;

/** Packets of a trace, optionally filtered. */
export function packets(trace: Trace, f: (p: PacketEvent) => boolean = () => true): PacketEvent[] {
  return trace.filter((e): e is PacketEvent => e.type === 'packet' && f(e));
}

/** Connection state events of one connection side. */
export function connEvents(
  trace: Trace,
  conn: number,
  side: 'client' | 'server',
): ConnStateEvent[] {
  return trace.filter(
    (e): e is ConnStateEvent => e.type === 'conn' && e.conn === conn && e.side === side,
  );
}

/** Time a connection side first entered `state` (undefined if never). */
export function stateAt(
  trace: Trace,
  conn: number,
  side: 'client' | 'server',
  state: ConnStateEvent['state'],
): number | undefined {
  return connEvents(trace, conn, side).find((e) => e.state === state)?.t;
}

/** Request events with a given step (optionally for one request). */
export function requestEvents(trace: Trace, step: RequestStep, requestId?: number): RequestEvent[] {
  return trace.filter(
    (e): e is RequestEvent =>
      e.type === 'request' &&
      e.step === step &&
      (requestId === undefined || e.requestId === requestId),
  );
}

/** Events of one type. */
export function ofType<T extends TraceEvent['type']>(
  trace: Trace,
  type: T,
): Extract<TraceEvent, { type: T }>[] {
  return trace.filter((e): e is Extract<TraceEvent, { type: T }> => e.type === type);
}
