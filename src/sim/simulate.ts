/** Wires a validated scenario into engine, link, server and browser, runs it, and returns trace + metrics. */
import { Browser } from './browser';
import type { Dialed, PagePlan, PlannedRequest } from './browser';
import { coalescingGroups } from './coalescing';
import { Engine, msToUs, usToMs } from './engine';
import type { HttpConfig, Resource } from './http/common';
import { Link } from './link';
import type { Metrics } from './metrics';
import { MetricsAccumulator, computeMetrics } from './metrics';
import type { QuicConfig } from './quic';
import { QuicEndpoint } from './quic';
import { mulberry32 } from './rng';
import type { Scenario, ScenarioInput, ValidationError } from './scenario';
import { MAIN_HOST, formatErrors, validateScenario } from './scenario';
import { Server } from './server';
import type { TcpConfig } from './tcp';
import { FastOpenCookies, TcpEndpoint } from './tcp';
import { TLS_FLIGHTS, TlsSession, tlsRoundTrips } from './tls';
import type { QuicTls, TcpState, Trace, TraceEvent } from './trace';
import { TraceRecorder } from './trace';
import { scheduleArrivals } from './workload';
import type { WorkloadMetrics } from './workload-metrics';
import { WorkloadAccumulator, computeWorkloadMetrics } from './workload-metrics';
import type { WorkloadTimeline } from './workload-timeline';
import { TimelineAccumulator } from './workload-timeline';

/** The result of a simulation: the normalized scenario, the trace, and metrics derived from it. */
export interface SimResult {
  readonly scenario: Scenario;
  readonly trace: Trace;
  readonly metrics: Metrics;
  /** Workload metrics (only when the scenario has a `workload`). */
  readonly workload?: WorkloadMetrics;
  /** Server state over time (summary workload runs with `timelineBins`). */
  readonly timeline?: WorkloadTimeline;
  /** Every completed request's response time, ascending (summary runs with `latencies`). */
  readonly latenciesMs?: Float64Array;
}

/** The type of `simulate`: widgets and the worker take it as a parameter to stay free of its code. */
export type Simulate = (input: ScenarioInput, options?: SimulateOptions) => SimResult;

/** Run limits (safety nets; a normal scenario ends when every socket is closed). */
export interface SimulateOptions {
  /** Stop after this many engine events (default 2,000,000). */
  readonly maxEvents?: number;
  /** Stop at this virtual time in ms (default: run until idle). */
  readonly untilMs?: number;
  /**
   * 'full' (default) stores every event. 'summary' (workloads only) builds no packet, connection,
   * cwnd or TLS events at all, stores only the `end` event, and computes the workload metrics
   * while the remaining events stream past: for large workloads. `metrics` then come from that
   * one-event trace (packet and request fields are empty); use `workload`. 'metrics' (page loads)
   * builds every event for the metrics, which count them as they are recorded, but stores none:
   * the result's trace is empty and its metrics are the full run's (the replay's table needs no
   * more, and a stored trace of tens of thousands of events costs the garbage collector).
   */
  readonly trace?: 'full' | 'summary' | 'metrics';
  /** Summary workload runs: also record the server's state over time in this many bins. */
  readonly timelineBins?: number;
  /** Summary workload runs: also return every response time (`latenciesMs`). */
  readonly latencies?: boolean;
}

/** Thrown by `simulate` for an invalid scenario; `errors` lists each field and its range. */
export class ScenarioError extends Error {
  /** The validation errors. */
  readonly errors: readonly ValidationError[];
  constructor(errors: readonly ValidationError[]) {
    super(formatErrors(errors));
    this.name = 'ScenarioError';
    this.errors = errors;
  }
}

/** Hostname of object `i` (0-based) with `shards` hostnames (1 = the main host, `main`). */
export function shardHost(i: number, shards: number, main: string): string {
  return shards <= 1 ? main : `s${(i % shards) + 1}.${main}`;
}

