/** Sweeps: one workload run at several server keep-alive timeouts, one row per timeout. */
import type { ScenarioInput } from './scenario';
import { withKeepAliveTimeout } from './transforms';
import type { SimulateOptions } from './simulate';
import { ScenarioError, simulate } from './simulate';
import type { WorkloadMetrics } from './workload-metrics';

/** One row of `sweepKeepAlive`: the timeout and the workload metrics at that timeout. */
export interface SweepRow extends WorkloadMetrics {
  /** Server keep-alive timeout in ms; 0 = keep-alive off. */
  readonly keepAliveTimeoutMs: number;
}

/**
 * Runs `base` (which must have a `workload`) once per server keep-alive timeout (0 = keep-alive
 * off, see `withKeepAliveTimeout`). Runs use the summary trace mode.
 */
export function sweepKeepAlive(
  base: ScenarioInput,
  timeoutsMs: readonly number[],
  options: SimulateOptions = {},
): SweepRow[] {
  if (base.workload === undefined)
    throw new ScenarioError([{ path: 'workload', message: 'is required for a sweep' }]);
  return timeoutsMs.map((t) => {
    const r = simulate(withKeepAliveTimeout(base, t), { trace: 'summary', ...options });
    return { keepAliveTimeoutMs: t, ...(r.workload as WorkloadMetrics) };
  });
}
