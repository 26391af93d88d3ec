/**
 * A follow-up request read off a trace: how it went (reused, new, retried, failed) and how often
 * the server processed it, for the Page load's and the Timeout race's sentences (a module of its
 * own, so the code every widget loads does not carry it).
 */
import type { Trace } from '../../sim';

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
