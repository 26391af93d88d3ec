/**
 * The scenario's fields as data, the one statement of its shape: the range, default and unit of
 * every scalar field (`SCENARIO_FIELDS`), the items of the four arrays (`COMPOSITE_FIELDS`) and
 * the sections that may be absent (`OPTIONAL_SECTIONS`). The types (`types.ts`), the validator's
 * walk (`validate.ts`), the docs, the CLI's help and the Playground's ranges are all read from
 * here. Data only, so a page that builds its controls from the table loads it without the
 * validator.
 */
import { RETRY_POLICIES } from '../retry';
import type { FieldSpec, PathSpec } from './spec';

export type { BooleanSpec, EnumSpec, FieldSpec, HostSpec, NumberSpec, PathSpec } from './spec';

/** The main hostname (HTML and, without sharding or an object's own `host`, every object). */
export const MAIN_HOST = 'example.com';

/**
 * Ranges and defaults of every scalar field, keyed by dotted path (what each means:
 * `SCENARIO_DOCS` in `docs.ts`); `optional` fields stay absent when absent. Composite fields
 * (`network.drop`, `page.objects` as an array, `followUps`) are described in `COMPOSITE_FIELDS`.
 */
export const SCENARIO_FIELDS = {
  seed: { kind: 'integer', min: 0, max: 4294967295, default: 1 },
  'network.rttMs': {
    kind: 'number',
    min: 0.1,
    max: 10000,
    default: 100,
    unit: 'ms',
  },
  'network.bandwidthMbps': {
    kind: 'number',
    min: 0.01,
    max: 100000,
    default: 100,
    unit: 'Mbit/s',
  },
  'network.mssBytes': {
    kind: 'integer',
    min: 536,
    max: 9000,
    default: 1460,
    unit: 'bytes',
  },
  'network.lossRate': {
    kind: 'number',
    min: 0,
    max: 0.5,
    default: 0,
  },
  'network.dnsMs': {
    kind: 'number',
    min: 0,
    max: 10000,
    default: 0,
    unit: 'ms',
  },
  'tcp.initialWindow': {
    kind: 'integer',
    min: 1,
    max: 100,
    default: 10,
    unit: 'segments',
  },
  'tcp.receiveWindowBytes': {
    kind: 'integer',
    min: 1460,
    max: 16777216,
    default: 65535,
    unit: 'bytes',
  },
  'tcp.delayedAck': {
    kind: 'boolean',
    default: false,
  },
  'tcp.delayedAckMs': {
    kind: 'number',
    min: 1,
    max: 500,
    default: 40,
    unit: 'ms',
  },
  'tcp.nagle': {
    kind: 'boolean',
    default: false,
  },
  'tcp.fastOpen': {
    kind: 'boolean',
    default: false,
  },
  'tcp.slowStartAfterIdle': {
    kind: 'boolean',
    default: true,
  },
  'tcp.initialRtoMs': {
    kind: 'number',
    min: 1,
    max: 60000,
    default: 1000,
    unit: 'ms',
  },
  'tcp.minRtoMs': {
    kind: 'number',
    min: 1,
    max: 60000,
    default: 200,
    unit: 'ms',
  },
  'tcp.synRetries': {
    kind: 'integer',
    min: 0,
    max: 20,
    default: 6,
  },
  'tcp.timeWaitMs': {
    kind: 'number',
    min: 0,
    max: 240000,
    default: 60000,
    unit: 'ms',
  },
  tls: {
    kind: 'enum',
    values: ['none', 'tls1.2', 'tls1.2-resumed', 'tls1.3', 'tls1.3-resumed', 'tls1.3-0rtt'],
    default: 'none',
  },
  'http.version': {
    kind: 'enum',
    values: ['0.9', '1.0', '1.1', '2', '3'],
    default: '1.1',
  },
  'http.keepAlive': {
    kind: 'boolean',
    default: true,
  },
  'http.pipelining': {
    kind: 'boolean',
    default: false,
  },
  'http.requestHeaderBytes': {
    kind: 'integer',
    min: 16,
    max: 65536,
    default: 400,
    unit: 'bytes',
  },
  'http.responseHeaderBytes': {
    kind: 'integer',
    min: 16,
    max: 65536,
    default: 250,
    unit: 'bytes',
  },
  'http.maxConcurrentStreams': {
    kind: 'integer',
    min: 1,
    max: 1000,
    default: 100,
  },
  'client.maxConnectionsPerHost': {
    kind: 'integer',
    min: 1,
    max: 64,
    default: 6,
  },
  'client.maxConnectionsTotal': {
    kind: 'integer',
    min: 1,
    max: 1024,
    default: 256,
  },
  'client.idleTimeoutMs': {
    kind: 'number',
    min: 1,
    max: 3600000,
    default: 300000,
    unit: 'ms',
  },
  'client.retryPolicy': {
    kind: 'enum',
    values: RETRY_POLICIES,
    default: RETRY_POLICIES[0],
  },
  'client.addressChangeAtMs': {
    kind: 'number',
    optional: true,
    min: 0,
    max: 3600000,
    default: 0,
    unit: 'ms',
  },
  'quic.maxIdleTimeoutMs': {
    kind: 'number',
    min: 0,
    max: 3600000,
    default: 30000,
    unit: 'ms',
  },
  'quic.serverMaxIdleTimeoutMs': {
    kind: 'number',
    min: 0,
    max: 3600000,
    default: 30000,
    unit: 'ms',
  },
  'server.processingMs': {
    kind: 'number',
    min: 0,
    max: 60000,
    default: 0,
    unit: 'ms',
  },
  'server.keepAliveTimeoutMs': {
    kind: 'number',
    min: 0,
    max: 3600000,
    default: 5000,
    unit: 'ms',
  },
  'server.maxRequestsPerConnection': {
    kind: 'integer',
    min: 0,
    max: 1000000,
    default: 100,
  },
  'server.resetAfterProcessing': {
    kind: 'integer',
    min: 0,
    max: 1000000,
    default: 0,
  },
  'server.pipelineProcessing': {
    kind: 'enum',
    values: ['serial', 'parallel'],
    default: 'serial',
  },
  'server.model': {
    kind: 'enum',
    values: ['unlimited', 'threaded', 'event'],
    default: 'unlimited',
  },
  'server.workers': {
    kind: 'integer',
    min: 1,
    max: 100000,
    default: 256,
  },
  'server.backlog': {
    kind: 'integer',
    min: 0,
    max: 65535,
    default: 511,
  },
  'server.maxConnections': {
    kind: 'integer',
    min: 1,
    max: 1000000,
    default: 512,
  },
  'page.host': {
    kind: 'host',
    default: MAIN_HOST,
    optional: true,
  },
  'page.path': {
    kind: 'url-path',
    default: '/index.html',
    optional: true,
  },
  'page.htmlBytes': {
    kind: 'integer',
    min: 1,
    max: 100000000,
    default: 20000,
    unit: 'bytes',
  },
  'page.htmlProcessingMs': {
    kind: 'number',
    optional: true,
    min: 0,
    max: 60000,
    default: 0,
    unit: 'ms',
  },
  'page.objects': {
    kind: 'integer',
    min: 0,
    max: 1000,
    default: 10,
  },
  'page.objectBytes': {
    kind: 'integer',
    min: 1,
    max: 100000000,
    default: 5000,
    unit: 'bytes',
  },
  'page.discovery': {
    kind: 'enum',
    values: ['after-html', 'upfront'],
    default: 'after-html',
  },
  'page.shards': {
    kind: 'integer',
    min: 1,
    max: 16,
    default: 1,
  },
  'workload.kind': {
    kind: 'enum',
    values: ['arrivals'],
    default: 'arrivals',
  },
  'workload.clientsPerSecond': {
    kind: 'number',
    min: 0.01,
    max: 10000,
    default: 10,
    unit: 'clients/s',
  },
  'workload.durationMs': {
    kind: 'number',
    min: 1,
    max: 3600000,
    default: 10000,
    unit: 'ms',
  },
  'workload.objectsPerClient': {
    kind: 'integer',
    min: 1,
    max: 1000,
    default: 1,
  },
  'workload.objectBytes': {
    kind: 'integer',
    min: 1,
    max: 100000000,
    default: 5000,
    unit: 'bytes',
  },
} as const satisfies Record<string, FieldSpec>;

