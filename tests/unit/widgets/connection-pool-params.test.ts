import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import {
  POOL_SERVER_TIMEOUT_MS,
  poolScenario,
  poolSchema,
  type PoolValues,
} from '../../../src/components/widgets/connection-pool-params';
import {
  connectionsPerHost,
  poolCloses,
  queueWaits,
} from '../../../src/components/widgets/pool-facts';
import { simulate } from '../../../src/sim';
import type { RequestEvent } from '../../../src/sim/trace';

const base: PoolValues = defaults(poolSchema);

describe('poolScenario', () => {
  it('maps the limits, sharding and idle timeout onto an HTTP/1.1 keep-alive page', () => {
    expect(poolScenario(base)).toEqual({
      seed: 1,
      network: { rttMs: 100, bandwidthMbps: 100 },
      http: { version: '1.1', keepAlive: true },
      client: { maxConnectionsPerHost: 2, maxConnectionsTotal: 16, idleTimeoutMs: 10000 },
      server: { keepAliveTimeoutMs: POOL_SERVER_TIMEOUT_MS, maxRequestsPerConnection: 0 },
      page: { htmlBytes: 2000, objects: 12, objectBytes: 2000, shards: 1 },
    });
  });

  it('by default opens 2 connections to one host, queues requests and closes both when idle', () => {
    const { trace } = simulate(poolScenario(base));
    expect([...connectionsPerHost(trace)]).toEqual([['example.com', 2]]);
    expect(queueWaits(trace).count).toBeGreaterThan(0);
    expect(poolCloses(trace)).toEqual({ evicted: 0, idle: 2 });
  });

  it('evicts idle connections to other hosts when the total cap is below hosts × per-host', () => {
    const { trace } = simulate(poolScenario({ ...base, shards: 3, totalCap: 3 }));
    expect([...connectionsPerHost(trace).keys()]).toEqual([
      'example.com',
      's1.example.com',
      's2.example.com',
      's3.example.com',
    ]);
    expect(poolCloses(trace).evicted).toBeGreaterThan(0);
  });

  it('a wait for a DNS lookup is not a wait for the pool', () => {
    // Queued at 0, its name resolved at 50, then at once on a connection that had carried a
    // request: it waited for DNS, not for a free connection. Another waits 50–80 for one.
    const req = (t: number, step: RequestEvent['step'], requestId: number): RequestEvent => ({
      type: 'request',
      t,
      step,
      requestId,
      path: `/r${requestId}`,
      host: 'cdn.example.com',
      method: 'GET',
      attempt: 1,
      followUp: false,
      ...(step === 'assigned' ? { conn: 1, reused: true } : {}),
    });
    const trace = [
      req(0, 'queued', 2),
      req(10, 'queued', 3),
      req(50, 'resolved', 2),
      req(50, 'resolved', 3),
      req(50, 'assigned', 2),
      req(80, 'assigned', 3),
    ];
    expect(queueWaits(trace)).toEqual({ count: 1, longestMs: 30 });
  });

  it('never queues when every object gets its own connection', () => {
    const { trace } = simulate(poolScenario({ ...base, objects: 4, perHost: 8 }));
    expect(queueWaits(trace)).toEqual({ count: 0, longestMs: 0 });
  });
});
