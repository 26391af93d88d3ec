/**
 * Parameters of the Timeout-race widget and the scenarios they describe. The click time is
 * computed from the simulation itself: a first, cheap run without the click finds the moment the
 * server's keep-alive timer fires, and the click is placed `clickOffset` ms from it, so the race
 * happens whatever the round-trip time and timeouts are. `cause` picks what breaks the reused
 * connection: that idle timer (the race), or a server that processes the click's request and
 * then resets the connection instead of answering (`server.resetAfterProcessing`), the case in
 * which a resent POST runs twice. `retryPolicy` is the browser's retry rule.
 */
import type { ScenarioInput, Trace } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import { clientIdleParam, rttParam, serverTimeoutParam } from './common-params';
import { retryPolicyParam } from './retry-param';
import { uiText } from './labels';

/** HTML size of the page (no images): one small response, then an idle connection. */
export const RACE_HTML_BYTES = 1000;
/** Response size of the follow-up request (bytes). */
export const RACE_FOLLOW_UP_BYTES = 1000;
/** Request body of a POST follow-up (bytes). */
export const RACE_POST_BODY_BYTES = 200;
/** Longest timeout the simulator accepts: used where a side should never time out. */
const NEVER_MS = 3_600_000;
/**
 * `cause: 'reset'`: the click's request is the 2nd on the page's connection, the one after whose
 * processing the server resets it.
 */
export const RACE_RESET_AFTER = 2;

/**
 * Timeout race: path, both idle timeouts, the click relative to the server's timer, method, the
 * browser's retry rule, and what breaks the connection.
 */
export const timeoutRaceSchema = defineSchema([
  rttParam(),
  serverTimeoutParam({ max: 30000, step: 500 }),
  clientIdleParam('clientIdle', 60000),
  {
    key: 'clickOffset',
    type: 'number',
    min: -500,
    max: 500,
    step: 10,
    default: 0,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.clickOffset),
    description: uiText((w) => w.param.clickOffsetHelp),
  },
  {
    key: 'method',
    type: 'enum',
    options: ['GET', 'POST'],
    optionLabels: {
      GET: uiText((w) => w.methodOption.GET),
      POST: uiText((w) => w.methodOption.POST),
    },
    default: 'GET',
    label: uiText((w) => w.param.method),
  },
  retryPolicyParam(),
  {
    key: 'cause',
    type: 'enum',
    options: ['timeout', 'reset'],
    optionLabels: {
      timeout: uiText((w) => w.causeOption.timeout),
      reset: uiText((w) => w.causeOption.reset),
    },
    default: 'timeout',
    label: uiText((w) => w.param.cause),
    description: uiText((w) => w.param.causeHelp),
  },
]);

/** Values of the Timeout-race parameters. */
export type TimeoutRaceValues = ParamValues<typeof timeoutRaceSchema>;

/**
 * The page without the click: HTTP/1.1 keep-alive, 1,000 bytes of HTML, 100 Mbit/s; with
 * `resetAfter`, the server resets a connection after processing that many requests on it.
 */
function page(
  v: TimeoutRaceValues,
  clientIdleMs: number,
  serverTimeoutMs: number,
  resetAfter = 0,
): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: 100 },
    http: { version: '1.1', keepAlive: true },
    client: { maxConnectionsPerHost: 1, idleTimeoutMs: clientIdleMs, retryPolicy: v.retryPolicy },
    server:
      resetAfter > 0
        ? { keepAliveTimeoutMs: serverTimeoutMs, resetAfterProcessing: resetAfter }
        : { keepAliveTimeoutMs: serverTimeoutMs },
    page: { htmlBytes: RACE_HTML_BYTES, objects: 0 },
  };
}

/**
 * The page load alone, with a browser that never times out, so the server's keep-alive timer is
 * certain to fire: the run that finds the moment the click is placed around.
 */
export function timeoutProbeScenario(v: TimeoutRaceValues): ScenarioInput {
  return page(v, NEVER_MS, v.serverTimeout);
}

/** When the server's keep-alive timer fired in a trace (its first such close), if it did. */
export function serverTimeoutAt(trace: Trace): number | undefined {
  for (const e of trace) {
    if (e.type === 'conn' && e.side === 'server' && e.reason === 'keep-alive-timeout') return e.t;
  }
  return undefined;
}

/**
 * The moment the server closes the idle connection in the trace of the probe run
 * (`timeoutProbeScenario`), in ms; widgets run the probe through their `Simulations`.
 */
export function serverTimeoutMomentIn(probe: Trace): number {
  const at = serverTimeoutAt(probe);
  if (at === undefined)
    throw new Error('the server keep-alive timer did not fire in the probe run');
  return at;
}

/** Click time from the server's timeout moment: plus `clickOffset`, never before navigation. */
export function clickMsAfter(v: TimeoutRaceValues, serverTimeoutMs: number): number {
  return Math.max(0, serverTimeoutMs + v.clickOffset);
}

function withClick(base: ScenarioInput, v: TimeoutRaceValues, atMs: number): ScenarioInput {
  return {
    ...base,
    followUps: [
      {
        atMs,
        method: v.method,
        bytes: RACE_FOLLOW_UP_BYTES,
        bodyBytes: v.method === 'POST' ? RACE_POST_BODY_BYTES : 0,
      },
    ],
  };
}

/**
 * The race with the click at `atMs` (no simulation: what the widget calls). With `cause:
 * 'reset'` the server's idle timer never fires; instead the server processes the click's
 * request and resets the connection.
 */
export function timeoutRaceScenarioAt(v: TimeoutRaceValues, atMs: number): ScenarioInput {
  const base =
    v.cause === 'reset'
      ? page(v, v.clientIdle, NEVER_MS, RACE_RESET_AFTER)
      : page(v, v.clientIdle, v.serverTimeout);
  return withClick(base, v, atMs);
}

/** The clean reuse with the click at `atMs` (no simulation: what the widget calls). */
export function cleanReuseScenarioAt(v: TimeoutRaceValues, atMs: number): ScenarioInput {
  return withClick(page(v, NEVER_MS, NEVER_MS), v, atMs);
}
