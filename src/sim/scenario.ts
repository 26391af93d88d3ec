/**
 * Scenario: the plain-JSON input of a simulation, its documented defaults and ranges (as data in
 * `scenario-fields.ts`, so UI controls can reuse them), and a small hand-written validator that
 * returns either a normalized full scenario or a list of errors naming the field and the allowed
 * range.
 */
import type { DropRule } from './link';
import type { Direction, HttpMethod, TlsVersion } from './trace';
import {
  COMPOSITE_FIELDS,
  SCENARIO_FIELDS,
  type BooleanSpec,
  type FieldSpec,
  type NumberSpec,
} from './scenario-fields';

export {
  COMPOSITE_FIELDS,
  SCENARIO_FIELDS,
  type BooleanSpec,
  type EnumSpec,
  type FieldPath,
  type FieldSpec,
  type NumberSpec,
} from './scenario-fields';

/**
 * HTTP versions simulated: 0.9, 1.0 and 1.1 (one request at a time per connection), 2 (streams
 * over TCP), 3 (streams over QUIC).
 */
export type HttpVersion = '0.9' | '1.0' | '1.1' | '2' | '3';

/** When the browser learns about the page's objects. */
export type Discovery = 'after-html' | 'upfront';

/** One page object (subresource) after normalization. */
export interface PageObject {
  readonly path: string;
  /** Response body bytes. */
  readonly bytes: number;
  /** Server processing time for this object; absent = `server.processingMs`. */
  readonly processingMs?: number;
}

/** A request issued later in time (a user click), not part of the page load. */
export interface FollowUp {
  /** Absolute time since navigation start (ms). */
  readonly atMs: number;
  readonly path: string;
  readonly method: HttpMethod;
  /** Response body bytes. */
  readonly bytes: number;
  /** Request body bytes (for POST). */
  readonly bodyBytes: number;
  /** Server processing time; absent = `server.processingMs`. */
  readonly processingMs?: number;
}

/** A complete, validated scenario (every field present). */
export interface Scenario {
  readonly seed: number;
  readonly network: {
    readonly rttMs: number;
    readonly bandwidthMbps: number;
    readonly mssBytes: number;
    readonly lossRate: number;
    readonly drop: readonly DropRule[];
  };
  readonly tcp: {
    readonly initialWindow: number;
    readonly receiveWindowBytes: number;
    readonly delayedAck: boolean;
    readonly delayedAckMs: number;
    readonly slowStartAfterIdle: boolean;
    readonly initialRtoMs: number;
    readonly minRtoMs: number;
    readonly timeWaitMs: number;
  };
  readonly tls: TlsVersion;
  readonly http: {
    readonly version: HttpVersion;
    readonly keepAlive: boolean;
    readonly pipelining: boolean;
    readonly requestHeaderBytes: number;
    readonly responseHeaderBytes: number;
    /** HTTP/2: streams a side may have open at once (SETTINGS_MAX_CONCURRENT_STREAMS). */
    readonly maxConcurrentStreams: number;
  };
  readonly client: {
    readonly maxConnectionsPerHost: number;
    readonly maxConnectionsTotal: number;
    readonly idleTimeoutMs: number;
    /** The client's address changes at this time (migration); absent = never. */
    readonly addressChangeAtMs?: number;
  };
  /** QUIC transport parameters (HTTP/3). */
  readonly quic: {
    /** The client's max_idle_timeout (RFC 9000 §10.1); 0 = none. */
    readonly maxIdleTimeoutMs: number;
    /** The server's max_idle_timeout; the effective value is the smaller of the two. */
    readonly serverMaxIdleTimeoutMs: number;
  };
  readonly server: {
    readonly processingMs: number;
    readonly keepAliveTimeoutMs: number;
    readonly maxRequestsPerConnection: number;
    readonly pipelineProcessing: 'serial' | 'parallel';
    /** Worker model: 'unlimited' (default: every connection served at once), 'threaded', 'event'. */
    readonly model: 'unlimited' | 'threaded' | 'event';
    /** Threaded: workers (Apache prefork MaxRequestWorkers). */
    readonly workers: number;
    /** Listen backlog (accept queue) for threaded and event models (Apache ListenBacklog). */
    readonly backlog: number;
    /** Event: cap on open connections (nginx worker_connections). */
    readonly maxConnections: number;
  };
  readonly page: {
    readonly htmlBytes: number;
    readonly htmlProcessingMs?: number;
    readonly objects: readonly PageObject[];
    readonly objectBytes: number;
    readonly discovery: Discovery;
    readonly shards: number;
  };
  readonly followUps: readonly FollowUp[];
  /** Many clients instead of one page load (absent = today's single page load). */
  readonly workload?: Workload;
}