/** Dotted paths of scalar fields. */
export type FieldPath = keyof typeof SCENARIO_FIELDS;

/**
 * Composite fields (arrays) and their items' fields, in the order an item's keys are written.
 * `numberItem`: an item may be just a number, meaning that field; `defaultFrom`: absent, the
 * field takes that scalar field's value.
 */
export const COMPOSITE_FIELDS = {
  'network.drop': {
    maxItems: 100,
    connection: { kind: 'integer', min: 1, max: 100000, default: 1, required: true },
    segment: { kind: 'integer', min: 1, max: 1000000, default: 1, required: true },
    direction: { kind: 'enum', values: ['c2s', 's2c'], default: 's2c' },
  },
  'page.objects': {
    maxItems: 1000,
    numberItem: 'bytes',
    path: { kind: 'path', prefix: '/img', suffix: '.png' },
    bytes: {
      kind: 'integer',
      min: 1,
      max: 100000000,
      default: 5000,
      defaultFrom: 'page.objectBytes',
    },
    processingMs: { kind: 'number', min: 0, max: 60000, default: 0, optional: true },
    host: { kind: 'host', default: MAIN_HOST, optional: true },
    after: { kind: 'integer', min: 0, max: 1000, default: 0, optional: true },
  },
  'page.origins': {
    maxItems: 100,
    host: { kind: 'host', default: MAIN_HOST, required: true },
    coalesceWith: { kind: 'host', default: MAIN_HOST, optional: true },
  },
  followUps: {
    maxItems: 100,
    atMs: { kind: 'number', min: 0, max: 3600000, default: 0, required: true },
    path: { kind: 'path', prefix: '/next', suffix: '' },
    method: {
      kind: 'enum',
      values: ['GET', 'POST'],
      default: 'GET',
    },
    bytes: {
      kind: 'integer',
      min: 1,
      max: 100000000,
      default: 5000,
      defaultFrom: 'page.objectBytes',
    },
    bodyBytes: { kind: 'integer', min: 0, max: 100000000, default: 0 },
    processingMs: {
      kind: 'number',
      min: 0,
      max: 60000,
      default: 0,
      optional: true,
    },
    host: { kind: 'host', default: MAIN_HOST, optional: true },
  },
} as const satisfies Record<string, CompositeSpec>;

/** A composite field: its items' fields (and what `maxItems`, `numberItem` say). */
export interface CompositeSpec {
  readonly maxItems: number;
  readonly numberItem?: string;
  readonly [field: string]:
    (FieldSpec & { readonly defaultFrom?: FieldPath }) | PathSpec | number | string | undefined;
}

/** Composite field names. */
export type CompositePath = keyof typeof COMPOSITE_FIELDS;

/** Sections that may be absent as a whole (absent `workload` = one page load). */
export const OPTIONAL_SECTIONS = ['workload'] as const;
