/**
 * What a "predict, then play" exercise can ask for, how the answer is read from a simulation
 * result, and how close a prediction must come. Pure: no simulation runtime, so the page's
 * exercise script can use it before the simulation is loaded.
 */
import type { SimResult } from '../../sim';

/** Metrics of a page load an exercise can ask for. */
export type PageAsk = 'pageLoadMs' | 'connectionsOpened' | 'packets' | 'handshakeRoundTrips';
/** Metrics of a workload (a scenario with `workload`) an exercise can ask for. */
export type WorkloadAsk = 'meanWorkersHeld' | 'refused' | 'p95LatencyMs' | 'throughputPerSec';
/** Anything an exercise can ask for. */
export type Ask = PageAsk | WorkloadAsk;

/** Every ask, in a fixed order. */
export const ASKS: readonly Ask[] = [
  'pageLoadMs',
  'connectionsOpened',
  'packets',
  'handshakeRoundTrips',
  'meanWorkersHeld',
  'refused',
  'p95LatencyMs',
  'throughputPerSec',
];

/** Whether `ask` is read from a workload's metrics. */
export const isWorkloadAsk = (ask: Ask): ask is WorkloadAsk =>
  ask === 'meanWorkersHeld' ||
  ask === 'refused' ||
  ask === 'p95LatencyMs' ||
  ask === 'throughputPerSec';

/** The answer to `ask` in a simulation result. */
export function metricOf(result: SimResult, ask: Ask): number {
  if (ask === 'pageLoadMs' || ask === 'connectionsOpened' || ask === 'handshakeRoundTrips')
    return result.metrics[ask];
  if (ask === 'packets') return result.metrics.packets.total;
  const w = result.workload;
  if (!w) throw new Error(`ask "${ask}" needs a scenario with a workload`);
  if (ask === 'meanWorkersHeld') return w.meanWorkersBusy + w.meanWorkersIdle;
  if (ask === 'p95LatencyMs') return w.latencyMs.p95;
  return ask === 'refused' ? w.refused : w.throughputPerSec;
}

/**
 * How close a prediction must come to count as right:
 * - `halfRtt`: page-load time. The questions ask the reader to count round trips; the simulation
 *   adds serialization and per-packet timing, a small fraction of a round trip on these links.
 *   Within half a round trip of the simulated time means the round-trip count is right.
 * - `exact`: connections, handshake round trips and packets are whole numbers a correct count
 *   gets exactly.
 * - `relative` (10 %): workload averages, percentiles and rates. Little's law and similar
 *   estimates describe a steady state, while the simulation averages a finite run that starts
 *   empty and draws random arrivals, so a good estimate lands near, not on, the value.
 */
export type Tolerance =
  | { readonly kind: 'halfRtt' }
  | { readonly kind: 'exact' }
  | { readonly kind: 'relative'; readonly fraction: number };

/** The tolerance of each ask (see `Tolerance`). */
export function toleranceOf(ask: Ask): Tolerance {
  if (ask === 'pageLoadMs') return { kind: 'halfRtt' };
  if (ask === 'connectionsOpened' || ask === 'handshakeRoundTrips' || ask === 'packets')
    return { kind: 'exact' };
  return { kind: 'relative', fraction: 0.1 };
}

/** The largest allowed distance from `expected` (rttMs: the scenario's round-trip time). */
export function allowance(tolerance: Tolerance, expected: number, rttMs: number): number {
  if (tolerance.kind === 'halfRtt') return rttMs / 2;
  if (tolerance.kind === 'exact') return 0;
  return Math.abs(expected) * tolerance.fraction;
}

/**
 * Whether a prediction is within tolerance of the simulated value. Integer asks compare the
 * rounded prediction; the others allow a hair over the bound (the bound is shown rounded).
 */
export function withinTolerance(
  ask: Ask,
  predicted: number,
  expected: number,
  rttMs: number,
): boolean {
  const tol = toleranceOf(ask);
  if (tol.kind === 'exact') return Math.round(predicted) === Math.round(expected);
  return Math.abs(predicted - expected) <= allowance(tol, expected, rttMs) + 1e-9;
}