/**
 * Clients arriving as a seeded Poisson process over `durationMs`; each is a small browser (own
 * pool, own idle timeout) that fetches `objectsPerClient` objects of `objectBytes` (the first,
 * then the rest when it has arrived, as `page.discovery` says) and then goes away, leaving its
 * connections to the idle timeouts. K = 1 is the image host; K = 30 a normal page.
 */
export interface Workload {
  readonly kind: 'arrivals';
  readonly clientsPerSecond: number;
  readonly durationMs: number;
  readonly objectsPerClient: number;
  readonly objectBytes: number;
}

/** Deep-partial input accepted by `validateScenario` and `simulate` (what JSON files contain). */
export type ScenarioInput = {
  readonly seed?: number;
  readonly network?: Partial<Omit<Scenario['network'], 'drop'>> & {
    readonly drop?: readonly {
      readonly connection: number;
      readonly segment: number;
      readonly direction?: Direction;
    }[];
  };
  readonly tcp?: Partial<Scenario['tcp']>;
  readonly tls?: TlsVersion;
  readonly http?: Partial<Scenario['http']>;
  readonly client?: Partial<Scenario['client']>;
  readonly quic?: Partial<Scenario['quic']>;
  readonly server?: Partial<Scenario['server']>;
  readonly page?: Partial<Omit<Scenario['page'], 'objects'>> & {
    readonly objects?:
      | number
      | readonly (
          | number
          | { readonly path?: string; readonly bytes?: number; readonly processingMs?: number }
        )[];
  };
  readonly followUps?: readonly {
    readonly atMs: number;
    readonly path?: string;
    readonly method?: HttpMethod;
    readonly bytes?: number;
    readonly bodyBytes?: number;
    readonly processingMs?: number;
  }[];
  readonly workload?: Partial<Workload>;
};

/** A validation error: dotted field path and a message with the allowed range. */
export interface ValidationError {
  readonly path: string;
  readonly message: string;
}

/** Result of `validateScenario`. */
export type ValidationResult =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly errors: readonly ValidationError[] };

/** Upper bound on the bytes a scenario may transfer (keeps a trace within memory). */
export const MAX_TOTAL_BYTES = 100_000_000;

/** Upper bound on a workload's expected requests (clients per second x duration x objects). */
export const MAX_WORKLOAD_REQUESTS = 2_000_000;

/** The main hostname (HTML and, without sharding, every object). */
export const MAIN_HOST = 'example.com';

const SECTIONS: Record<string, readonly string[]> = {
  network: ['rttMs', 'bandwidthMbps', 'mssBytes', 'lossRate', 'drop'],
  tcp: [
    'initialWindow',
    'receiveWindowBytes',
    'delayedAck',
    'delayedAckMs',
    'slowStartAfterIdle',
    'initialRtoMs',
    'minRtoMs',
    'timeWaitMs',
  ],
  http: [
    'version',
    'keepAlive',
    'pipelining',
    'requestHeaderBytes',
    'responseHeaderBytes',
    'maxConcurrentStreams',
  ],
  client: ['maxConnectionsPerHost', 'maxConnectionsTotal', 'idleTimeoutMs', 'addressChangeAtMs'],
  quic: ['maxIdleTimeoutMs', 'serverMaxIdleTimeoutMs'],
  server: [
    'processingMs',
    'keepAliveTimeoutMs',
    'maxRequestsPerConnection',
    'pipelineProcessing',
    'model',
    'workers',
    'backlog',
    'maxConnections',
  ],
  workload: ['kind', 'clientsPerSecond', 'durationMs', 'objectsPerClient', 'objectBytes'],
  page: ['htmlBytes', 'htmlProcessingMs', 'objects', 'objectBytes', 'discovery', 'shards'],
};
const TOP = [
  'seed',
  'network',
  'tcp',
  'tls',
  'http',
  'client',
  'quic',
  'server',
  'page',
  'followUps',
  'workload',
];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return String(v);
}

