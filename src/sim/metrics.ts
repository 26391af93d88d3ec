/**
 * Metrics derived from a trace only (never from simulator internals). Each metric is defined
 * once, here: the summary (`computeMetrics`) and the views' running metrics at playback time
 * (`components/views/metrics.ts`) both count with the definitions below.
 */
import { StallAccumulator, type StallSummary } from './stalls';
import type {
  ConnOpenEvent,
  ConnStateEvent,
  CwndEvent,
  HttpMethod,
  PacketEvent,
  RequestError,
  RequestEvent,
  TlsEvent,
  Trace,
  TraceEvent,
  TraceObserver,
} from './trace';

export {
  stallSummary,
  stalledBy,
  uniteStalls,
  type StallInterval,
  type StallSummary,
  type StallTotals,
  type StreamStall,
} from './stalls';

/** Timings of one logical request (its final attempt). Times in ms; null when it never happened. */
export interface RequestMetrics {
  readonly requestId: number;
  readonly path: string;
  readonly host: string;
  readonly method: HttpMethod;
  readonly followUp: boolean;
  /** Connection of the final attempt. */
  readonly connectionId: number | null;
  /** The final attempt went on a connection that had carried an earlier request. */
  readonly reused: boolean;
  readonly queuedMs: number;
  readonly sentMs: number | null;
  readonly firstByteMs: number | null;
  readonly doneMs: number | null;
  /** Set when the request failed for good. */
  readonly error: RequestError | null;
  readonly errorMs: number | null;
  /** Number of retries (0 or 1). */
  readonly retries: number;
  /** Response bytes received (headers + body). */
  readonly bytes: number;
}

/** Summary metrics of one simulation. */
export interface Metrics {
  /** When the last page request (HTML and objects; not follow-ups) finished, done or failed (ms). */
  readonly pageLoadMs: number;
  /** True when every page request completed without error. */
  readonly pageComplete: boolean;
  /** TCP connections the client opened. */
  readonly connectionsOpened: number;
  readonly packets: {
    readonly total: number;
    readonly dropped: number;
    readonly retransmitted: number;
  };
  /** Wire bytes (payload + 40 B headers) per direction, dropped packets included. */
  readonly wireBytes: { readonly c2s: number; readonly s2c: number };
  /** Engine events executed. */
  readonly events: number;
  /** Time of the last event (all sockets closed when the run ended idle). */
  readonly endMs: number;
  /**
   * Round trips spent on handshakes, summed over every connection opened: 1 for TCP plus the
   * TLS round trips (2 for TLS 1.2, 1 for TLS 1.3, 0 for TLS 1.3 0-RTT); QUIC 1 (transport and
   * TLS together), 0 with 0-RTT. Counted from the protocol, not measured.
   */
  readonly handshakeRoundTrips: number;
  /**
   * Handshake round trips on the critical path. A request "waited for" its connection's
   * handshake when the connection was opened at or after the request was queued and the request
   * left the moment the connection became ready (client ESTABLISHED, or TLS done). Counted: the
   * last page request's handshake if it waited, plus the HTML's if it waited and the last request
   * was discovered from the HTML (queued when the HTML was done).
   */
  readonly criticalPathHandshakeRoundTrips: number;
  readonly requests: readonly RequestMetrics[];
  /**
   * Multiplexed connections only (absent for HTTP/1.x, so older traces' metrics are unchanged):
   * time streams had bytes that arrived but could not be delivered, per stream the measure of
   * the union of its stall intervals within its lifetime, split into head-of-line blocked and
   * waiting for its own lost data (`stallSummary`).
   */
  readonly streamStallMs?: StallSummary;
  /**
   * DNS lookups (`network.dnsMs`; absent when no request waited for one, so traces without DNS
   * keep their metrics): how many, and their time added up (`dnsLookups`).
   */
  readonly dns?: DnsLookups;
}

/** DNS lookups a trace shows and their total time (ms). */
export interface DnsLookups {
  readonly lookups: number;
  readonly totalMs: number;
}

