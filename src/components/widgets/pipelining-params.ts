/** Parameters of the Pipelining widget and the two scenarios they describe. */
import type { ScenarioInput } from '../../sim';
import { defineSchema, type ParamValues } from '../controls/params';
import { objectBytesParam, objectsParam, rttParam } from './common-params';
import { uiText } from './labels';

/** Pipelining: path, page, and the extra server time of the first image. */
export const pipeliningSchema = defineSchema([
  rttParam(),
  objectsParam({ max: 20, default: 4 }),
  objectBytesParam({ min: 500, max: 50000, step: 500, default: 2000 }),
  {
    key: 'slowMs',
    type: 'number',
    min: 0,
    max: 2000,
    step: 50,
    default: 400,
    unit: uiText((w) => w.ms),
    label: uiText((w) => w.param.slowMs),
    description: uiText((w) => w.param.slowMsHelp),
  },
]);

/** Values of the Pipelining parameters. */
export type PipeliningValues = ParamValues<typeof pipeliningSchema>;

function scenario(v: PipeliningValues, pipelining: boolean): ScenarioInput {
  const objects = Array.from({ length: v.objects }, (_, i) =>
    i === 0 ? { bytes: v.objectBytes, processingMs: v.slowMs } : { bytes: v.objectBytes },
  );
  return {
    seed: 1,
    network: { rttMs: v.rtt, bandwidthMbps: 100 },
    http: { version: '1.1', keepAlive: true, pipelining },
    client: { maxConnectionsPerHost: 1 },
    page: { htmlBytes: 2000, objects, objectBytes: v.objectBytes },
  };
}

/** One persistent connection, one request at a time. */
export function sequentialScenario(v: PipeliningValues): ScenarioInput {
  return scenario(v, false);
}

/** One persistent connection, requests pipelined (responses in request order). */
export function pipelinedScenario(v: PipeliningValues): ScenarioInput {
  return scenario(v, true);
}
