/**
 * The Image-host widget's runs, as plain data: the main run (metrics, server timeline, response
 * times) and the sweep rows. Computed by the build (server rendering) and by the simulation
 * worker with the same functions; the simulator is passed in, so importing this module costs the
 * page no simulation code.
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SweepRow } from '../../sim/sweep';
import { WorkloadAccumulator, type WorkloadMetrics } from '../../sim/workload-metrics';
import { TimelineAccumulator, type WorkloadTimeline } from '../../sim/workload-timeline';
import type { Simulate } from '../../sim/simulate';

/** One series of the sweep: objects per client and its runs, one per timeout. */
export interface SweepSeries {
  /** `image` and `page` in the Image host; other widgets name their own. */
  readonly key: string;
  readonly objects: number;
  readonly runs: readonly {
    readonly keepAliveTimeoutMs: number;
    readonly scenario: ScenarioInput;
  }[];
}

/** What a job runs for a set of values: the main workload and the sweep series. */
export interface HostJobPlan {
  readonly main: ScenarioInput;
  readonly sweep: readonly SweepSeries[];
}

/** Server keep-alive timeouts the sweep runs (ms; 0 = keep-alive off). */
export const SWEEP_TIMEOUTS_MS: readonly number[] = [0, 1000, 2000, 5000, 10000, 15000, 30000];

/** Bins of the server timeline drawn by the slot chart. */
export const TIMELINE_BINS = 80;

/** Largest number of response times a run keeps for the latency chart. */
export const LATENCY_SAMPLE = 2000;

/** What the widget draws of its main run. */
export interface HostRun {
  readonly workload: WorkloadMetrics;
  readonly timeline: WorkloadTimeline;
  /**
   * Response times (ms), ascending: all of them, or, when there are more than `LATENCY_SAMPLE`,
   * that many order statistics evenly spaced in rank (the first and last included).
   */
  readonly latencySample: readonly number[];
}

/** Evenly spaced order statistics of an ascending array (all of it when short enough). */
export function rankSample(sorted: ArrayLike<number>, size: number): number[] {
  const n = sorted.length;
  if (n <= size) return Array.from(sorted);
  return Array.from(
    { length: size },
    (_, i) => sorted[Math.round((i * (n - 1)) / (size - 1))] as number,
  );
}

/**
 * The main run of `input` before its result exists: the workload with no events. Never drawn as
 * a result (the widget shows once its run has arrived) but it keeps every `$derived` computable.
 */
export function emptyHostRun(input: ScenarioInput): HostRun {
  const workload = input.workload;
  if (!workload) throw new Error('emptyHostRun: the scenario has no workload');
  // Only the empty run's shape matters (it is never drawn): missing fields count as 1.
  const durationMs = workload.durationMs ?? 1;
  return {
    workload: new WorkloadAccumulator(durationMs, workload.objectsPerClient ?? 1).result(),
    timeline: new TimelineAccumulator(durationMs, TIMELINE_BINS).result(),
    latencySample: [],
  };
}

/** The main run of a workload: summary trace, timeline and response times. */
export function runHost(simulate: Simulate, input: ScenarioInput): HostRun {
  const r = simulate(input, { trace: 'summary', timelineBins: TIMELINE_BINS, latencies: true });
  if (!r.workload || !r.timeline || !r.latenciesMs)
    throw new Error('runHost: the scenario has no workload');
  return {
    workload: r.workload,
    timeline: r.timeline,
    latencySample: rankSample(r.latenciesMs, LATENCY_SAMPLE),
  };
}

/** One sweep row: the workload's metrics at the scenario's keep-alive timeout. */
export function runSweepRow(
  simulate: Simulate,
  input: ScenarioInput,
  keepAliveTimeoutMs: number,
): SweepRow {
  const r = simulate(input, { trace: 'summary' });
  if (!r.workload) throw new Error('runSweepRow: the scenario has no workload');
  return { keepAliveTimeoutMs, ...r.workload };
}
