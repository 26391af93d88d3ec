/**
 * "Open this scenario": an exercise's scenario as Playground URL parameters
 * (`playground.rtt=100&playground.version=1.0`), so the reader lands in the Playground with the
 * same page or workload set up. Pure and small (no schema import: the page's exercise script
 * uses it); `Exercise.astro` checks at build time that the Playground, reading these
 * parameters, computes the exercise's own answer, and drops the link when it cannot.
 */
import type { Plain } from './merge';

/** Playground key of each plain scenario field (the Playground's defaults are the scenario's). */
const FIELDS: Readonly<Record<string, string>> = {
  seed: 'seed',
  tls: 'tls',
  'network.rttMs': 'rtt',
  'network.bandwidthMbps': 'bandwidth',
  'tcp.initialWindow': 'initialWindow',
  'tcp.slowStartAfterIdle': 'slowStartAfterIdle',
  'tcp.delayedAck': 'delayedAck',
  'tcp.nagle': 'nagle',
  'tcp.fastOpen': 'fastOpen',
  'tcp.synRetries': 'synRetries',
  'http.version': 'version',
  'http.keepAlive': 'keepAlive',
  'http.pipelining': 'pipelining',
  'page.htmlBytes': 'htmlBytes',
  'page.objectBytes': 'objectBytes',
  'page.shards': 'shards',
  'client.maxConnectionsPerHost': 'perHost',
  'client.maxConnectionsTotal': 'totalCap',
  'client.idleTimeoutMs': 'clientIdle',
  'client.retryPolicy': 'retryPolicy',
  'server.keepAliveTimeoutMs': 'serverTimeout',
  'server.maxRequestsPerConnection': 'maxRequests',
  'server.processingMs': 'processing',
  'server.resetAfterProcessing': 'resetAfter',
  'server.model': 'model',
  'server.workers': 'workers',
  'server.backlog': 'backlog',
  'server.maxConnections': 'connectionCap',
  'workload.clientsPerSecond': 'rate',
  'workload.durationMs': 'duration',
  'workload.objectsPerClient': 'perVisitor',
  'workload.objectBytes': 'visitorBytes',
};

/** Size of the Playground's follow-up response (its `PLAYGROUND_FOLLOW_UP_BYTES`). */
const FOLLOW_UP_BYTES = 2000;

const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string | undefined =>
  typeof v === 'boolean'
    ? v
      ? '1'
      : '0'
    : typeof v === 'number' || typeof v === 'string'
      ? String(v)
      : undefined;

/**
 * The Playground parameters (without namespace) of a scenario, or undefined when the scenario
 * uses something the Playground has no knob for (several follow-ups, objects of different sizes,
 * a closed workload, packet drops by number…).
 */
export function playgroundParams(scenario: Plain): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  const walk = (node: Plain, prefix: string): boolean => {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (path === 'page.objects') {
        if (typeof value === 'number') out['objects'] = String(value);
        else if (
          Array.isArray(value) &&
          value.length > 0 &&
          value.every((b) => typeof b === 'number' && b === value[0])
        ) {
          out['objects'] = String(value.length);
          out['objectBytes'] = String(value[0]);
        } else return false;
      } else if (path === 'followUps') {
        if (!Array.isArray(value) || value.length > 1) return false;
        const f: unknown = value[0];
        if (f === undefined) continue;
        if (!isPlain(f) || (f['bytes'] ?? FOLLOW_UP_BYTES) !== FOLLOW_UP_BYTES) return false;
        const method = f['method'] ?? 'GET';
        if (method !== 'GET' || (f['bodyBytes'] ?? 0) !== 0) return false;
        out['followUpAt'] = String(f['atMs']);
        out['followUpMethod'] = 'GET';
      } else if (path === 'workload.kind') {
        if (value !== 'arrivals') return false;
        out['mode'] = 'visitors';
      } else if (isPlain(value)) {
        if (!walk(value, path)) return false;
      } else {
        const key2 = FIELDS[path];
        const t = text(value);
        if (key2 === undefined || t === undefined) return false;
        out[key2] = t;
      }
    }
    return true;
  };
  if (!walk(scenario, '')) return undefined;
  if (out['mode'] === undefined && scenario['workload'] !== undefined) return undefined;
  return out;
}

/** The query string (`?playground.rtt=100&…`) of a scenario for the widget `namespace`. */
export function playgroundQuery(scenario: Plain, namespace: string): string | undefined {
  const params = playgroundParams(scenario);
  if (!params) return undefined;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) q.set(`${namespace}.${k}`, v);
  return `?${q.toString()}`;
}
