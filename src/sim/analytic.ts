/**
 * Textbook closed forms (round-trip counting) for page-load time, used to check the simulation.
 * Assumptions: bandwidth effectively unlimited, windows large enough that each response fits in
 * one flight, zero server time, objects discovered when the HTML has arrived. A fresh
 * connection costs `h = 1 + tlsRoundTrips` round trips before the first request byte; a
 * request/response exchange costs 1 round trip. Results are in round trips (multiply by RTT).
 */
import type { TlsVersion } from './trace';
import { tlsRoundTrips } from './tls';

/** Round trips before the first request byte on a new connection: TCP (1) + TLS (2 for 1.2, 1 for 1.3). */
export function handshakeRoundTrips(tls: TlsVersion = 'none'): number {
  return 1 + tlsRoundTrips(tls);
}

/** Non-persistent, one connection at a time: every object (and the HTML) pays handshake + 1. */
export function nonPersistentSerial(objects: number, tls: TlsVersion = 'none'): number {
  return (objects + 1) * (handshakeRoundTrips(tls) + 1);
}

/** Non-persistent with up to P parallel connections: the HTML, then ceil(N/P) waves of handshake + 1. */
export function nonPersistentParallel(
  objects: number,
  connections: number,
  tls: TlsVersion = 'none',
): number {
  const h = handshakeRoundTrips(tls);
  return (h + 1) * (1 + Math.ceil(objects / connections));
}

/** Persistent, one connection: the HTML pays handshake + 1, each object 1 more round trip. */
export function persistentSerial(objects: number, tls: TlsVersion = 'none'): number {
  return handshakeRoundTrips(tls) + 1 + objects;
}

/**
 * Persistent with up to P connections per host and late binding: the HTML's warm connection
 * serves an object per round trip at once; the P' - 1 = min(P, N) - 1 new ones join after their
 * handshake (h). The objects take T rounds, the least T with T + (P' - 1)(T - h) >= N.
 */
export function persistentParallel(
  objects: number,
  connections: number,
  tls: TlsVersion = 'none',
): number {
  const h = handshakeRoundTrips(tls);
  const n = objects;
  const p = Math.max(1, Math.min(connections, n));
  const t = n <= h ? n : Math.ceil((n + (p - 1) * h) / p);
  return h + 1 + t;
}

/** Persistent and pipelined on one connection: every object request leaves at once: 1 more round trip. */
export function persistentPipelined(objects: number, tls: TlsVersion = 'none'): number {
  return handshakeRoundTrips(tls) + 1 + (objects > 0 ? 1 : 0);
}

/**
 * Slow-start rounds to deliver `bytes` with initial window `initialWindow` segments: the least
 * k with W(2^k - 1) >= ceil(bytes / mss), the window doubling each round (no loss, no rwnd limit).
 */
export function slowStartRounds(bytes: number, initialWindow: number, mssBytes = 1460): number {
  const segments = Math.ceil(bytes / mssBytes);
  let rounds = 0;
  let sent = 0;
  let w = initialWindow;
  while (sent < segments) {
    sent += w;
    w *= 2;
    rounds++;
  }
  return rounds;
}

/** Persistence/concurrency modes covered by `pageLoadRoundTrips`. */
export type AnalyticMode = 'non-persistent' | 'persistent' | 'pipelined';

/** Page-load round trips for a mode, object count, per-host connection limit and TLS version. */
export function pageLoadRoundTrips(
  mode: AnalyticMode,
  objects: number,
  connections: number,
  tls: TlsVersion = 'none',
): number {
  switch (mode) {
    case 'non-persistent':
      return nonPersistentParallel(objects, connections, tls);
    case 'persistent':
      return persistentParallel(objects, connections, tls);
    case 'pipelined':
      return persistentPipelined(objects, tls);
  }
}

/**
 * Little's law (L = lambda W): the mean number of connections (workers, in the threaded model)
 * held by a steady stream of `ratePerSec` arrivals that each hold one for `holdingMs`. For the
 * image host, holding = the keep-alive timeout (the worker is taken at the server's accept, 1.5 RTT
 * after arrival, and freed when the timer closes the connection),
 * so each extra second of timeout adds `ratePerSec` workers.
 */
export function littleOccupancy(ratePerSec: number, holdingMs: number): number {
  return (ratePerSec * holdingMs) / 1000;
}

/**
 * Time average of that occupancy over a window [0, D] that starts empty: arrivals begin at 0 and
 * each is held from `startMs` after it arrives for `holdingMs`; the clients of the last seconds
 * are cut off at D (the h^2 / 2D edge term). Assumes startMs + holdingMs <= D.
 */
export function littleOccupancyInWindow(
  ratePerSec: number,
  startMs: number,
  holdingMs: number,
  durationMs: number,
): number {
  const h = holdingMs;
  return (ratePerSec / 1000) * (h - (h * startMs) / durationMs - (h * h) / (2 * durationMs));
}
