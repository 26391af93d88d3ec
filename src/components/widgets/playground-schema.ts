/**
 * Parameters of the Playground widget (data): every knob of the simulation on one page, in
 * fieldsets (protocol, network, page, browser, server, visitors). Ranges and defaults come from
 * the scenario's own field specs (`SCENARIO_FIELDS`), narrowed where a slider needs it and so
 * that one page load (at most 100 objects of 50,000 bytes after 100,000 bytes of HTML, about
 * 7,000 packets) stays a main-thread run and a drawable ladder. The scenario the knobs describe:
 * `playground-scenario.ts`.
 */
import { SCENARIO_FIELDS, type FieldPath, type NumberSpec } from '../../sim/scenario/fields';
import {
  defineSchema,
  type NumberParam,
  type ParamGroup,
  type ParamValues,
  type UiText,
} from '../controls/params';
import { retryPolicyParam } from './retry-param';
import { uiText } from './labels';

const F = SCENARIO_FIELDS;

/** The mode the groups belong to (`Page` and `Visitors` apply to one mode each). */
const pageMode = (v: Readonly<Record<string, unknown>>): boolean => v['mode'] !== 'visitors';

/** The fieldsets of the Playground, in display order. */
export const PLAYGROUND_GROUPS = {
  protocol: { key: 'protocol', legend: uiText((w) => w.playground.group.protocol) },
  network: { key: 'network', legend: uiText((w) => w.playground.group.network) },
  page: {
    key: 'page',
    legend: uiText((w) => w.playground.group.page),
    applies: pageMode,
  },
  browser: { key: 'browser', legend: uiText((w) => w.playground.group.browser) },
  server: { key: 'server', legend: uiText((w) => w.playground.group.server) },
  visitors: {
    key: 'visitors',
    legend: uiText((w) => w.playground.group.visitors),
    applies: (v) => !pageMode(v),
  },
} as const satisfies Record<string, ParamGroup>;

/**
 * A number input for a scenario field: its default from the field's spec, its range the spec's
 * or a narrower one (`min`, `max`, never outside the spec's), in steps of `step`. `scale`
 * converts the field's unit to the input's (100: a rate shown in percent).
 */
function field<K extends string>(
  key: K,
  path: FieldPath,
  o: {
    readonly min?: number;
    readonly max?: number;
    readonly step: number;
    readonly scale?: number;
    readonly label: UiText;
    readonly description?: UiText;
    readonly unit?: UiText;
    readonly group: ParamGroup;
  },
): NumberParam<K> {
  const spec = F[path] as NumberSpec;
  const scale = o.scale ?? 1;
  const min = Math.max(o.min ?? spec.min * scale, spec.min * scale);
  const max = Math.min(o.max ?? spec.max * scale, spec.max * scale);
  return {
    key,
    type: 'number',
    min,
    max,
    step: o.step,
    default: spec.default * scale,
    label: o.label,
    group: o.group,
    ...(o.description ? { description: o.description } : {}),
    ...(o.unit ? { unit: o.unit } : {}),
  };
}

const G = PLAYGROUND_GROUPS;
const ms = uiText((w) => w.ms);

