/**
 * Parameters of the Multiplexing widget and the three runs they describe: the same page over
 * HTTP/1.1 with up to six connections, over HTTP/2 (one TCP connection, many streams) and over
 * HTTP/3 (one QUIC connection), with random loss and one chosen packet dropped.
 */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import { bandwidthParam, objectBytesParam, objectsParam, rttParam } from './common-params';
import { uiText } from './labels';

/** Size of the HTML document (bytes). */
export const MUX_HTML_BYTES = 10_000;
/** Connections per host for the HTTP/1.1 run: what browsers allow (FACTS.md §4). */
export const MUX_H1_CONNECTIONS = 6;

/** Multiplexing: network, loss, the dropped packet, page and TLS mode. */
export const multiplexingSchema = defineSchema([
  rttParam(),
  bandwidthParam({ max: 100, default: 10 }),
  {
    key: 'loss',
    type: 'number',
    min: 0,
    max: 10,
    step: 0.5,
    default: 0,
    unit: uiText((w) => w.percent),
    label: uiText((w) => w.param.loss),
    description: uiText((w) => w.param.lossHelp),
  },
  {
    key: 'drop',
    type: 'number',
    min: 0,
    max: 100,
    step: 1,
    default: 0,
    label: uiText((w) => w.param.dropPacket),
    description: uiText((w) => w.param.dropPacketHelp),
  },
  objectsParam({ max: 60, default: 30 }),
  objectBytesParam({ min: 1000, max: 50000, step: 1000, default: 10000 }),
  {
    key: 'tls',
    type: 'enum',
    options: ['tls1.3', 'tls1.3-0rtt'],
    optionLabels: {
      'tls1.3': uiText((w) => w.tlsOption['tls1.3']),
      'tls1.3-0rtt': uiText((w) => w.tlsOption['tls1.3-0rtt']),
    },
    default: 'tls1.3',
    label: uiText((w) => w.param.tls),
  },
]);

/** Values of the Multiplexing parameters. */
export type MultiplexingValues = ParamValues<typeof multiplexingSchema>;

/** The three protocols compared, in display order. */
export const MUX_RUNS = ['h1', 'h2', 'h3'] as const;
/** One of the compared protocols. */
export type MuxRun = (typeof MUX_RUNS)[number];

/** The page, network and loss shared by the three runs. */
function common(v: MultiplexingValues): ScenarioInput {
  return {
    seed: 1,
    network: {
      rttMs: v.rtt,
      bandwidthMbps: v.bandwidth,
      lossRate: v.loss / 100,
      // The server's `drop`-th data packet on the first connection (the one carrying the HTML).
      drop: v.drop > 0 ? [{ connection: 1, segment: v.drop, direction: 's2c' }] : [],
    },
    tls: v.tls,
    page: { htmlBytes: MUX_HTML_BYTES, objects: v.objects, objectBytes: v.objectBytes },
  };
}

/** The scenario of one run. */
export function multiplexingScenario(v: MultiplexingValues, run: MuxRun): ScenarioInput {
  const base = common(v);
  if (run === 'h1')
    return {
      ...base,
      http: { version: '1.1', keepAlive: true },
      client: { maxConnectionsPerHost: MUX_H1_CONNECTIONS },
    };
  return { ...base, http: { version: run === 'h2' ? '2' : '3' } };
}
