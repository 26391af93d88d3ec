/**
 * The Playground's knobs as a scenario: one page load, or many visitors arriving at a server.
 * The knobs are written into the scenario fields they name as they are set; combinations the
 * simulation does not take are mapped to the nearest it does by the scenario's own rules, in
 * their coerce mode (`coerceScenario`, `sim/scenario/rules.ts`), and each mapping is listed
 * (`playgroundAdjustments`), so no setting ever makes the widget fail and the widget holds no
 * protocol logic.
 */
import type { ScenarioInput } from '../../sim/scenario';
import { coerceScenario, type RuleId } from '../../sim/scenario/rules';
import type { PlaygroundValues } from './playground-schema';

/** A setting the simulation cannot take as it is: the scenario rule that maps it (`RULES`). */
export type Adjustment = RuleId;

/** The knobs both modes share, written into the scenario fields they name. */
function asSet(v: PlaygroundValues): ScenarioInput {
  return {
    seed: v.seed,
    network: { rttMs: v.rtt, bandwidthMbps: v.bandwidth, lossRate: v.loss / 100 },
    tcp: {
      initialWindow: v.initialWindow,
      slowStartAfterIdle: v.slowStartAfterIdle,
      delayedAck: v.delayedAck,
      nagle: v.nagle,
      fastOpen: v.fastOpen,
      synRetries: v.synRetries,
    },
    tls: v.tls,
    http: { version: v.version, keepAlive: v.keepAlive, pipelining: v.pipelining },
    client: {
      maxConnectionsPerHost: v.perHost,
      maxConnectionsTotal: v.totalCap,
      idleTimeoutMs: v.clientIdle,
      retryPolicy: v.retryPolicy,
    },
    server: {
      processingMs: v.processing,
      keepAliveTimeoutMs: v.serverTimeout,
      maxRequestsPerConnection: v.maxRequests,
      resetAfterProcessing: v.resetAfter,
      model: v.model,
      workers: v.workers,
      backlog: v.backlog,
      maxConnections: v.connectionCap,
    },
  };
}

/** The protocol settings the simulation runs with, and the mappings that led to them. */
export function effectiveProtocol(v: PlaygroundValues): {
  readonly keepAlive: boolean;
  readonly pipelining: boolean;
  readonly tls: PlaygroundValues['tls'];
  readonly adjustments: readonly Adjustment[];
} {
  const { values, adjustments } = coerceScenario(asSet(v));
  return {
    keepAlive: values['http.keepAlive'],
    pipelining: values['http.pipelining'],
    tls: values.tls,
    adjustments,
  };
}

/** What the simulation uses instead of some settings (none when every setting applies). */
export function playgroundAdjustments(v: PlaygroundValues): readonly Adjustment[] {
  return effectiveProtocol(v).adjustments;
}

/**
 * Everything both modes share: network, TCP, protocol, the browser's pool and the server, after
 * the scenario's rules (over HTTP/3, for one, the two idle timeouts become QUIC's).
 */
function shared(v: PlaygroundValues): ScenarioInput {
  return coerceScenario(asSet(v)).input;
}

/** Size of the follow-up click's response (bytes). */
export const PLAYGROUND_FOLLOW_UP_BYTES = 2000;

/**
 * One page load: the HTML, then `objects` objects of `objectBytes` each over `shards`
 * hostnames; optionally the server's `drop`-th data packet on the first connection lost, a
 * click at `followUpAt` ms and a change of the client's address at `addressChangeAt` ms
 * (0 = none for each).
 */
export function playgroundPageScenario(v: PlaygroundValues): ScenarioInput {
  const s = shared(v);
  return {
    ...s,
    network: {
      ...s.network,
      drop: v.drop > 0 ? [{ connection: 1, segment: v.drop, direction: 's2c' }] : [],
    },
    client: {
      ...s.client,
      ...(v.addressChangeAt > 0 ? { addressChangeAtMs: v.addressChangeAt } : {}),
    },
    page: {
      htmlBytes: v.htmlBytes,
      objects: v.objects,
      objectBytes: v.objectBytes,
      shards: v.shards,
    },
    followUps:
      v.followUpAt > 0
        ? [
            {
              atMs: v.followUpAt,
              method: v.followUpMethod,
              bytes: PLAYGROUND_FOLLOW_UP_BYTES,
              bodyBytes: v.followUpMethod === 'POST' ? 200 : 0,
            },
          ]
        : [],
  };
}

/**
 * Many visitors: arrivals at `rate` per second for `duration` ms, each fetching `perVisitor`
 * objects of `visitorBytes`, all over one shared link to the server.
 */
export function playgroundWorkloadScenario(v: PlaygroundValues): ScenarioInput {
  return {
    ...shared(v),
    workload: {
      kind: 'arrivals',
      clientsPerSecond: v.rate,
      durationMs: v.duration,
      objectsPerClient: v.perVisitor,
      objectBytes: v.visitorBytes,
    },
  };
}

/** The scenario of the current mode. */
export function playgroundScenario(v: PlaygroundValues): ScenarioInput {
  return v.mode === 'visitors' ? playgroundWorkloadScenario(v) : playgroundPageScenario(v);
}
