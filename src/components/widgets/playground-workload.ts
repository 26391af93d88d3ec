/**
 * The Playground's many-visitors runs, planned for the workload jobs (`image-host-jobs.svelte.ts`,
 * computed in the Image host's Web Worker): the reader's workload, then the same workload at each
 * server keep-alive timeout of the Image host's sweep (0 = keep-alive off). HTTP/3 has no HTTP
 * keep-alive timeout (QUIC's idle timeout closes its connections), so it gets no sweep.
 */
import type { ScenarioInput } from '../../sim/scenario';
import { withKeepAliveTimeout } from '../../sim/transforms';
import { SWEEP_TIMEOUTS_MS, type HostJobPlan } from './image-host-runs';

/** The key of the Playground's one sweep series. */
export const PLAYGROUND_SWEEP_KEY = 'settings';

/** The jobs for a workload scenario: the run itself and its keep-alive sweep. */
export function playgroundPlan(workload: ScenarioInput): HostJobPlan {
  const objects = workload.workload?.objectsPerClient ?? 1;
  const sweep =
    workload.http?.version === '3'
      ? []
      : [
          {
            key: PLAYGROUND_SWEEP_KEY,
            objects,
            runs: SWEEP_TIMEOUTS_MS.map((t) => ({
              keepAliveTimeoutMs: t,
              scenario: withKeepAliveTimeout(workload, t),
            })),
          },
        ];
  return { main: workload, sweep };
}
