/**
 * Scenario transforms: pure functions from one scenario input to another, for sweeps and widgets
 * that vary one knob of a base scenario (no simulation runtime here).
 */
import type { ScenarioInput } from './scenario';

/**
 * `base` with the server's keep-alive timeout set to `timeoutMs`; 0 turns keep-alive off the way
 * Apache's `KeepAlive Off` does: one request per connection (`maxRequestsPerConnection: 1`).
 */
export function withKeepAliveTimeout(base: ScenarioInput, timeoutMs: number): ScenarioInput {
  const server =
    timeoutMs === 0
      ? { ...base.server, maxRequestsPerConnection: 1 }
      : { ...base.server, keepAliveTimeoutMs: timeoutMs };
  return { ...base, server };
}