/** The allowed-values phrase for a spec ("a number between 1 and 10000"). */
export function describeSpec(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'number':
      return `a number between ${spec.min} and ${spec.max}`;
    case 'integer':
      return `an integer between ${spec.min} and ${spec.max}`;
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
}

class Checker {
  readonly errors: ValidationError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  value(path: string, spec: FieldSpec, v: unknown): unknown {
    if (v === undefined) return spec.default;
    let ok: boolean;
    switch (spec.kind) {
      case 'number':
        ok = typeof v === 'number' && Number.isFinite(v) && v >= spec.min && v <= spec.max;
        break;
      case 'integer':
        ok = typeof v === 'number' && Number.isInteger(v) && v >= spec.min && v <= spec.max;
        break;
      case 'boolean':
        ok = typeof v === 'boolean';
        break;
      case 'enum':
        ok = typeof v === 'string' && spec.values.includes(v);
        break;
    }
    if (!ok) {
      this.fail(path, `must be ${describeSpec(spec)} (got ${describeValue(v)})`);
      return spec.default;
    }
    return v;
  }

  num(path: string, spec: NumberSpec, v: unknown): number {
    return this.value(path, spec, v) as number;
  }

  bool(path: string, spec: BooleanSpec, v: unknown): boolean {
    return this.value(path, spec, v) as boolean;
  }

  section(path: string, v: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (v === undefined) return {};
    if (!isRecord(v)) {
      this.fail(path, `must be an object (got ${describeValue(v)})`);
      return {};
    }
    this.unknown(path, v, allowed);
    return v;
  }

  unknown(path: string, v: Record<string, unknown>, allowed: readonly string[]): void {
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k))
        this.fail(
          path === '' ? k : `${path}.${k}`,
          `unknown field (allowed: ${allowed.join(', ')})`,
        );
    }
  }

  array(path: string, v: unknown, maxItems: number): readonly unknown[] {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      this.fail(path, `must be an array of at most ${maxItems} items (got ${describeValue(v)})`);
      return [];
    }
    if (v.length > maxItems) {
      this.fail(path, `must be an array of at most ${maxItems} items (got ${v.length})`);
      return v.slice(0, maxItems) as unknown[];
    }
    return v as unknown[];
  }
}

const F = SCENARIO_FIELDS;

