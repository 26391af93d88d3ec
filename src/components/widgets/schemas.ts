/**
 * Every widget's parameter schema and scenario builder by widget name, for routes that mount a
 * widget from a URL (`/embed/<widget>/?rtt=…`): parse with `parseParams(schema, query)`.
 */
import type { ScenarioInput } from '../../sim';
import type { ParamSchema, ParamValues } from '../controls/params';
import { poolScenario, poolSchema, type PoolValues } from './connection-pool-params';
import { handshakeScenario, handshakeSchema, type HandshakeValues } from './handshake-params';
import { imageHostScenario, imageHostSchema, type ImageHostValues } from './image-host-params';
import {
  MUX_RUNS,
  multiplexingScenario,
  multiplexingSchema,
  type MultiplexingValues,
} from './multiplexing-params';
import { pageLoadScenario, pageLoadSchema, type PageLoadValues } from './page-load-params';
import { playgroundScenario } from './playground-scenario';
import { playgroundSchema, type PlaygroundValues } from './playground-schema';
import {
  pipelinedScenario,
  pipeliningSchema,
  sequentialScenario,
  type PipeliningValues,
} from './pipelining-params';
import {
  raceHttp10Scenario,
  raceKeepAliveScenario,
  raceSchema,
  type RaceValues,
} from './race-params';
import { timeoutRaceSchema, type TimeoutRaceValues } from './timeout-race-params';
import { timeoutRaceScenario } from './timeout-race-scenarios';

/** A widget's schema and the scenarios (one per run) its values describe. */
export interface WidgetParams<S extends ParamSchema> {
  readonly schema: S;
  readonly scenarios: (values: ParamValues<S>) => readonly ScenarioInput[];
}

/** Parameter schemas of the widgets, keyed by their embed name. */
export const widgetParams = {
  handshake: {
    schema: handshakeSchema,
    scenarios: (v: HandshakeValues) => [handshakeScenario(v)],
  },
  race: {
    schema: raceSchema,
    scenarios: (v: RaceValues) => [raceHttp10Scenario(v), raceKeepAliveScenario(v)],
  },
  pipelining: {
    schema: pipeliningSchema,
    scenarios: (v: PipeliningValues) => [sequentialScenario(v), pipelinedScenario(v)],
  },
  'page-load': {
    schema: pageLoadSchema,
    scenarios: (v: PageLoadValues) => [pageLoadScenario(v)],
  },
  'connection-pool': {
    schema: poolSchema,
    scenarios: (v: PoolValues) => [poolScenario(v)],
  },
  'timeout-race': {
    schema: timeoutRaceSchema,
    scenarios: (v: TimeoutRaceValues) => [timeoutRaceScenario(v)],
  },
  'image-host': {
    schema: imageHostSchema,
    scenarios: (v: ImageHostValues) => [imageHostScenario(v)],
  },
  multiplexing: {
    schema: multiplexingSchema,
    scenarios: (v: MultiplexingValues) => MUX_RUNS.map((run) => multiplexingScenario(v, run)),
  },
  playground: {
    schema: playgroundSchema,
    scenarios: (v: PlaygroundValues) => [playgroundScenario(v)],
  },
} as const satisfies {
  handshake: WidgetParams<typeof handshakeSchema>;
  race: WidgetParams<typeof raceSchema>;
  pipelining: WidgetParams<typeof pipeliningSchema>;
  'page-load': WidgetParams<typeof pageLoadSchema>;
  'connection-pool': WidgetParams<typeof poolSchema>;
  'timeout-race': WidgetParams<typeof timeoutRaceSchema>;
  'image-host': WidgetParams<typeof imageHostSchema>;
  multiplexing: WidgetParams<typeof multiplexingSchema>;
  playground: WidgetParams<typeof playgroundSchema>;
};

/** Names of the widgets that have a parameter schema. */
export type WidgetName = keyof typeof widgetParams;
