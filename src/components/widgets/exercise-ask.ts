/** What a "predict, then play" exercise can ask for, and how the simulation answers it. */
import { simulate } from '../../sim/simulate';
import type { Scenario } from '../../sim/scenario';

/** Metrics of a page load an exercise can ask for. */
export type PageAsk = 'pageLoadMs' | 'connectionsOpened' | 'packets' | 'handshakeRoundTrips';
/** Metrics of a workload (a scenario with `workload`) an exercise can ask for. */
export type WorkloadAsk = 'meanWorkersHeld' | 'refused' | 'p95LatencyMs' | 'throughputPerSec';
/** Anything an exercise can ask for. */
export type Ask = PageAsk | WorkloadAsk;

/** The simulation's answer to `ask` for a validated scenario. */
export function answer(scenario: Scenario, ask: Ask): number {
  if (ask === 'pageLoadMs' || ask === 'connectionsOpened' || ask === 'handshakeRoundTrips')
    return simulate(scenario).metrics[ask];
  if (ask === 'packets') return simulate(scenario).metrics.packets.total;
  const w = simulate(scenario, { trace: 'summary' }).workload;
  if (!w) throw new Error(`ask "${ask}" needs a scenario with a workload`);
  if (ask === 'meanWorkersHeld') return w.meanWorkersBusy + w.meanWorkersIdle;
  if (ask === 'p95LatencyMs') return w.latencyMs.p95;
  return ask === 'refused' ? w.refused : w.throughputPerSec;
}
