/** Parameters of the Handshake widget and the scenario they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import { rttParam, tlsParam } from './common-params';

/** Handshake: TLS mode and round-trip time. */
export const handshakeSchema = defineSchema([tlsParam('tls1.3'), rttParam()]);

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
