/**
 * Replaying an imported page (`importHar`) under HTTP/1.0, HTTP/1.1, HTTP/2 and HTTP/3: the page
 * becomes one scenario per protocol, the same in everything else (issue 20). Each origin keeps its
 * own host and connections, each object its size, its server think time and the object that made
 * the browser ask for it (`after`); the network is the reader's (round trip, bandwidth, loss, DNS
 * lookup time), the round trip and the lookup time by default the ones the HAR measured. Every protocol runs over TLS 1.3, the browser
 * opens at most 6 connections per host, and HTTP/1.0 closes each connection after one response.
 *
 * Requests made after the page had gone quiet (`late`: not part of the load the HAR measured) and
 * the ones they led to are replayed at the times the file gives, as the scenario's follow-ups: on
 * the connections the load left open, or new ones, but not in the page load. What the scenario
 * cannot say is left out and counted (`ReplayPlan.left`): late requests beyond its 100 follow-ups
 * or its hour, objects beyond its 1,000, and methods other than GET are replayed as GET.
 */
import { COMPOSITE_FIELDS, MAIN_HOST, SCENARIO_FIELDS, type ScenarioInput } from '../scenario';
import { URL_PATH, accepts } from '../scenario/spec';
import { simulate } from '../simulate';
import type { Metrics } from '../metrics';
import type { HarObject, HarPage, HarReport } from './types';

/** The protocols a page is replayed under, in the order they are shown. */
export const REPLAY_PROTOCOLS = ['1.0', '1.1', '2', '3'] as const;
export type ReplayProtocol = (typeof REPLAY_PROTOCOLS)[number];

/**
 * The reader's network; absent fields take the HAR's round trip and DNS lookup time and the
 * simulation's defaults.
 */
export interface ReplayNetwork {
  readonly rttMs?: number;
  readonly bandwidthMbps?: number;
  readonly lossRate?: number;
  readonly dnsMs?: number;
}

/** Connections per host the replaying browser opens (every browser's HTTP/1.1 limit). */
export const REPLAY_PER_HOST = 6;

/**
 * TCP receive window of the replay's client, in bytes: 6 MiB, the ceiling Linux's receive-buffer
 * autotuning reaches by default (`tcp_rmem` max, Documentation/networking/ip-sysctl.rst), which
 * window scaling (RFC 7323 §2) lets a browser advertise. The simulation's default, 65,535 bytes
 * (no window scaling, the textbook example), would cap one TCP connection at 64 KB per round trip
 * while the model's QUIC has no flow-control window: an HTTP/2 page would lose to HTTP/3 by the
 * window, not by the protocol. With this window congestion control alone paces every protocol.
 */
export const REPLAY_RECEIVE_WINDOW = 6 * 1024 * 1024;

/** The page as the simulation takes it, and what did not fit. */
export interface ReplayPlan {
  /** Everything but the protocol: network, page, origins. */
  readonly base: ScenarioInput;
  /** The network it runs on (the HAR's round trip and DNS time unless the reader gave them). */
  readonly network: {
    readonly rttMs: number;
    readonly bandwidthMbps: number;
    readonly lossRate: number;
    /** One DNS lookup per new hostname (`network.dnsMs`; 0: none). */
    readonly dnsMs: number;
  };
  /** Objects replayed, the document included, and their body bytes. */
  readonly objects: number;
  readonly bytes: number;
  /** Late requests replayed at their recorded start, after the load (not counted in it). */
  readonly late: number;
  /** Hosts the replay uses, the document's first (it becomes the simulation's `example.com`). */
  readonly hosts: readonly string[];
  /** Origins that share connections over HTTP/2 and HTTP/3, as the recording shows. */
  readonly coalesced: number;
  /** What was not replayed, or not as recorded. */
  readonly left: {
    /**
     * Requests made after the page had gone quiet, and the ones they led to, beyond the 100
     * follow-ups the scenario takes or after its hour.
     */
    readonly late: number;
    /** Objects beyond the simulation's limit. */
    readonly overLimit: number;
    /** Objects of other methods than GET, replayed as GET. */
    readonly asGet: number;
    /** Empty bodies (a 204, a 304) replayed as 1 byte, the simulation's smallest. */
    readonly emptyBodies: number;
  };
}

const MAX_OBJECTS = SCENARIO_FIELDS['page.objects'].max;
const FOLLOW_UPS = COMPOSITE_FIELDS.followUps;
const BYTES = SCENARIO_FIELDS['page.objectBytes'];
const THINK_MAX_MS = SCENARIO_FIELDS['server.processingMs'].max;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * The host an origin has in the scenario: its own name when the schema takes it, else a stand-in
 * (the document's: the simulation's main host, `example.com`).
 */
function hostNames(page: HarPage): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  page.origins.forEach((o, i) => {
    const own = o.port === (o.scheme === 'https' ? 443 : 80) ? o.host : `${o.host}:${o.port}`;
    const name =
      accepts(COMPOSITE_FIELDS['page.objects'].host, own) && !taken.has(own)
        ? own
        : i === 0
          ? MAIN_HOST
          : `origin${i + 1}.invalid`;
    taken.add(name);
    names.set(o.origin, name);
  });
  return names;
}

