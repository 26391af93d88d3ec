/**
 * Facts of the connection pool's runs, for its sentences: connections per host, requests that
 * waited for a free connection, closes by cause. Apart from `trace-facts.ts` so that only the
 * Connection pool's code carries them.
 */
import type { Trace } from '../../sim';

/** Connections the client opened, per hostname, in order of the first connection to each. */
export function connectionsPerHost(trace: Trace): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of trace) if (e.type === 'conn-open') out.set(e.host, (out.get(e.host) ?? 0) + 1);
  return out;
}

/**
 * Requests that waited in the browser's queue for a busy connection to become free (the
 * per-host or total limit was reached): those bound to a connection that had carried an earlier
 * request later than they were queued, or than their hostname resolved when they waited for its
 * DNS lookup (that wait is not the pool's). `longestMs` is the longest such wait.
 */
export function queueWaits(trace: Trace): { count: number; longestMs: number } {
  const queued = new Map<number, number>();
  let count = 0;
  let longestMs = 0;
  for (const e of trace) {
    if (e.type !== 'request') continue;
    if (e.step === 'queued' && !queued.has(e.requestId)) queued.set(e.requestId, e.t);
    else if (e.step === 'resolved') queued.set(e.requestId, e.t);
    else if (e.step === 'assigned' && e.reused) {
      const wait = e.t - (queued.get(e.requestId) ?? e.t);
      if (wait > 1e-6) {
        count++;
        longestMs = Math.max(longestMs, wait);
      }
    }
  }
  return { count, longestMs };
}

/** Client-side closes by cause: LRU evictions and idle-timeout expiries, counted from `conn` events. */
export function poolCloses(trace: Trace): { evicted: number; idle: number } {
  const evicted = new Set<number>();
  const idle = new Set<number>();
  for (const e of trace) {
    if (e.type !== 'conn' || e.side !== 'client') continue;
    if (e.reason === 'evicted') evicted.add(e.conn);
    else if (e.reason === 'idle-timeout') idle.add(e.conn);
  }
  return { evicted: evicted.size, idle: idle.size };
}
