/**
 * Traces as the widgets hand them to the views: with the streams' stalls recorded
 * (`trace-stalls.ts`), measured the way the simulation measures them (`stallSummary`).
 */
import { rememberStalls } from '../../../src/components/views/trace-stalls';
import { simulate } from '../../../src/sim/simulate';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { stallSummary } from '../../../src/sim/stalls';
import type { Trace } from '../../../src/sim/trace';

/** A hand-written trace with its stalls recorded; returns it. */
export function recordStalls<T extends Trace>(trace: T): T {
  rememberStalls(trace, stallSummary(trace).streams);
  return trace;
}

/** `simulate`, with the result's stalls recorded for its trace as a widget records them. */
export function simulateForViews(input: ScenarioInput): ReturnType<typeof simulate> {
  const result = simulate(input);
  rememberStalls(result.trace, result.metrics.streamStallMs?.streams);
  return result;
}
