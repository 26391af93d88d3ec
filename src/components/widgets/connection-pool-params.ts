/** Parameters of the Connection-pool widget and the scenario they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import {
  clientIdleParam,
  objectBytesParam,
  objectsParam,
  perHostParam,
  rttParam,
} from './common-params';
import { uiText } from './labels';

/** Size of the HTML document of the Connection-pool widget (bytes). */
export const POOL_HTML_BYTES = 2000;

/**
 * The server's keep-alive timeout in this widget: an hour, so idle connections stay open on the
 * server and the browser's own idle timeout (and LRU eviction) decides when they close.
 */
export const POOL_SERVER_TIMEOUT_MS = 3_600_000;

/** Connection pool: page size, per-host and total limits, sharding, idle timeout, path. */
export const poolSchema = defineSchema([
  objectsParam({ max: 60, default: 12 }),
  perHostParam('perHost', 2),
  {
    key: 'totalCap',
    type: 'number',
    min: 1,
    max: 32,
    step: 1,
    default: 16,
    label: uiText((w) => w.param.totalCap),
    description: uiText((w) => w.param.totalCapHelp),
  },
  {
    key: 'shards',
    type: 'number',
    min: 1,
    max: 4,
    step: 1,
    default: 1,
    label: uiText((w) => w.param.shards),
    description: uiText((w) => w.param.shardsHelp),
  },
  clientIdleParam('idleTimeout', 10000),
  rttParam(),
  objectBytesParam({ min: 500, max: 50000, step: 500, default: 2000 }),
]);

/** Values of the Connection-pool parameters. */
export type PoolValues = ParamValues<typeof poolSchema>;

/**
 * A page of `objects` images over HTTP/1.1 keep-alive (100 Mbit/s), spread over `shards`
 * hostnames (the HTML stays on the main host), with the browser's per-host and total limits and
 * idle timeout; the server keeps idle connections open (see `POOL_SERVER_TIMEOUT_MS`).
 */
export function poolScenario(v: PoolValues): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: 100 },
    http: { version: '1.1', keepAlive: true },
    client: {
      maxConnectionsPerHost: v.perHost,
      maxConnectionsTotal: v.totalCap,
      idleTimeoutMs: v.idleTimeout,
    },
    server: { keepAliveTimeoutMs: POOL_SERVER_TIMEOUT_MS, maxRequestsPerConnection: 0 },
    page: {
      htmlBytes: POOL_HTML_BYTES,
      objects: v.objects,
      objectBytes: v.objectBytes,
      shards: v.shards,
    },
  };
}