/** Validates `input` (parsed JSON or a normalized scenario) and fills in defaults. Pure. */
export function validateScenario(input: unknown): ValidationResult {
  const c = new Checker();
  let root: Record<string, unknown> = {};
  if (input === undefined || input === null) root = {};
  else if (!isRecord(input))
    c.fail('', `scenario must be a JSON object (got ${describeValue(input)})`);
  else {
    root = input;
    c.unknown('', root, TOP);
  }
  const seed = c.num('seed', F.seed, root['seed']);

  const n = c.section('network', root['network'], SECTIONS['network'] ?? []);
  const drops: DropRule[] = [];
  const D = COMPOSITE_FIELDS['network.drop'];
  c.array('network.drop', n['drop'], D.maxItems).forEach((item, i) => {
    const p = `network.drop[${i}]`;
    const r = c.section(p, item, ['connection', 'segment', 'direction']);
    if (!isRecord(item)) return;
    if (r['connection'] === undefined)
      c.fail(`${p}.connection`, `is required: ${describeSpec(D.connection)}`);
    if (r['segment'] === undefined)
      c.fail(`${p}.segment`, `is required: ${describeSpec(D.segment)}`);
    drops.push({
      connection: c.num(`${p}.connection`, D.connection, r['connection']),
      segment: c.num(`${p}.segment`, D.segment, r['segment']),
      direction: c.value(`${p}.direction`, D.direction, r['direction']) as Direction,
    });
  });
  const network: Scenario['network'] = {
    rttMs: c.num('network.rttMs', F['network.rttMs'], n['rttMs']),
    bandwidthMbps: c.num('network.bandwidthMbps', F['network.bandwidthMbps'], n['bandwidthMbps']),
    mssBytes: c.num('network.mssBytes', F['network.mssBytes'], n['mssBytes']),
    lossRate: c.num('network.lossRate', F['network.lossRate'], n['lossRate']),
    drop: drops,
  };

  const t = c.section('tcp', root['tcp'], SECTIONS['tcp'] ?? []);
  const tcp: Scenario['tcp'] = {
    initialWindow: c.num('tcp.initialWindow', F['tcp.initialWindow'], t['initialWindow']),
    receiveWindowBytes: c.num(
      'tcp.receiveWindowBytes',
      F['tcp.receiveWindowBytes'],
      t['receiveWindowBytes'],
    ),
    delayedAck: c.bool('tcp.delayedAck', F['tcp.delayedAck'], t['delayedAck']),
    delayedAckMs: c.num('tcp.delayedAckMs', F['tcp.delayedAckMs'], t['delayedAckMs']),
    slowStartAfterIdle: c.bool(
      'tcp.slowStartAfterIdle',
      F['tcp.slowStartAfterIdle'],
      t['slowStartAfterIdle'],
    ),
    initialRtoMs: c.num('tcp.initialRtoMs', F['tcp.initialRtoMs'], t['initialRtoMs']),
    minRtoMs: c.num('tcp.minRtoMs', F['tcp.minRtoMs'], t['minRtoMs']),
    timeWaitMs: c.num('tcp.timeWaitMs', F['tcp.timeWaitMs'], t['timeWaitMs']),
  };

  const h = c.section('http', root['http'], SECTIONS['http'] ?? []);
  const version = c.value('http.version', F['http.version'], h['version']) as HttpVersion;
  // HTTP/3 runs on QUIC, which always uses TLS 1.3: absent tls means TLS 1.3 there.
  const tls = (
    version === '3' && root['tls'] === undefined ? 'tls1.3' : c.value('tls', F.tls, root['tls'])
  ) as TlsVersion;
  if (version === '3' && (tls === 'none' || tls === 'tls1.2'))
    c.fail(
      'tls',
      `must be "tls1.3" or "tls1.3-0rtt" with http.version "3": QUIC always uses TLS 1.3, its handshake is part of the transport's (got ${JSON.stringify(tls)})`,
    );
  const keepAliveDefault = version === '1.1' || version === '2' || version === '3';
  const keepAlive =
    h['keepAlive'] === undefined
      ? keepAliveDefault
      : c.bool('http.keepAlive', F['http.keepAlive'], h['keepAlive']);
  if ((version === '2' || version === '3') && !keepAlive)
    c.fail(
      'http.keepAlive',
      `must be true (or absent) with http.version "${version}": HTTP/${version} connections are always persistent (keepAlive applies to HTTP/1.0 and 1.1)`,
    );
  const pipelining = c.bool('http.pipelining', F['http.pipelining'], h['pipelining']);
  if (pipelining && (version !== '1.1' || !keepAlive)) {
    c.fail(
      'http.pipelining',
      `requires http.version "1.1" with keepAlive true (got version ${JSON.stringify(version)}, keepAlive ${String(keepAlive)})`,
    );
  }
  const http: Scenario['http'] = {
    version,
    keepAlive: version === '0.9' ? false : keepAlive,
    pipelining,
    requestHeaderBytes: c.num(
      'http.requestHeaderBytes',
      F['http.requestHeaderBytes'],
      h['requestHeaderBytes'],
    ),
    responseHeaderBytes: c.num(
      'http.responseHeaderBytes',
      F['http.responseHeaderBytes'],
      h['responseHeaderBytes'],
    ),
    maxConcurrentStreams: c.num(
      'http.maxConcurrentStreams',
      F['http.maxConcurrentStreams'],
      h['maxConcurrentStreams'],
    ),
  };

  const cl = c.section('client', root['client'], SECTIONS['client'] ?? []);
  const client: Scenario['client'] = {
    maxConnectionsPerHost: c.num(
      'client.maxConnectionsPerHost',
      F['client.maxConnectionsPerHost'],
      cl['maxConnectionsPerHost'],
    ),
    maxConnectionsTotal: c.num(
      'client.maxConnectionsTotal',
      F['client.maxConnectionsTotal'],
      cl['maxConnectionsTotal'],
    ),
    idleTimeoutMs: c.num('client.idleTimeoutMs', F['client.idleTimeoutMs'], cl['idleTimeoutMs']),
    ...(cl['addressChangeAtMs'] === undefined
      ? {}
      : {
          addressChangeAtMs: c.num(
            'client.addressChangeAtMs',
            F['client.addressChangeAtMs'],
            cl['addressChangeAtMs'],
          ),
        }),
  };
  const q = c.section('quic', root['quic'], SECTIONS['quic'] ?? []);
  const quic: Scenario['quic'] = {
    maxIdleTimeoutMs: c.num(
      'quic.maxIdleTimeoutMs',
      F['quic.maxIdleTimeoutMs'],
      q['maxIdleTimeoutMs'],
    ),
    serverMaxIdleTimeoutMs: c.num(
      'quic.serverMaxIdleTimeoutMs',
      F['quic.serverMaxIdleTimeoutMs'],
      q['serverMaxIdleTimeoutMs'],
    ),
  };

  const s = c.section('server', root['server'], SECTIONS['server'] ?? []);
  const server: Scenario['server'] = {
    processingMs: c.num('server.processingMs', F['server.processingMs'], s['processingMs']),
    keepAliveTimeoutMs: c.num(
      'server.keepAliveTimeoutMs',
      F['server.keepAliveTimeoutMs'],
      s['keepAliveTimeoutMs'],
    ),
    maxRequestsPerConnection: c.num(
      'server.maxRequestsPerConnection',
      F['server.maxRequestsPerConnection'],
      s['maxRequestsPerConnection'],
    ),
    pipelineProcessing: c.value(
      'server.pipelineProcessing',
      F['server.pipelineProcessing'],
      s['pipelineProcessing'],
    ) as 'serial' | 'parallel',
    model: c.value('server.model', F['server.model'], s['model']) as Scenario['server']['model'],
    workers: c.num('server.workers', F['server.workers'], s['workers']),
    backlog: c.num('server.backlog', F['server.backlog'], s['backlog']),
    maxConnections: c.num('server.maxConnections', F['server.maxConnections'], s['maxConnections']),
  };

  const pg = c.section('page', root['page'], SECTIONS['page'] ?? []);
  const objectBytes = c.num('page.objectBytes', F['page.objectBytes'], pg['objectBytes']);
  const objects: PageObject[] = [];
  const rawObjects = pg['objects'];
  if (rawObjects === undefined || typeof rawObjects === 'number' || !Array.isArray(rawObjects)) {
    const count = c.num('page.objects', F['page.objects'], rawObjects);
    for (let i = 1; i <= count; i++) objects.push({ path: `/img${i}.png`, bytes: objectBytes });
  } else {
    const O = COMPOSITE_FIELDS['page.objects'];
    c.array('page.objects', rawObjects, O.maxItems).forEach((item, i) => {
      const p = `page.objects[${i}]`;
      const path = `/img${i + 1}.png`;
      if (typeof item === 'number' || !isRecord(item)) {
        if (typeof item !== 'number')
          c.fail(
            p,
            `must be ${describeSpec(O.bytes)} or an object {path?, bytes?, processingMs?} (got ${describeValue(item)})`,
          );
        objects.push({ path, bytes: c.num(p, O.bytes, item) });
        return;
      }
      c.unknown(p, item, ['path', 'bytes', 'processingMs']);
      const bytes =
        item['bytes'] === undefined ? objectBytes : c.num(`${p}.bytes`, O.bytes, item['bytes']);
      const pathValue = pathField(c, `${p}.path`, item['path'], path);
      const obj: PageObject =
        item['processingMs'] === undefined
          ? { path: pathValue, bytes }
          : {
              path: pathValue,
              bytes,
              processingMs: c.num(`${p}.processingMs`, O.processingMs, item['processingMs']),
            };
      objects.push(obj);
    });
  }
  const htmlBytes = c.num('page.htmlBytes', F['page.htmlBytes'], pg['htmlBytes']);
  const discovery = c.value('page.discovery', F['page.discovery'], pg['discovery']) as Discovery;
  const shards = c.num('page.shards', F['page.shards'], pg['shards']);
  const page: Scenario['page'] =
    pg['htmlProcessingMs'] === undefined
      ? { htmlBytes, objects, objectBytes, discovery, shards }
      : {
          htmlBytes,
          htmlProcessingMs: c.num(
            'page.htmlProcessingMs',
            F['page.htmlProcessingMs'],
            pg['htmlProcessingMs'],
          ),
          objects,
          objectBytes,
          discovery,
          shards,
        };

  const followUps: FollowUp[] = [];
  const FU = COMPOSITE_FIELDS.followUps;
  c.array('followUps', root['followUps'], FU.maxItems).forEach((item, i) => {
    const p = `followUps[${i}]`;
    const r = c.section(p, item, ['atMs', 'path', 'method', 'bytes', 'bodyBytes', 'processingMs']);
    if (!isRecord(item)) return;
    if (r['atMs'] === undefined) c.fail(`${p}.atMs`, `is required: ${describeSpec(FU.atMs)}`);
    const base = {
      atMs: c.num(`${p}.atMs`, FU.atMs, r['atMs']),
      path: pathField(c, `${p}.path`, r['path'], `/next${i + 1}`),
      method: c.value(`${p}.method`, FU.method, r['method']) as HttpMethod,
      bytes: r['bytes'] === undefined ? objectBytes : c.num(`${p}.bytes`, FU.bytes, r['bytes']),
      bodyBytes: c.num(`${p}.bodyBytes`, FU.bodyBytes, r['bodyBytes']),
    };
    followUps.push(
      r['processingMs'] === undefined
        ? base
        : { ...base, processingMs: c.num(`${p}.processingMs`, FU.processingMs, r['processingMs']) },
    );
  });

  const totalBytes =
    htmlBytes +
    objects.reduce((n, o) => n + o.bytes, 0) +
    followUps.reduce((n, f) => n + f.bytes + f.bodyBytes, 0);
  if (totalBytes > MAX_TOTAL_BYTES) {
    c.fail(
      'page',
      `total bytes (HTML, objects and follow-ups) must be at most ${MAX_TOTAL_BYTES} (got ${totalBytes})`,
    );
  }
  let workload: Workload | undefined;
  if (root['workload'] !== undefined) {
    const w = c.section('workload', root['workload'], SECTIONS['workload'] ?? []);
    workload = {
      kind: c.value('workload.kind', F['workload.kind'], w['kind']) as 'arrivals',
      clientsPerSecond: c.num(
        'workload.clientsPerSecond',
        F['workload.clientsPerSecond'],
        w['clientsPerSecond'],
      ),
      durationMs: c.num('workload.durationMs', F['workload.durationMs'], w['durationMs']),
      objectsPerClient: c.num(
        'workload.objectsPerClient',
        F['workload.objectsPerClient'],
        w['objectsPerClient'],
      ),
      objectBytes: c.num('workload.objectBytes', F['workload.objectBytes'], w['objectBytes']),
    };
    const expected =
      (workload.clientsPerSecond * workload.durationMs * workload.objectsPerClient) / 1000;
    if (expected > MAX_WORKLOAD_REQUESTS)
      c.fail(
        'workload',
        `expected requests (clientsPerSecond x durationMs / 1000 x objectsPerClient) must be at most ${MAX_WORKLOAD_REQUESTS} (got ${Math.round(expected)})`,
      );
  }
  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  const scenario: Scenario = {
    seed,
    network,
    tcp,
    tls,
    http,
    client,
    quic,
    server,
    page,
    followUps,
  };
  return { ok: true, scenario: workload === undefined ? scenario : { ...scenario, workload } };
}

function pathField(c: Checker, path: string, v: unknown, fallback: string): string {
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !/^\/[\x21-\x7e]{0,199}$/.test(v)) {
    c.fail(
      path,
      `must be a URL path starting with "/" (printable ASCII, at most 200 characters; got ${describeValue(v)})`,
    );
    return fallback;
  }
  return v;
}

/** The default scenario (every field at its default). */
export function defaultScenario(): Scenario {
  const r = validateScenario({});
  if (!r.ok) throw new Error('default scenario is invalid');
  return r.scenario;
}

/** One-line summary of validation errors ("network.rttMs: must be ..."). */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => (e.path === '' ? e.message : `${e.path}: ${e.message}`)).join('; ');
}