/** The page of a HAR as the simulation takes it (`ReplayPlan`). */
export function replayPlan(page: HarPage, report: HarReport, net: ReplayNetwork = {}): ReplayPlan {
  const rttSpec = SCENARIO_FIELDS['network.rttMs'];
  const dnsSpec = SCENARIO_FIELDS['network.dnsMs'];
  const network = {
    rttMs: clamp(net.rttMs ?? report.rttMs ?? rttSpec.default, rttSpec.min, rttSpec.max),
    bandwidthMbps: net.bandwidthMbps ?? SCENARIO_FIELDS['network.bandwidthMbps'].default,
    lossRate: net.lossRate ?? 0,
    dnsMs: clamp(net.dnsMs ?? report.dnsMs, dnsSpec.min, dnsSpec.max),
  };
  const names = hostNames(page);
  const doc = page.objects[0] as HarObject;
  const docHost = names.get(doc.origin) ?? MAIN_HOST;
  // Objects kept, in order: not late, their parent kept, within the simulation's limit. Each
  // kept object's number in the scenario (1-based; the document is 0).
  const number = new Map<number, number>([[doc.id, 0]]);
  const kept: HarObject[] = [];
  const timed: HarObject[] = [];
  let late = 0;
  let overLimit = 0;
  for (const o of page.objects.slice(1)) {
    const parent = o.parent === null ? undefined : number.get(o.parent);
    if (o.discovery === 'late' || parent === undefined) {
      if (timed.length < FOLLOW_UPS.maxItems && o.startMs <= FOLLOW_UPS.atMs.max) timed.push(o);
      else late++;
    } else if (kept.length >= MAX_OBJECTS) overLimit++;
    else {
      kept.push(o);
      number.set(o.id, kept.length);
    }
  }
  const size = (o: HarObject): number => clamp(Math.round(o.bytes), BYTES.min, BYTES.max);
  const think = (o: HarObject): number => clamp(o.thinkMs, 0, THINK_MAX_MS);
  const all = [doc, ...kept];
  const path = (o: HarObject, fallback: string): string =>
    URL_PATH.test(o.path) ? o.path : fallback;
  // Origins the recording coalesced keep sharing connections (the simulation does so over
  // HTTP/2 and HTTP/3 only, as browsers do).
  const origins = page.coalesced.flatMap((c) => {
    const host = names.get(c.origin);
    const coalesceWith = names.get(c.with);
    return host !== undefined && coalesceWith !== undefined && host !== coalesceWith
      ? [{ host, coalesceWith }]
      : [];
  });
  const base: ScenarioInput = {
    network,
    tls: 'tls1.3',
    tcp: { receiveWindowBytes: REPLAY_RECEIVE_WINDOW },
    client: { maxConnectionsPerHost: REPLAY_PER_HOST },
    page: {
      ...(docHost === MAIN_HOST ? {} : { host: docHost }),
      // The document's own path ("/gallery/"), when the simulation takes it as it is.
      ...(accepts(SCENARIO_FIELDS['page.path'], doc.path) ? { path: doc.path } : {}),
      htmlBytes: size(doc),
      htmlProcessingMs: think(doc),
      objects: kept.map((o) => {
        const host = names.get(o.origin) ?? docHost;
        return {
          path: path(o, `/object${number.get(o.id)}`),
          bytes: size(o),
          processingMs: think(o),
          ...(host === docHost ? {} : { host }),
          after: number.get(o.parent as number) as number,
        };
      }),
      ...(origins.length > 0 ? { origins } : {}),
    },
    ...(timed.length > 0
      ? {
          followUps: timed.map((o, i) => {
            const host = names.get(o.origin) ?? docHost;
            return {
              atMs: Math.max(0, o.startMs),
              path: path(o, `/later${i + 1}`),
              bytes: size(o),
              processingMs: think(o),
              ...(host === docHost ? {} : { host }),
            };
          }),
        }
      : {}),
  };
  return {
    base,
    network,
    objects: all.length,
    bytes: all.reduce((n, o) => n + size(o), 0),
    late: timed.length,
    hosts: [...new Set([...all, ...timed].map((o) => names.get(o.origin) ?? docHost))],
    coalesced: origins.length,
    left: {
      late,
      overLimit,
      asGet: [...all, ...timed].filter((o) => o.method !== 'GET').length,
      emptyBodies: [...all, ...timed].filter((o) => o.bytes < BYTES.min).length,
    },
  };
}

/** The scenario of one protocol: the plan's page over it. */
export function replayScenario(plan: ReplayPlan, protocol: ReplayProtocol): ScenarioInput {
  const http =
    protocol === '1.0'
      ? { version: '1.0' as const, keepAlive: false }
      : protocol === '1.1'
        ? { version: '1.1' as const, keepAlive: true }
        : { version: protocol };
  return { ...plan.base, http };
}

/** One protocol's replay, as the CLI prints it and the widget shows it. */
export interface ReplayResult {
  readonly protocol: ReplayProtocol;
  readonly pageLoadMs: number;
  readonly pageComplete: boolean;
  readonly connectionsOpened: number;
  readonly handshakeRoundTrips: number;
  readonly packets: Metrics['packets'];
  /** Bytes on the wire each way, headers of every layer included. */
  readonly wireBytes: Metrics['wireBytes'];
}

/** The figures of one run that a replay reports. */
export function replayResult(protocol: ReplayProtocol, m: Metrics): ReplayResult {
  return {
    protocol,
    pageLoadMs: m.pageLoadMs,
    pageComplete: m.pageComplete,
    connectionsOpened: m.connectionsOpened,
    handshakeRoundTrips: m.handshakeRoundTrips,
    packets: m.packets,
    wireBytes: m.wireBytes,
  };
}

/** Runs the plan under every protocol (`simulate` throws `ScenarioError` for a page too large). */
export function replayAll(plan: ReplayPlan): ReplayResult[] {
  return REPLAY_PROTOCOLS.map((p) =>
    replayResult(p, simulate(replayScenario(plan, p), { trace: 'metrics' }).metrics),
  );
}
