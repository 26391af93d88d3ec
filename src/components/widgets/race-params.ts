/** Parameters of the Keep-alive race widget and the two scenarios they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import {
  bandwidthParam,
  objectBytesParam,
  objectsParam,
  rttParam,
  serverTimeoutParam,
} from './common-params';
import { uiText } from './labels';

/** Keep-alive race: path, page, connection limit and the server's keep-alive timeout, shared by both runs. */
export const raceSchema = defineSchema([
  rttParam(),
  objectsParam({ max: 100, default: 6 }),
  objectBytesParam({ min: 1000, max: 100000, step: 1000, default: 10000 }),
  bandwidthParam({ max: 100, default: 10 }),
  {
    key: 'version',
    type: 'enum',
    options: ['1.1', '1.0'],
    optionLabels: {
      '1.1': uiText((w) => w.versionOption['1.1']),
      '1.0': uiText((w) => w.versionOption['1.0']),
    },
    default: '1.1',
    label: uiText((w) => w.param.version),
    description: uiText((w) => w.param.versionHelp),
  },
  {
    key: 'connections',
    type: 'number',
    min: 1,
    max: 6,
    step: 1,
    default: 1,
    label: uiText((w) => w.param.connections),
    description: uiText((w) => w.param.connectionsHelp),
  },
  serverTimeoutParam({ max: 120000, step: 1000 }),
]);

/** Values of the Keep-alive race parameters. */
export type RaceValues = ParamValues<typeof raceSchema>;

function base(v: RaceValues): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: v.bandwidth },
    client: { maxConnectionsPerHost: v.connections },
    server: { keepAliveTimeoutMs: v.serverTimeout },
    page: { htmlBytes: 5000, objects: v.objects, objectBytes: v.objectBytes },
  };
}

/** The page over HTTP/1.0 without keep-alive: a new connection per object. */
export function raceHttp10Scenario(v: RaceValues): ScenarioInput {
  return { ...base(v), http: { version: '1.0', keepAlive: false } };
}

/** The same page over persistent connections: HTTP/1.1, or HTTP/1.0 with `Connection: Keep-Alive`. */
export function raceKeepAliveScenario(v: RaceValues): ScenarioInput {
  return { ...base(v), http: { version: v.version, keepAlive: true } };
}