/**
 * The DNS lookups of a trace, from its `resolved` steps: the requests of one host resolved at one
 * instant waited for one lookup, which started when the first of them was queued (the browser
 * starts a lookup the first time a request needs the name) and ended then. One browser looks a
 * name up once; in a workload each client is a browser of its own, so two clients resolving one
 * host at the very same microsecond would count as one lookup.
 */
class DnsAccumulator {
  /** Lookups by host and end time: their start. */
  private readonly lookups = new Map<string, { startMs: number; endMs: number }>();

  /** A `resolved` step of a request first queued at `queuedMs`. */
  resolved(e: RequestEvent, queuedMs: number): void {
    const key = `${e.host} ${e.t}`;
    const l = this.lookups.get(key);
    if (l === undefined) this.lookups.set(key, { startMs: queuedMs, endMs: e.t });
    else l.startMs = Math.min(l.startMs, queuedMs);
  }

  /** The lookups so far, or undefined when there were none. */
  result(): DnsLookups | undefined {
    if (this.lookups.size === 0) return undefined;
    let totalMs = 0;
    for (const l of this.lookups.values()) totalMs += l.endMs - l.startMs;
    return { lookups: this.lookups.size, totalMs };
  }
}

/**
 * Round trips a connection's handshake costs, counted from the protocol when it opens: 1 for TCP
 * plus the TLS round trips (2 for TLS 1.2, 1 for TLS 1.3, 0 for TLS 1.3 0-RTT); QUIC its own
 * count (1, 0 with 0-RTT).
 */
export function handshakeRoundTripsOf(e: ConnOpenEvent): number {
  return e.handshakeRoundTrips ?? 1 + e.tlsRoundTrips;
}

/** Whether a connection multiplexes streams (HTTP/2, HTTP/3): then stream stalls are measured. */
export function isMultiplexed(e: ConnOpenEvent): boolean {
  return e.http !== undefined;
}

/** Whether a request event ends its request for good: done, or failed after the retries. */
export function endsRequest(e: RequestEvent): boolean {
  return e.step === 'done' || e.step === 'error';
}

/**
 * Page load: the latest end (done or failed) among the page requests (the HTML and its objects,
 * not follow-up clicks), with whether every one of them has ended. `ms` is 0 when none has.
 * `endOf` reads a request's end (default: its `endMs`), so that a caller need not build an
 * object per request to ask.
 */
export function pageLoad(
  requests: Iterable<{ readonly followUp: boolean; readonly endMs: number | null }>,
): PageLoad;
export function pageLoad<R extends { readonly followUp: boolean }>(
  requests: Iterable<R>,
  endOf: (r: R) => number | null,
): PageLoad;
export function pageLoad(
  requests: Iterable<{ readonly followUp: boolean; readonly endMs?: number | null }>,
  endOf: (r: { readonly endMs?: number | null }) => number | null = (r) => r.endMs ?? null,
): PageLoad {
  let ms = 0;
  let allEnded = true;
  let count = 0;
  for (const r of requests) {
    if (r.followUp) continue;
    count++;
    const end = endOf(r);
    if (end === null) allEnded = false;
    else ms = Math.max(ms, end);
  }
  return { ms, allEnded, count };
}

/** What `pageLoad` says. */
export interface PageLoad {
  readonly ms: number;
  readonly allEnded: boolean;
  readonly count: number;
}

interface Acc {
  requestId: number;
  path: string;
  host: string;
  method: HttpMethod;
  followUp: boolean;
  connectionId: number | null;
  reused: boolean;
  queuedMs: number;
  sentMs: number | null;
  firstByteMs: number | null;
  doneMs: number | null;
  error: RequestError | null;
  errorMs: number | null;
  retries: number;
  bytes: number;
}

/**
 * The metrics of an empty trace, written out: what a widget shows before its first run arrives,
 * without loading `computeMetrics` on the page (a test checks it equals `computeMetrics([])`).
 */
