/** Small facts read off traces for widget sentences and the playback length. */
import type { SimResult, Trace, TraceEvent } from '../../sim';
import { formatMs } from '../views/axis';
import { formatInt } from '../views/number-format';

/** Time of the last packet arrival (or transmission, when dropped) or request step. */
export function lastActivity(trace: Trace): number {
  let end = 0;
  for (const e of trace) {
    if (e.type === 'packet') end = Math.max(end, e.arriveMs ?? e.txEndMs);
    else if (e.type === 'request') end = Math.max(end, e.t);
  }
  return end;
}

/**
 * `Math.min(lastActivity(trace), capMs)`, read from the trace's end: events are in time order and
 * a packet or request at or after `capMs` is activity at or after it, so a trace that runs on past
 * the cap (idle connections closed by a timeout minutes later) is settled by its last events
 * instead of a pass over all of them (issue 14: 10 ms for each of the Race's traces at its
 * heaviest values, in the task that shows its runs).
 */
export function lastActivityUntil(trace: Trace, capMs: number): number {
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.t < capMs) break;
    if (e.type === 'packet' || e.type === 'request') return capMs;
  }
  return Math.min(lastActivity(trace), capMs);
}

/**
 * How long the widget plays: until the last packet, but at most about one round trip after the
 * page has loaded, so a server's keep-alive timeout seconds later does not stretch the clock.
 */
export function shownEnd(results: readonly SimResult[]): number {
  let end = 0;
  for (const r of results) {
    const cap = r.metrics.pageLoadMs + 1.25 * r.scenario.network.rttMs;
    end = Math.max(end, lastActivityUntil(r.trace, cap));
  }
  return end;
}

/** A plural phrase from a `{ one, other }` pair with an `{n}` slot. */
export function plural(forms: { one: string; other: string }, n: number): string {
  return (n === 1 ? forms.one : forms.other).replace('{n}', formatInt(n));
}

/** Milliseconds as a whole number for sentences and the clock ("1,458"). */
export function ms(x: number): string {
  return formatMs(Math.round(x));
}

/** Longest time a response waited in the server's queue after its request had arrived. */
export function maxQueueWait(trace: Trace): number {
  const received = new Map<number, number>();
  let wait = 0;
  for (const e of trace) {
    if (e.type !== 'request') continue;
    if (e.step === 'server-received') received.set(e.requestId, e.t);
    else if (e.step === 'server-start') {
      const r = received.get(e.requestId);
      if (r !== undefined) wait = Math.max(wait, e.t - r);
    }
  }
  return wait;
}

/** When the last request (page or follow-up) ended: its response complete, or failed for good. */
export function lastRequestEnd(trace: Trace): number {
  let end = 0;
  for (const e of trace) {
    if (e.type === 'request' && (e.step === 'done' || e.step === 'error')) end = Math.max(end, e.t);
  }
  return end;
}

/**
 * How long a widget with follow-up clicks or idle connections plays. At least until the last
 * request has ended plus 1.25 round trips (or the last packet, if sooner), so a follow-up seconds
 * after the page load is in view; and on to the last packet — the FIN exchanges of idle
 * connections closed by a keep-alive or idle timeout — when that comes no later than
 * `boundMs(result)`. Closes after the bound are left out, so a two-minute timeout does not
 * stretch the clock (TIME_WAIT expiries never count: they send no packet).
 */
export function shownEndWithCloses(
  results: readonly SimResult[],
  boundMs: (r: SimResult) => number,
): number {
  let end = 0;
  for (const r of results) {
    const last = lastActivity(r.trace);
    const requests = Math.min(last, lastRequestEnd(r.trace) + 1.25 * r.scenario.network.rttMs);
    end = Math.max(end, last <= boundMs(r) ? last : requests);
  }
  return end;
}

/** What happened to a follow-up request (a click after the page load). */
export interface FollowUpOutcome {
  /**
   * `reused`: sent on an open connection and answered; `new`: sent on a new connection (none
   * was idle); `retried`: the reused connection turned out closed and the request went again on
   * a new one; `error`: it failed for good (not retried under `client.retryPolicy`).
   */
  readonly kind: 'reused' | 'new' | 'retried' | 'error';
  /** The request's id. */
  readonly requestId: number;
  /** When the click happened (the request was queued). */
  readonly atMs: number;
  /** When the response was complete or the request failed. */
  readonly endMs: number;
  /** Connection of the final attempt. */
  readonly conn: number;
  /** Connection of the first attempt (differs from `conn` after a retry). */
  readonly firstConn: number;
}

/** The outcome of the first follow-up request in a trace, if there is one. */
export function followUpOutcome(trace: Trace): FollowUpOutcome | undefined {
  let id: number | undefined;
  let atMs = 0;
  let endMs = 0;
  let conn = 0;
  let firstConn = 0;
  let reused = false;
  let retried = false;
  let failed = false;
  for (const e of trace) {
    if (e.type !== 'request' || !e.followUp) continue;
    if (id === undefined) {
      id = e.requestId;
      atMs = e.t;
    }
    if (e.requestId !== id) continue;
    if (e.step === 'assigned') {
      conn = e.conn ?? 0;
      if (e.attempt === 1) firstConn = conn;
      reused = e.reused ?? false;
    } else if (e.step === 'retry') retried = true;
    else if (e.step === 'error') {
      failed = true;
      endMs = e.t;
    } else if (e.step === 'done') endMs = e.t;
  }
  if (id === undefined) return undefined;
  const kind = failed ? 'error' : retried ? 'retried' : reused ? 'reused' : 'new';
  return { kind, requestId: id, atMs, endMs, conn, firstConn };
}

/**
 * What the server log says of one request: how many times the server processed it (`server-end`:
 * and answered; `server-reset`: and reset the connection instead) and how many of those ended in
 * a reset.
 */
export function serverRuns(
  trace: Trace,
  requestId: number,
): { readonly processed: number; readonly reset: number } {
  let processed = 0;
  let reset = 0;
  for (const e of trace) {
    if (e.type !== 'request' || e.requestId !== requestId) continue;
    if (e.step === 'server-end') processed++;
    else if (e.step === 'server-reset') {
      processed++;
      reset++;
    }
  }
  return { processed, reset };
}
