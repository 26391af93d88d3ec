/**
 * Workloads: many clients arriving over time as a seeded Poisson process (exponential
 * inter-arrival times), each a small browser fetching K objects. The image host is K = 1.
 */
import type { Engine, Micros } from './engine';
import { msToUs } from './engine';
import type { Rng } from './rng';
import { mulberry32 } from './rng';
import type { Workload } from './scenario';

/**
 * Seed of the arrival process, derived from the scenario seed so that arrivals and random loss
 * (which uses the scenario seed itself) are independent streams.
 */
export function arrivalSeed(seed: number): number {
  return (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ 0x68e31da4) >>> 0;
}

/** One exponential inter-arrival time (integer µs) for `ratePerSec` arrivals per second. */
export function interArrivalUs(rng: Rng, ratePerSec: number): Micros {
  // 1 - u lies in (0, 1]: the logarithm is finite.
  return Math.round((-Math.log(1 - rng()) / ratePerSec) * 1_000_000);
}

/** Arrival times (ms) of a workload: the same sequence `simulate` uses for that seed. */
export function arrivalTimesMs(
  seed: number,
  w: Pick<Workload, 'clientsPerSecond' | 'durationMs'>,
): number[] {
  const rng = mulberry32(arrivalSeed(seed));
  const end = msToUs(w.durationMs);
  const out: number[] = [];
  for (
    let t = interArrivalUs(rng, w.clientsPerSecond);
    t < end;
    t += interArrivalUs(rng, w.clientsPerSecond)
  )
    out.push(t / 1000);
  return out;
}

/**
 * Schedules the arrivals of `w` on the engine, one at a time (the next one is scheduled when the
 * previous arrives, so the event queue stays small); `arrive(i)` runs for client i (0-based).
 */
export function scheduleArrivals(
  engine: Engine,
  seed: number,
  w: Pick<Workload, 'clientsPerSecond' | 'durationMs'>,
  arrive: (i: number) => void,
): void {
  const rng = mulberry32(arrivalSeed(seed));
  const end = msToUs(w.durationMs);
  let i = 0;
  const next = (at: Micros): void => {
    if (at >= end) return;
    engine.scheduleAt(at, () => {
      arrive(i++);
      next(at + interArrivalUs(rng, w.clientsPerSecond));
    });
  };
  next(interArrivalUs(rng, w.clientsPerSecond));
}