export const EMPTY_METRICS: Metrics = {
  pageLoadMs: 0,
  pageComplete: true,
  connectionsOpened: 0,
  packets: { total: 0, dropped: 0, retransmitted: 0 },
  wireBytes: { c2s: 0, s2c: 0 },
  events: 0,
  endMs: 0,
  handshakeRoundTrips: 0,
  criticalPathHandshakeRoundTrips: 0,
  requests: [],
};

/** Computes metrics from a trace. */
export function computeMetrics(trace: Trace): Metrics {
  const acc = new MetricsAccumulator();
  for (const e of trace) acc.add(e);
  return acc.result();
}

/**
 * `computeMetrics` one event at a time: `simulate` feeds each event as it is recorded, while it
 * is still in the cache, instead of scanning a trace of tens of thousands of events once more
 * at the end (that second pass cost about a fifth of a 1000-object run).
 */
export class MetricsAccumulator implements TraceObserver {
  /**
   * Requests by id (an array: ids are small dense integers, and a Map lookup per event cost more);
   * read in index order, they are in id order, the order of `Metrics.requests`.
   */
  private readonly byId: (Acc | undefined)[] = [];
  private readonly connRt = new Map<number, number>();
  private readonly conns = new Map<number, { openMs: number; readyMs: number; tls: boolean }>();
  private readonly stalls = new StallAccumulator();
  private readonly dns = new DnsAccumulator();
  private total = 0;
  private dropped = 0;
  private retransmitted = 0;
  private c2s = 0;
  private s2c = 0;
  private events = 0;
  private endMs = 0;
  /** The latest time of any event (the stall summary's trace end). */
  private lastMs = 0;
  private multiplexed = false;

  /**
   * Counts one event (events in trace order). One switch on the type, then each kind's fields in
   * a function of its own: a trace has more event shapes than a property load handles quickly
   * (megamorphic loads were most of `computeMetrics`' time), one kind has few.
   */
  add(e: TraceEvent): void {
    const t = e.t;
    switch (e.type) {
      case 'packet':
        this.packet(e);
        break;
      case 'conn-open':
        this.connOpen(e);
        break;
      case 'conn':
        this.connState(e);
        break;
      case 'tls':
        this.tls(e);
        break;
      case 'end':
        this.events = e.events;
        this.endMs = t;
        break;
      case 'request':
        this.addRequest(e);
        return;
      case 'stream-stall':
        this.stalls.stall(e);
        break;
      default:
        break;
    }
    this.seen(t);
  }

  /** `add` for a packet event, its kind known to the caller (no dispatch on `type`). */
  addPacket(e: PacketEvent): void {
    this.packet(e);
    this.seen(e.t);
  }

  /** `add` for a `request` event, its kind known to the caller. */
  addRequest(e: RequestEvent): void {
    const t = e.t;
    this.request(e, t);
    // Stream lifetimes start at a `sent` on a multiplexed connection, which comes after its
    // `conn-open`: until one has opened, no request event concerns them.
    if (this.multiplexed) this.stalls.request(e);
    this.seen(t);
  }

  /** `add` for a `conn` event, its kind known to the caller. */
  addConn(e: ConnStateEvent): void {
    this.connState(e);
    this.seen(e.t);
  }

  /** `add` for a `cwnd` event (only its time counts), its kind known to the caller. */
  addCwnd(e: CwndEvent): void {
    this.seen(e.t);
  }

  /** Every event: the trace's end so far. */
  private seen(t: number): void {
    this.endMs = Math.max(this.endMs, t);
    this.lastMs = Math.max(this.lastMs, t);
  }

  private packet(e: PacketEvent): void {
    this.total++;
    if (e.dropped) this.dropped++;
    if (e.retransmit) this.retransmitted++;
    if (e.dir === 'c2s') this.c2s += e.wireBytes;
    else this.s2c += e.wireBytes;
  }