/** Workloads: free what a socket no longer needs once it is done (see `handlerDone`). */
function detachWhenDone(ep: TcpEndpoint, from: TcpState, to: TcpState): void {
  ep.releaseWhenDone(from, to);
}

/** Path of the HTML document. */
export const HTML_PATH = '/index.html';

/** Simulates a page load. Pure and deterministic: same scenario (and seed) => identical result. */
export function simulate(
  input: ScenarioInput | Scenario,
  options: SimulateOptions = {},
): SimResult {
  const v = validateScenario(input);
  if (!v.ok) throw new ScenarioError(v.errors);
  const sc = v.scenario;
  const engine = new Engine();
  const w = sc.workload;
  const acc =
    w !== undefined && options.trace === 'summary'
      ? new WorkloadAccumulator(w.durationMs, w.objectsPerClient)
      : undefined;
  const timeline =
    acc !== undefined && w !== undefined && options.timelineBins !== undefined
      ? new TimelineAccumulator(w.durationMs, Math.max(1, Math.floor(options.timelineBins)))
      : undefined;
  // A full trace's metrics are counted as its events are recorded (`MetricsAccumulator`); a
  // summary trace's come from the events it keeps.
  const metricsAcc = new MetricsAccumulator();
  const trace =
    acc === undefined
      ? new TraceRecorder(undefined, undefined, true, metricsAcc, options.trace !== 'metrics')
      : new TraceRecorder(
          timeline === undefined
            ? (e) => acc.add(e)
            : (e) => {
                acc.add(e);
                timeline.add(e);
              },
          (e: TraceEvent) => e.type === 'end',
          false,
        );
  const link = new Link(engine, mulberry32(sc.seed), trace, {
    oneWayUs: msToUs(sc.network.rttMs / 2),
    bandwidthMbps: sc.network.bandwidthMbps,
    lossRate: sc.network.lossRate,
    drops: sc.network.drop,
  });
  const tcpCfg: TcpConfig = {
    mssBytes: sc.network.mssBytes,
    initialWindow: sc.tcp.initialWindow,
    receiveWindowBytes: sc.tcp.receiveWindowBytes,
    delayedAck: sc.tcp.delayedAck,
    delayedAckUs: msToUs(sc.tcp.delayedAckMs),
    nagle: sc.tcp.nagle,
    fastOpen: sc.tcp.fastOpen,
    slowStartAfterIdle: sc.tcp.slowStartAfterIdle,
    initialRtoUs: msToUs(sc.tcp.initialRtoMs),
    minRtoUs: msToUs(sc.tcp.minRtoMs),
    maxRtoUs: msToUs(120000),
    timeWaitUs: msToUs(sc.tcp.timeWaitMs),
    maxRetries: 8,
    synRetries: sc.tcp.synRetries,
  };
  const http: HttpConfig = sc.http;
  const server = new Server(engine, trace, http, sc.tls, {
    keepAliveTimeoutMs: sc.server.keepAliveTimeoutMs,
    maxRequestsPerConnection: sc.server.maxRequestsPerConnection,
    resetAfterProcessing: sc.server.resetAfterProcessing,
    pipelineProcessing: sc.server.pipelineProcessing,
    model: sc.server.model,
    workers: sc.server.workers,
    backlog: sc.server.backlog,
    maxConnections: sc.server.maxConnections,
    track: w !== undefined,
    retainConnections: w === undefined,
  });
  // Each request carries the server resource that answers it (no table keyed by name).
  const html: Resource = {
    bodyBytes: sc.page.htmlBytes,
    processingMs: sc.page.htmlProcessingMs ?? sc.server.processingMs,
  };
  // The page's own host: the HTML's, follow-ups' and objects' without a host of their own.
  const mainHost = sc.page.host ?? MAIN_HOST;
  const objects = sc.page.objects.map((o, i) => {
    const path = o.path;
    const host = o.host ?? shardHost(i, sc.page.shards, mainHost);
    const resource: Resource = {
      bodyBytes: o.bytes,
      processingMs: o.processingMs ?? sc.server.processingMs,
    };
    return o.after === undefined
      ? { path, host, resource }
      : { path, host, resource, after: o.after };
  });
  const followUps = sc.followUps.map((f) => ({
    atMs: f.atMs,
    path: f.path,
    host: f.host ?? mainHost,
    resource: { bodyBytes: f.bytes, processingMs: f.processingMs ?? sc.server.processingMs },
    method: f.method,
    bodyBytes: f.bodyBytes,
  }));
  const plan: PagePlan = {
    html: { path: sc.page.path ?? HTML_PATH, host: mainHost, resource: html },
    objects,
    discovery: sc.page.discovery,
    followUps,
    // Connection coalescing is an HTTP/2 and HTTP/3 feature (RFC 9113 §9.1.1, RFC 9114 §3.3).
    ...(sc.http.version === '2' || sc.http.version === '3'
      ? { sharedConnections: coalescingGroups(sc.page.origins) }
      : {}),
  };
  // The browser's pool settings and its DNS lookup time (each browser, each workload client
  // too, looks its hostnames up once).
  const pool = { ...sc.client, dnsMs: sc.network.dnsMs };
  let connIds = 0;
  /** Client sockets, kept only to be abandoned when the client's address changes. */
  const clientSockets: TcpEndpoint[] = [];
  // QUIC's TLS 1.3 mode: a full handshake, a resumption (smaller server flight), or 0-RTT.
  const quicTls: QuicTls =
    sc.tls === 'tls1.3-0rtt' || sc.tls === 'tls1.3-resumed' ? sc.tls : 'tls1.3';
  const zeroRtt = quicTls === 'tls1.3-0rtt';
  const flights = TLS_FLIGHTS[quicTls];
  const flight = (i: number): { label: string; bytes: number } => {
    const f = flights[i] as { label: string; bytes: number };
    return { label: f.label, bytes: f.bytes };
  };
  // QUIC carries the TLS 1.3 flights in CRYPTO frames: ServerHello in Initial packets, the rest
  // of the server flight in Handshake packets (ServerHello about 90 bytes of it).
  const serverFlight = flight(1);
  const quicCfg = (maxIdleTimeoutMs: number): QuicConfig => ({
    maxDatagramBytes: sc.network.mssBytes + 12,
    maxIdleTimeoutUs: msToUs(maxIdleTimeoutMs),
    tls: quicTls,
    flights: {
      clientHello: flight(0),
      serverHello: { label: 'ServerHello', bytes: 90 },
      serverRest: {
        label: serverFlight.label.replace(/^ServerHello, /, ''),
        bytes: serverFlight.bytes - 90,
      },
      clientFinished: flight(2),
    },
  });
  const dialQuic = (host: string, id: number): Dialed => {
    const client = new QuicEndpoint(
      engine,
      link,
      trace,
      quicCfg(sc.quic.maxIdleTimeoutMs),
      id,
      'client',
    );
    const srv = new QuicEndpoint(
      engine,
      link,
      trace,
      quicCfg(sc.quic.serverMaxIdleTimeoutMs),
      id,
      'server',
    );
    QuicEndpoint.connectPair(client, srv, link.clientAddress);
    server.acceptQuic(srv);
    if (trace.detail)
      trace.emit({
        type: 'conn-open',
        t: usToMs(engine.now),
        conn: id,
        host,
        transport: 'quic',
        tls: sc.tls,
        tlsRoundTrips: 0,
        http: '3',
        handshakeRoundTrips: zeroRtt ? 0 : 1,
      });
    return { id, quic: client, connect: () => client.connect() };
  };
  const dial = (host: string, cookies: FastOpenCookies): Dialed => {
    const id = ++connIds;
    if (sc.http.version === '3') return dialQuic(host, id);
    if (link.clientAddress > 0) link.setConnPath(id, link.clientAddress);
    const client = new TcpEndpoint(engine, link, trace, tcpCfg, id, 'client');
    if (sc.tcp.fastOpen) client.useFastOpen(cookies);
    if (sc.client.addressChangeAtMs !== undefined) clientSockets.push(client);
    const srv = new TcpEndpoint(engine, link, trace, tcpCfg, id, 'server');
    TcpEndpoint.connectPair(client, srv);
    server.accept(srv);
    if (w !== undefined) {
      client.onStateChange(detachWhenDone);
      srv.onStateChange(detachWhenDone);
    }
    const stream = sc.tls === 'none' ? client : new TlsSession(engine, trace, client, sc.tls);
    if (trace.detail) {
      const open = {
        type: 'conn-open',
        t: usToMs(engine.now),
        conn: id,
        host,
        transport: 'tcp',
        tls: sc.tls,
        tlsRoundTrips: tlsRoundTrips(sc.tls),
        ...(sc.http.version === '2' ? { http: '2' as const } : {}),
        // Fast Open with a cookie: the first bytes leave with the SYN (no TCP round trip first).
        ...(!sc.tcp.fastOpen
          ? {}
          : cookies.has
            ? { fastOpen: 'syn-data' as const, handshakeRoundTrips: tlsRoundTrips(sc.tls) }
            : { fastOpen: 'cookie-request' as const }),
      } as const;
      trace.emit(open);
    }
    return { id, stream, connect: () => client.connect() };
  };
  if (w === undefined) {
    const browser = new Browser(engine, trace, http, pool, plan, dial);
    engine.scheduleAt(0, () => browser.start());
    const change = sc.client.addressChangeAtMs;
    if (change !== undefined)
      engine.scheduleAt(msToUs(change), () => {
        const path = link.changeClientAddress();
        const old = clientSockets.splice(0);
        browser.onAddressChange(path);
        // Sockets the pool no longer holds (closing, TIME_WAIT) lose their address too.
        for (const s of old) s.abandon('address-change');
      });
  } else {
    // Each client is a small browser fetching K objects of the workload's size (the first, then
    // the rest as page.discovery says); request ids are distinct across clients.
    const K = w.objectsPerClient;
    const resource: Resource = { bodyBytes: w.objectBytes, processingMs: sc.server.processingMs };
    const req = (i: number): PlannedRequest => ({
      path: `/img${i + 1}.png`,
      host: MAIN_HOST,
      resource,
    });
    const wplan: PagePlan = {
      html: req(0),
      objects: Array.from({ length: K - 1 }, (_, i) => req(i + 1)),
      discovery: sc.page.discovery,
      followUps: [],
    };
    scheduleArrivals(engine, sc.seed, w, (i) => {
      new Browser(engine, trace, http, pool, wplan, dial, i * K).start();
    });
  }
  const outcome = engine.run(
    options.untilMs === undefined ? Infinity : msToUs(options.untilMs),
    options.maxEvents ?? (w === undefined ? 2_000_000 : 500_000_000),
  );
  trace.emit({ type: 'end', t: usToMs(engine.now), events: engine.events, outcome });
  const metrics = acc === undefined ? metricsAcc.result() : computeMetrics(trace.events);
  if (w === undefined) return { scenario: sc, trace: trace.events, metrics };
  if (acc === undefined) {
    const workload = computeWorkloadMetrics(trace.events, w.durationMs, w.objectsPerClient);
    return { scenario: sc, trace: trace.events, metrics, workload };
  }
  return {
    scenario: sc,
    trace: trace.events,
    metrics,
    workload: acc.result(),
    ...(timeline === undefined ? {} : { timeline: timeline.result() }),
    ...(options.latencies === true ? { latenciesMs: acc.sortedLatencies() } : {}),
  };
}
