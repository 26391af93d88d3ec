/**
 * The Timeout race's scenarios with the click placed by a probe run of the simulator (the
 * moment the server's keep-alive timer fires). For the build, the CLI, the embeds' schema
 * registry and tests; the widget itself computes the probe through its own runs, so importing
 * `timeout-race-params.ts` costs the browser no simulator.
 */
import type { ScenarioInput } from '../../sim';
import { simulate } from '../../sim/simulate';
import {
  clickMsAfter,
  cleanReuseScenarioAt,
  serverTimeoutMomentIn,
  timeoutProbeScenario,
  timeoutRaceScenarioAt,
  type TimeoutRaceValues,
} from './timeout-race-params';

/** The moment the server closes the idle connection, from a run without the click (ms). */
export function serverTimeoutMoment(v: TimeoutRaceValues): number {
  return serverTimeoutMomentIn(simulate(timeoutProbeScenario(v)).trace);
}

/** Click time: the server's timeout moment plus `clickOffset` (never before navigation). */
export function timeoutRaceClickMs(v: TimeoutRaceValues): number {
  return clickMsAfter(v, serverTimeoutMoment(v));
}

/** The race: the page, then a click `clickOffset` ms from the server's timeout moment. */
export function timeoutRaceScenario(
  v: TimeoutRaceValues,
  atMs = timeoutRaceClickMs(v),
): ScenarioInput {
  return timeoutRaceScenarioAt(v, atMs);
}

/**
 * The same click on a connection neither side closes: what a clean reuse costs, to compare the
 * race with.
 */
export function cleanReuseScenario(
  v: TimeoutRaceValues,
  atMs = timeoutRaceClickMs(v),
): ScenarioInput {
  return cleanReuseScenarioAt(v, atMs);
}
