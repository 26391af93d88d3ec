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

/**
 * The packets a trace sends after time `t` (by send time, as the metrics strip counts them: it
 * shows the others at t) and when the last of them is sent (0 when none). Read from the trace's
 * end, whose events are in time order.
 */
export function packetsAfter(trace: Trace, t: number): { count: number; lastMs: number } {
  let count = 0;
  let lastMs = 0;
  for (let i = trace.length - 1; i >= 0; i--) {
    const e = trace[i] as TraceEvent;
    if (e.t <= t) break;
    if (e.type !== 'packet') continue;
    count++;
    lastMs = Math.max(lastMs, e.t);
  }
  return { count, lastMs };
}

/** A plural phrase from a `{ one, other }` pair with an `{n}` slot. */
export function plural(forms: { one: string; other: string }, n: number): string {
  return (n === 1 ? forms.one : forms.other).replace('{n}', formatInt(n));
}

/** Milliseconds as a whole number for sentences and the clock ("1,458"). */
export function ms(x: number): string {
  return formatMs(Math.round(x));
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
