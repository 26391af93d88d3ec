import { describe, expect, it } from 'vitest';
import { defaults } from '../../../src/components/controls/params';
import {
  PAGE_LOAD_HTML_BYTES,
  pageLoadScenario,
  pageLoadSchema,
  type PageLoadValues,
} from '../../../src/components/widgets/page-load-params';
import { simulate } from '../../../src/sim';

const base: PageLoadValues = defaults(pageLoadSchema);

describe('pageLoadSchema', () => {
  it('has the keys the chapters use, with their defaults', () => {
    expect(base).toEqual({
      version: '1.1',
      keepAlive: true,
      tls: 'none',
      rtt: 100,
      bandwidth: 100,
      objects: 5,
      objectBytes: 3000,
      connections: 6,
      slowStartAfterIdle: true,
      serverTimeout: 5000,
      followUpAt: 0,
      followUpBytes: 3000,
    });
  });
});

describe('pageLoadScenario', () => {
  it('maps every parameter onto the scenario, without a follow-up by default', () => {
    expect(pageLoadScenario(base)).toEqual({
      seed: 1,
      network: { rttMs: 100, bandwidthMbps: 100 },
      tcp: { slowStartAfterIdle: true },
      tls: 'none',
      http: { version: '1.1', keepAlive: true },
      client: { maxConnectionsPerHost: 6 },
      server: { keepAliveTimeoutMs: 5000 },
      page: { htmlBytes: PAGE_LOAD_HTML_BYTES, objects: 5, objectBytes: 3000 },
      followUps: [],
    });
  });

  it('adds one GET at followUpAt with followUpBytes', () => {
    const s = pageLoadScenario({ ...base, followUpAt: 2500, followUpBytes: 10000 });
    expect(s.followUps).toEqual([{ atMs: 2500, bytes: 10000 }]);
  });

  it('ignores keep-alive for HTTP/0.9 and passes it on for HTTP/1.0 (Connection: Keep-Alive)', () => {
    expect(pageLoadScenario({ ...base, version: '0.9' }).http).toEqual({
      version: '0.9',
      keepAlive: false,
    });
    expect(pageLoadScenario({ ...base, version: '1.0' }).http).toEqual({
      version: '1.0',
      keepAlive: true,
    });
    expect(pageLoadScenario({ ...base, keepAlive: false }).http).toEqual({
      version: '1.1',
      keepAlive: false,
    });
  });

  it('opens one connection per request over HTTP/0.9 (HTML + 5 objects = 6)', () => {
    expect(simulate(pageLoadScenario({ ...base, version: '0.9' })).metrics.connectionsOpened).toBe(
      6,
    );
  });

  it('reuses an open connection for a click before the server timeout and opens one after it', () => {
    const early = simulate(pageLoadScenario({ ...base, followUpAt: 2000 })).metrics;
    const late = simulate(pageLoadScenario({ ...base, followUpAt: 8000 })).metrics;
    expect(early.requests.find((r) => r.followUp)?.reused).toBe(true);
    expect(late.requests.find((r) => r.followUp)?.reused).toBe(false);
    expect(late.connectionsOpened).toBe(early.connectionsOpened + 1);
  });
});
