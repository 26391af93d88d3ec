/** fast-check arbitraries shared by the simulation's and the views' property tests. */
import fc from 'fast-check';
import { SCENARIO_FIELDS, type ScenarioInput } from '../../../src/sim/scenario';

type HttpInput = NonNullable<ScenarioInput['http']>;

/** Every HTTP/0.9–1.1 variant: versions, keep-alive on and off, pipelining. */
export const HTTP1_VARIANTS: readonly HttpInput[] = [
  { version: '0.9' },
  { version: '1.0' },
  { version: '1.0', keepAlive: true },
  { version: '1.1' },
  { version: '1.1', keepAlive: false },
  { version: '1.1', pipelining: true },
];

/** HTTP/2 and HTTP/3, with and without a limit of two concurrent streams. */
export const MULTIPLEXED_VARIANTS: readonly HttpInput[] = [
  { version: '2' },
  { version: '2', maxConcurrentStreams: 2 },
  { version: '3' },
  { version: '3', maxConcurrentStreams: 2 },
];

/**
 * Random valid page loads (and follow-up clicks) over the given HTTP variants: path, loss up to
 * 20 %, targeted drops, TCP, TLS, pool, server and page; small enough to keep a suite fast.
 */
export function pageLoadArb(http: readonly HttpInput[]): fc.Arbitrary<ScenarioInput> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 1000 }),
      rttMs: fc.integer({ min: 1, max: 300 }),
      bandwidthMbps: fc.constantFrom(1, 10, 100, 100000),
      lossRate: fc.constantFrom(0, 0, 0.01, 0.05, 0.2),
      initialWindow: fc.integer({ min: 1, max: 10 }),
      delayedAck: fc.boolean(),
      nagle: fc.boolean(),
      fastOpen: fc.boolean(),
      slowStartAfterIdle: fc.boolean(),
      // Mostly Linux's 6; 0 and 1 make a lost SYN (loss up to 20 %) end the attempt, so the
      // requests waiting for that connection fail.
      synRetries: fc.constantFrom(6, 6, 0, 1),
      tls: fc.constantFrom(...SCENARIO_FIELDS.tls.values),
      http: fc.constantFrom(...http),
      perHost: fc.integer({ min: 1, max: 6 }),
      total: fc.integer({ min: 1, max: 8 }),
      idleTimeoutMs: fc.integer({ min: 50, max: 5000 }),
      retryPolicy: fc.constantFrom(...SCENARIO_FIELDS['client.retryPolicy'].values),
      processingMs: fc.integer({ min: 0, max: 50 }),
      // 0 is keep-alive off (every HTTP/1.x response closes; HTTP/2 closes once idle).
      keepAliveTimeoutMs: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 5000 })),
      maxRequests: fc.integer({ min: 0, max: 5 }),
      // Mostly 0 (never); otherwise the server resets a connection after its 1st to 3rd request.
      resetAfterProcessing: fc.constantFrom(0, 0, 0, 1, 2, 3),
      pipelineProcessing: fc.constantFrom('serial', 'parallel'),
      htmlBytes: fc.integer({ min: 1, max: 30000 }),
      objects: fc.array(fc.integer({ min: 1, max: 20000 }), { maxLength: 8 }),
      shards: fc.integer({ min: 1, max: 3 }),
      discovery: fc.constantFrom('after-html', 'upfront'),
      followUps: fc.array(
        fc.record({
          atMs: fc.integer({ min: 0, max: 3000 }),
          method: fc.constantFrom('GET', 'POST'),
        }),
        { maxLength: 2 },
      ),
      drop: fc.array(
        fc.record({
          connection: fc.integer({ min: 1, max: 3 }),
          segment: fc.integer({ min: 1, max: 6 }),
          direction: fc.constantFrom('c2s', 's2c'),
        }),
        { maxLength: 2 },
      ),
      // Mostly none; otherwise each hostname's first request waits for its lookup (last, so the
      // fields above draw as they did before lookups were modelled).
      dnsMs: fc.constantFrom(0, 0, 0, 30),
    })
    .map((r): ScenarioInput => ({
      seed: r.seed,
      network: {
        rttMs: r.rttMs,
        bandwidthMbps: r.bandwidthMbps,
        lossRate: r.lossRate,
        dnsMs: r.dnsMs,
        drop: r.drop,
      },
      tcp: {
        initialWindow: r.initialWindow,
        delayedAck: r.delayedAck,
        nagle: r.nagle,
        fastOpen: r.fastOpen,
        slowStartAfterIdle: r.slowStartAfterIdle,
        synRetries: r.synRetries,
      },
      // HTTP/3 always runs TLS 1.3 (with or without 0-RTT).
      tls: r.http.version === '3' && !r.tls.startsWith('tls1.3') ? 'tls1.3' : r.tls,
      http: r.http,
      client: {
        maxConnectionsPerHost: r.perHost,
        maxConnectionsTotal: r.total,
        idleTimeoutMs: r.idleTimeoutMs,
        retryPolicy: r.retryPolicy,
      },
      server: {
        processingMs: r.processingMs,
        keepAliveTimeoutMs: r.keepAliveTimeoutMs,
        maxRequestsPerConnection: r.maxRequests,
        resetAfterProcessing: r.resetAfterProcessing,
        pipelineProcessing: r.pipelineProcessing,
      },
      page: {
        htmlBytes: r.htmlBytes,
        objects: r.objects,
        shards: r.shards,
        discovery: r.discovery,
      },
      followUps: r.followUps.map((f, i) => ({ ...f, path: `/f${i}` })),
    }));
}
