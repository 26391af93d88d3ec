/** How the simulation answers a "predict, then play" exercise (at build time and in tests). */
import { simulate } from '../../sim/simulate';
import type { Scenario } from '../../sim/scenario';
import { isWorkloadAsk, metricOf, type Ask } from './exercise-metric';

export type { Ask, PageAsk, WorkloadAsk } from './exercise-metric';

/** The simulation's answer to `ask` for a validated scenario. */
export function answer(scenario: Scenario, ask: Ask): number {
  return metricOf(simulate(scenario, isWorkloadAsk(ask) ? { trace: 'summary' } : {}), ask);
}