  private connOpen(e: ConnOpenEvent): void {
    this.connRt.set(e.conn, handshakeRoundTripsOf(e));
    // With 0-RTT the first request leaves once TCP is up, as without TLS (QUIC: at once).
    this.conns.set(e.conn, {
      openMs: e.t,
      readyMs: e.transport === 'quic' && e.tls === 'tls1.3-0rtt' ? e.t : -1,
      tls: e.tls !== 'none' && e.tls !== 'tls1.3-0rtt',
    });
    if (isMultiplexed(e)) this.multiplexed = true;
  }

  private connState(e: ConnStateEvent): void {
    if (e.side !== 'client' || e.state !== 'ESTABLISHED') return;
    const c = this.conns.get(e.conn);
    if (c !== undefined && !c.tls && c.readyMs < 0) c.readyMs = e.t;
  }

  private tls(e: TlsEvent): void {
    const c = this.conns.get(e.conn);
    if (c !== undefined && c.tls && e.side === 'client' && e.step === 'done') c.readyMs = e.t;
  }

  private request(e: RequestEvent, t: number): void {
    let r = this.byId[e.requestId];
    if (r === undefined) {
      r = {
        requestId: e.requestId,
        path: e.path,
        host: e.host,
        method: e.method,
        followUp: e.followUp,
        connectionId: null,
        reused: false,
        queuedMs: t,
        sentMs: null,
        firstByteMs: null,
        doneMs: null,
        error: null,
        errorMs: null,
        retries: 0,
        bytes: 0,
      };
      this.byId[e.requestId] = r;
    }
    switch (e.step) {
      case 'resolved':
        this.dns.resolved(e, r.queuedMs);
        break;
      case 'assigned':
        r.connectionId = e.conn ?? null;
        r.reused = e.reused ?? false;
        break;
      case 'sent':
        r.sentMs = t;
        break;
      case 'first-byte':
        r.firstByteMs = t;
        break;
      case 'done':
        r.doneMs = t;
        r.bytes = e.bytes ?? 0;
        break;
      case 'error':
        r.error = e.error ?? 'connection-closed';
        r.errorMs = t;
        break;
      case 'retry':
        r.retries++;
        r.sentMs = null;
        r.firstByteMs = null;
        break;
      default:
        break;
    }
  }

  /** The metrics of the events added so far. */
  result(): Metrics {
    const { connRt, conns } = this;
    // In id order without a sort.
    const requests: Acc[] = [];
    for (const r of this.byId) if (r !== undefined) requests.push(r);
    const endOf = (r: Acc): number | null => r.doneMs ?? r.errorMs;
    const pageLoadMs = pageLoad(requests, endOf).ms;
    const pageComplete = requests.every(
      (r) => r.followUp || (endOf(r) !== null && r.error === null),
    );
    // The request the page load waited for: the last page request, in request order, ending then.
    let last: Acc | undefined;
    for (const r of requests) if (!r.followUp && endOf(r) === pageLoadMs) last = r;
    let handshakeRoundTrips = 0;
    for (const v of connRt.values()) handshakeRoundTrips += v;
    const waited = (r: Acc | undefined): number => {
      if (r === undefined || r.connectionId === null || r.sentMs === null) return 0;
      const c = conns.get(r.connectionId);
      if (c === undefined || c.openMs < r.queuedMs || c.readyMs !== r.sentMs) return 0;
      return connRt.get(r.connectionId) ?? 0;
    };
    const html = requests[0];
    let critical = waited(last);
    if (last !== undefined && html !== undefined && last !== html && html.doneMs !== null) {
      if (last.queuedMs >= html.doneMs) critical += waited(html);
    }
    const base = {
      pageLoadMs,
      pageComplete,
      connectionsOpened: connRt.size,
      packets: { total: this.total, dropped: this.dropped, retransmitted: this.retransmitted },
      wireBytes: { c2s: this.c2s, s2c: this.s2c },
      events: this.events,
      endMs: this.endMs,
      handshakeRoundTrips,
      criticalPathHandshakeRoundTrips: critical,
      requests,
    };
    const dns = this.dns.result();
    const withDns = dns === undefined ? base : { ...base, dns };
    if (!this.multiplexed) return withDns;
    return { ...withDns, streamStallMs: this.stalls.result(this.lastMs) };
  }
}
