/**
 * TEMPORARY stub of the simulation worker's client (the lead's branch provides the real one):
 * the same signature, but it runs the simulation on the main thread, loaded on first use.
 */
import type { ScenarioInput, SimResult } from '../../sim';

/** Runs one scenario and resolves with its result (here: on the main thread, lazily loaded). */
export async function simulateOffThread(input: ScenarioInput): Promise<SimResult> {
  const { simulate } = await import('../../sim/simulate');
  return simulate(input);
}
