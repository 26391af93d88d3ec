/** Parameters of the Handshake widget and the scenario they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import { uiText } from './labels';

/** Handshake: TLS mode and round-trip time. */
export const handshakeSchema = defineSchema([
  {
    key: 'tls',
    type: 'enum',
    options: ['none', 'tls1.2', 'tls1.3'],
    optionLabels: {
      none: uiText((w) => w.tlsOption.none),
      'tls1.2': uiText((w) => w.tlsOption['tls1.2']),
      'tls1.3': uiText((w) => w.tlsOption['tls1.3']),
    },
    default: 'tls1.3',
    label: uiText((w) => w.param.tls),
  },
  {
    key: 'rtt',
    type: 'number',
    min: 10,
    max: 500,
    step: 10,
    default: 100,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.rtt),
    description: uiText((w) => w.param.rttHelp),
  },
]);

/** Values of the Handshake parameters. */
export type HandshakeValues = ParamValues<typeof handshakeSchema>;

/** One connection, one small request, closed after the response (`Connection: close`). */
export function handshakeScenario(v: HandshakeValues): ScenarioInput {
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: 100 },
    tls: v.tls,
    http: { version: '1.1', keepAlive: false },
    client: { maxConnectionsPerHost: 1 },
    page: { htmlBytes: 1000, objects: 0 },
  };
}