/** The Playground's knobs. */
export const playgroundSchema = defineSchema([
  {
    key: 'mode',
    type: 'enum',
    options: ['page', 'visitors'],
    optionLabels: {
      page: uiText((w) => w.playground.modeOption.page),
      visitors: uiText((w) => w.playground.modeOption.visitors),
    },
    default: 'page',
    label: uiText((w) => w.param.mode),
  },
  {
    key: 'version',
    type: 'enum',
    options: F['http.version'].values,
    optionLabels: {
      '0.9': uiText((w) => w.httpVersionOption['0.9']),
      '1.0': uiText((w) => w.httpVersionOption['1.0']),
      '1.1': uiText((w) => w.httpVersionOption['1.1']),
      '2': uiText((w) => w.httpVersionOption['2']),
      '3': uiText((w) => w.httpVersionOption['3']),
    },
    default: F['http.version'].default,
    label: uiText((w) => w.param.httpVersion),
    group: G.protocol,
  },
  {
    key: 'keepAlive',
    type: 'boolean',
    default: F['http.keepAlive'].default,
    label: uiText((w) => w.param.keepAlive),
    description: uiText((w) => w.param.keepAliveHelp),
    group: G.protocol,
  },
  {
    key: 'pipelining',
    type: 'boolean',
    default: F['http.pipelining'].default,
    label: uiText((w) => w.param.pipelining),
    description: uiText((w) => w.param.pipeliningHelp),
    group: G.protocol,
  },
  {
    key: 'tls',
    type: 'enum',
    options: F.tls.values,
    optionLabels: {
      none: uiText((w) => w.tlsOption.none),
      'tls1.2': uiText((w) => w.tlsOption['tls1.2']),
      'tls1.2-resumed': uiText((w) => w.tlsOption['tls1.2-resumed']),
      'tls1.3': uiText((w) => w.tlsOption['tls1.3']),
      'tls1.3-resumed': uiText((w) => w.tlsOption['tls1.3-resumed']),
      'tls1.3-0rtt': uiText((w) => w.tlsOption['tls1.3-0rtt']),
    },
    default: F.tls.default,
    label: uiText((w) => w.param.tls),
    group: G.protocol,
  },
  field('rtt', 'network.rttMs', {
    min: 1,
    max: 1000,
    step: 1,
    unit: ms,
    label: uiText((w) => w.param.rtt),
    description: uiText((w) => w.param.rttHelp),
    group: G.network,
  }),
  field('bandwidth', 'network.bandwidthMbps', {
    min: 0.1,
    max: 1000,
    step: 0.1,
    unit: uiText((w) => w.mbps),
    label: uiText((w) => w.param.bandwidth),
    group: G.network,
  }),
  field('loss', 'network.lossRate', {
    max: 10,
    step: 0.1,
    scale: 100,
    unit: uiText((w) => w.percent),
    label: uiText((w) => w.param.loss),
    description: uiText((w) => w.param.lossSeedHelp),
    group: G.network,
  }),
  field('initialWindow', 'tcp.initialWindow', {
    step: 1,
    unit: uiText((w) => w.playground.segments),
    label: uiText((w) => w.param.initialWindow),
    description: uiText((w) => w.param.initialWindowHelp),
    group: G.network,
  }),
  {
    key: 'slowStartAfterIdle',
    type: 'boolean',
    default: F['tcp.slowStartAfterIdle'].default,
    label: uiText((w) => w.param.slowStartAfterIdle),
    description: uiText((w) => w.param.slowStartAfterIdleHelp),
    group: G.network,
  },
  {
    key: 'delayedAck',
    type: 'boolean',
    default: F['tcp.delayedAck'].default,
    label: uiText((w) => w.param.delayedAck),
    description: uiText((w) => w.param.delayedAckHelp),
    group: G.network,
  },
  {
    key: 'nagle',
    type: 'boolean',
    default: F['tcp.nagle'].default,
    label: uiText((w) => w.param.nagle),
    description: uiText((w) => w.param.nagleHelp),
    group: G.network,
  },
  {
    key: 'fastOpen',
    type: 'boolean',
    default: F['tcp.fastOpen'].default,
    label: uiText((w) => w.param.fastOpen),
    description: uiText((w) => w.param.fastOpenHelp),
    group: G.network,
  },
  field('synRetries', 'tcp.synRetries', {
    step: 1,
    label: uiText((w) => w.param.synRetries),
    description: uiText((w) => w.param.synRetriesHelp),
    group: G.network,
  }),
  field('seed', 'seed', {
    max: 1000,
    step: 1,
    label: uiText((w) => w.param.seed),
    description: uiText((w) => w.param.seedHelp),
    group: G.network,
  }),
  field('htmlBytes', 'page.htmlBytes', {
    min: 100,
    max: 100000,
    step: 100,
    unit: uiText((w) => w.bytes),
    label: uiText((w) => w.param.htmlBytes),
    group: G.page,
  }),
  field('objects', 'page.objects', {
    max: 100,
    step: 1,
    label: uiText((w) => w.param.objects),
    group: G.page,
  }),
  field('objectBytes', 'page.objectBytes', {
    min: 100,
    max: 50000,
    step: 100,
    unit: uiText((w) => w.bytes),
    label: uiText((w) => w.param.objectBytes),
    group: G.page,
  }),
  field('shards', 'page.shards', {
    max: 4,
    step: 1,
    label: uiText((w) => w.param.shards),
    description: uiText((w) => w.param.shardsHelp),
    group: G.page,
  }),
  {
    key: 'drop',
    type: 'number',
    min: 0,
    max: 200,
    step: 1,
    default: 0,
    label: uiText((w) => w.param.dropPacket),
    description: uiText((w) => w.param.dropPacketHelp),
    group: G.page,
  },
  {
    key: 'followUpAt',
    type: 'number',
    min: 0,
    max: 60000,
    step: 100,
    default: 0,
    unit: ms,
    label: uiText((w) => w.param.followUpAt),
    description: uiText((w) => w.param.followUpAtHelp),
    group: G.page,
  },
  {
    key: 'followUpMethod',
    type: 'enum',
    options: ['GET', 'POST'],
    optionLabels: {
      GET: uiText((w) => w.methodOption.GET),
      POST: uiText((w) => w.methodOption.POST),
    },
    default: 'GET',
    label: uiText((w) => w.param.method),
    group: G.page,
  },
  {
    key: 'addressChangeAt',
    type: 'number',
    min: 0,
    max: 60000,
    step: 100,
    default: 0,
    unit: ms,
    label: uiText((w) => w.param.addressChangeAt),
    description: uiText((w) => w.param.addressChangeAtHelp),
    group: G.page,
  },
  field('perHost', 'client.maxConnectionsPerHost', {
    step: 1,
    label: uiText((w) => w.param.perHost),
    description: uiText((w) => w.param.perHostHelp),
    group: G.browser,
  }),
  field('totalCap', 'client.maxConnectionsTotal', {
    max: 256,
    step: 1,
    label: uiText((w) => w.param.totalCap),
    description: uiText((w) => w.param.totalCapHelp),
    group: G.browser,
  }),
  field('clientIdle', 'client.idleTimeoutMs', {
    min: 1000,
    max: 600000,
    step: 1000,
    unit: ms,
    label: uiText((w) => w.param.clientIdle),
    description: uiText((w) => w.param.clientIdleHelp),
    group: G.browser,
  }),
  retryPolicyParam(G.browser),
  field('serverTimeout', 'server.keepAliveTimeoutMs', {
    min: 0,
    max: 120000,
    step: 100,
    unit: ms,
    label: uiText((w) => w.param.serverTimeout),
    description: uiText((w) => w.param.serverTimeoutZeroHelp),
    group: G.server,
  }),
  field('maxRequests', 'server.maxRequestsPerConnection', {
    max: 1000,
    step: 1,
    label: uiText((w) => w.param.maxRequests),
    description: uiText((w) => w.param.maxRequestsHelp),
    group: G.server,
  }),
  field('resetAfter', 'server.resetAfterProcessing', {
    max: 100,
    step: 1,
    label: uiText((w) => w.param.resetAfter),
    description: uiText((w) => w.param.resetAfterHelp),
    group: G.server,
  }),
  field('processing', 'server.processingMs', {
    max: 5000,
    step: 1,
    unit: ms,
    label: uiText((w) => w.param.processing),
    group: G.server,
  }),
  {
    key: 'model',
    type: 'enum',
    options: F['server.model'].values,
    optionLabels: {
      unlimited: uiText((w) => w.modelOption.unlimited),
      threaded: uiText((w) => w.modelOption.threaded),
      event: uiText((w) => w.modelOption.event),
    },
    default: F['server.model'].default,
    label: uiText((w) => w.param.model),
    description: uiText((w) => w.param.modelHelpUnlimited + w.param.modelHelp),
    group: G.server,
  },
  field('workers', 'server.workers', {
    max: 2000,
    step: 1,
    label: uiText((w) => w.param.workers),
    description: uiText((w) => w.param.workersHelp),
    group: G.server,
  }),
  field('backlog', 'server.backlog', {
    max: 4096,
    step: 1,
    label: uiText((w) => w.param.backlog),
    description: uiText((w) => w.param.backlogHelp),
    group: G.server,
  }),
  field('connectionCap', 'server.maxConnections', {
    max: 20000,
    step: 1,
    label: uiText((w) => w.param.connectionCap),
    description: uiText((w) => w.param.connectionCapHelp),
    group: G.server,
  }),
  field('rate', 'workload.clientsPerSecond', {
    min: 0.5,
    max: 400,
    step: 0.5,
    unit: uiText((w) => w.imageHost.perSecond),
    label: uiText((w) => w.param.rate),
    description: uiText((w) => w.param.rateHelp),
    group: G.visitors,
  }),
  field('duration', 'workload.durationMs', {
    min: 1000,
    max: 60000,
    step: 1000,
    unit: ms,
    label: uiText((w) => w.param.duration),
    description: uiText((w) => w.param.durationHelp),
    group: G.visitors,
  }),
  field('perVisitor', 'workload.objectsPerClient', {
    max: 60,
    step: 1,
    label: uiText((w) => w.param.objectsPerClient),
    description: uiText((w) => w.param.objectsPerClientHelp),
    group: G.visitors,
  }),
  field('visitorBytes', 'workload.objectBytes', {
    min: 100,
    max: 200000,
    step: 100,
    unit: uiText((w) => w.bytes),
    label: uiText((w) => w.param.visitorBytes),
    group: G.visitors,
  }),
]);

/** Values of the Playground parameters. */
export type PlaygroundValues = ParamValues<typeof playgroundSchema>;
