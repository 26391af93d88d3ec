/**
 * The browser (client) model: loads a page (HTML, then its objects when the HTML has arrived, or
 * all known up front), issues follow-up requests later in time, and manages a connection pool:
 * max connections per host, a total cap with LRU eviction of idle sockets, an idle timeout
 * (shorter for a socket that never carried a request: `UNUSED_IDLE_TIMEOUT_US`),
 * hostnames for domain sharding, late binding of queued requests to whichever connection is
 * ready first, and one retry of a request whose connection failed, as `client.retryPolicy` says
 * (`retry.ts`: any method on a reused connection before its response, or idempotent ones only).
 * With `network.dnsMs` a request waits for its hostname's DNS lookup before it joins its pool's
 * queue (`dns.ts`).
 */
import { Resolver } from './dns';
import type { Engine } from './engine';
import { Timer, msToUs, usToMs } from './engine';
import { Fifo } from './fifo';
import type { Attempt, ClientConn, ClientConnListener, HttpConfig, Resource } from './http/common';
import { Http1ClientConn } from './http/http1';
import { Http2ClientConn } from './http/http2';
import { Http3ClientConn } from './http/http3';
import type { QuicEndpoint } from './quic';
import { shouldResend, type RetryPolicy } from './retry';
import type { ByteStream } from './stream';
import { FastOpenCookies } from './tcp/fast-open';
import type { HttpMethod, RequestError, RequestEvent, RequestStep, TraceRecorder } from './trace';

/**
 * How long an idle connection that never carried a request stays open (µs): Chromium closes such
 * a socket, opened for a request another connection took (late binding) or by a preconnect,
 * after 60 s, and a used one after 300 s (`client.idleTimeoutMs`'s default):
 * `ClientSocketPoolManager::unused_idle_socket_timeout` and `HttpStreamPool`'s
 * `kUnusedIdleStreamSocketTimeout` (FACTS.md, "Chromium idle sockets"; chapter 6). A client
 * idle timeout set shorter applies to both.
 */
const UNUSED_IDLE_TIMEOUT_US = 60_000_000;

/** A logical request (keeps its id across retries). */
export interface BrowserRequest {
  readonly id: number;
  readonly path: string;
  readonly host: string;
  /** The server resource that answers it. */
  readonly resource: Resource;
  readonly method: HttpMethod;
  readonly bodyBytes: number;
  /** Part of the page load (HTML and objects) rather than a follow-up. */
  readonly page: boolean;
  attempts: number;
  status: 'waiting' | 'queued' | 'in-flight' | 'done' | 'error';
}

/** Pool limits and the retry rule. */
export interface PoolConfig {
  readonly maxConnectionsPerHost: number;
  readonly maxConnectionsTotal: number;
  readonly idleTimeoutMs: number;
  /** Which failed requests are sent again (`retry.ts`). */
  readonly retryPolicy: RetryPolicy;
  /** Time one DNS lookup takes (`network.dnsMs`); absent or 0: names need no lookup. */
  readonly dnsMs?: number;
}

/**
 * A freshly dialed connection: its id and the byte stream (TCP, or TLS over TCP) to write on,
 * or the QUIC endpoint (HTTP/3).
 */
export interface Dialed {
  readonly id: number;
  readonly stream?: ByteStream;
  readonly quic?: QuicEndpoint;
  /** Starts the TCP (or QUIC) handshake (after the HTTP layer is attached). */
  connect(): void;
}

/**
 * Opens a transport connection to a host; `cookies` is the client's TCP Fast Open cookie cache
 * (used when `tcp.fastOpen` is on).
 */
export type Dialer = (host: string, cookies: FastOpenCookies) => Dialed;

/** A request the page will make: where, and which server resource answers it. */
export interface PlannedRequest {
  readonly path: string;
  readonly host: string;
  /** The server resource (size, processing time) that answers it. */
  readonly resource: Resource;
}

/** Page description after sharding: the HTML request and the object requests. */
export interface PagePlan {
  readonly html: PlannedRequest;
  /**
   * The objects; `after` says what makes the browser request one: 0 the HTML, k the k-th object
   * (1-based, an earlier one) when it has arrived; absent, as `discovery` says.
   */
  readonly objects: readonly (PlannedRequest & { readonly after?: number })[];
  readonly discovery: 'after-html' | 'upfront';
  /**
   * HTTP/2 and HTTP/3: hosts whose requests may share connections (`coalescing.ts`), each mapped
   * to the name of its group; absent, every host has its own connections.
   */
  readonly sharedConnections?: ReadonlyMap<string, string>;
  readonly followUps: readonly (PlannedRequest & {
    readonly atMs: number;
    readonly method: HttpMethod;
    readonly bodyBytes: number;
  })[];
}

interface HostPool {
  readonly queue: Fifo<BrowserRequest>;
  readonly conns: ClientConn[];
}

/**
 * The browser: page loader plus connection pool. HTTP/1.x: up to `maxConnectionsPerHost`
 * connections, one request at a time each (or a pipeline). HTTP/2: one connection per host that
 * takes every queued request as a stream, up to its concurrent-stream limit.
 */
export class Browser implements ClientConnListener {
  /** Every request, by id - 1 (HTML first, then objects, then follow-ups as issued). */
  readonly requests: BrowserRequest[] = [];
  /** Connection pools by host, or by coalescing group (`PagePlan.sharedConnections`). */
  private readonly hosts = new Map<string, HostPool>();
  /**
   * The page's requests each one's arrival makes the browser send, by that one's id; made for a
   * page whose objects are discovered (a workload's thousands of browsers need none).
   */
  private found: Map<number, BrowserRequest[]> | undefined;
  private readonly idleTimeoutUs: number;
  private readonly idleTimers = new Map<ClientConn, Timer>();
  /**
   * Connections that got as far as carrying requests (the others failed while connecting). A
   * plain set that lives as long as the browser: a weak one costs the garbage collector more,
   * once per browser of a workload.
   */
  private readonly connected = new Set<ClientConn>();
  /** One connection per host takes every request it can (pipelining, HTTP/2 streams). */
  private readonly multiplex: boolean;
  /** This client's TCP Fast Open cookies (each browser of a workload is another client). */
  private readonly cookies = new FastOpenCookies();
  /** This client's DNS lookups and cache (each browser of a workload has its own). */
  private readonly resolver: Resolver<BrowserRequest>;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly http: HttpConfig,
    private readonly pool: PoolConfig,
    private readonly plan: PagePlan,
    private readonly dial: Dialer,
    /** Request ids start after this (a workload runs many browsers with distinct ids). */
    private readonly idBase = 0,
  ) {
    this.idleTimeoutUs = msToUs(pool.idleTimeoutMs);
    this.multiplex = http.pipelining || http.version === '2' || http.version === '3';
    this.resolver = new Resolver(engine, msToUs(pool.dnsMs ?? 0), (_host, waiting) => {
      for (const r of waiting) {
        this.emit('resolved', r, r.attempts);
        this.hostPool(r.host).queue.push(r);
      }
      this.pumpAll();
    });
  }

  /** Starts the navigation at the current time and schedules follow-ups. */
  start(): void {
    const html = this.create(this.plan.html, 'GET', 0, true);
    const objects = this.plan.objects.map((o) => this.create(o, 'GET', 0, true));
    this.enqueue(html);
    this.plan.objects.forEach((o, i) => {
      const r = objects[i] as BrowserRequest;
      if (o.after === undefined && this.plan.discovery === 'upfront') this.enqueue(r);
      else {
        const by = o.after === undefined || o.after === 0 ? html : objects[o.after - 1];
        if (by === undefined) throw new Error(`object ${i + 1}: no object ${o.after} finds it`);
        const found = (this.found ??= new Map());
        const list = found.get(by.id);
        if (list === undefined) found.set(by.id, [r]);
        else list.push(r);
      }
    });
    this.pumpAll();
    for (const f of this.plan.followUps) {
      this.engine.scheduleAt(msToUs(f.atMs), () => {
        const r = this.create(f, f.method, f.bodyBytes, false);
        this.enqueue(r);
        this.pumpAll();
      });
    }
  }

  // ------------------------------------------------------------ listener

  /** A connection is ready for a request: start its idle timer and give it queued work. */
  onReady(c: ClientConn): void {
    this.connected.add(c);
    this.scheduleIdle(c);
    this.pumpAll();
  }

  /** First response byte. */
  onFirstByte(c: ClientConn, a: Attempt): void {
    this.emit(
      'first-byte',
      this.req(a.requestId),
      a.attempt,
      c.id,
      a.stream === undefined ? undefined : { stream: a.stream },
    );
  }

  /** Whole response. */
  onDone(c: ClientConn, a: Attempt): void {
    const r = this.req(a.requestId);
    r.status = 'done';
    this.emit(
      'done',
      r,
      a.attempt,
      c.id,
      a.stream !== undefined
        ? { bytes: a.responseBytes, stream: a.stream }
        : a.responseHead
          ? { bytes: a.responseBytes, head: a.responseHead }
          : { bytes: a.responseBytes },
    );
    const found = this.found?.get(r.id);
    if (found !== undefined) {
      this.found?.delete(r.id);
      for (const o of found) this.enqueue(o);
    }
    // The connection reports ready/retired right after this; pump once more at the same instant
    // in case it stays busy (pipelining). Always after the HTML when objects come after it, even
    // a page without objects: the engine's event count is part of the trace.
    if (found !== undefined || (r.id === this.idBase + 1 && this.plan.discovery === 'after-html'))
      this.engine.schedule(0, () => this.pumpAll());
  }

  /** The connection takes no more requests; its slot is free. */
  onRetired(): void {
    this.pumpAll();
  }

  /**
   * The client's address changed (epoch `path`): TCP connections are dead, so their requests fail
   * and idempotent ones are retried once on new connections (as Chromium retries after
   * ERR_NETWORK_CHANGED; others as `retry.ts` says); QUIC connections migrate.
   */
  onAddressChange(path: number): void {
    this.networkChanged = true;
    // Fast Open cookies belong to the old client address (RFC 7413 §4.1.3).
    this.cookies.forget();
    this.pumping = true;
    for (const p of this.hosts.values()) for (const c of [...p.conns]) c.onAddressChange(path);
    this.pumping = false;
    this.networkChanged = false;
    this.pumpAll();
  }

  private networkChanged = false;

  /**
   * A connection closed (FIN or RST): drop it from the pool, retry (`shouldResend`) or fail its
   * requests.
   */
  onClosed(c: ClientConn, failed: readonly Attempt[], error: RequestError): void {
    const timer = this.idleTimers.get(c);
    if (timer !== undefined) {
      timer.dispose();
      this.idleTimers.delete(c);
    }
    const retries: BrowserRequest[] = [];
    for (const a of failed) {
      const r = this.req(a.requestId);
      if (
        shouldResend(this.pool.retryPolicy, {
          method: r.method,
          attempts: r.attempts,
          reused: a.reused,
          firstByte: a.firstByte,
          networkChanged: this.networkChanged,
        })
      ) {
        this.emit('retry', r, a.attempt, c.id, { error });
        r.attempts++;
        r.status = 'queued';
        retries.push(r);
      } else {
        r.status = 'error';
        this.emit('error', r, a.attempt, c.id, { error });
      }
    }
    // Retried requests go back to the front of their host's queue, in their original order.
    for (let i = retries.length - 1; i >= 0; i--) {
      const r = retries[i] as BrowserRequest;
      this.hostPool(r.host).queue.unshift(r);
    }
    if (!this.connected.has(c) && failed.length === 0) this.failWaiting(c, error);
    this.pumpAll();
  }

  /**
   * A connection failed while connecting (its SYNs unanswered until `tcp.synRetries` ran out,
   * reset, or the handshake stalled): the requests waiting for it fail with its error, as a
   * browser's failed connect job hands its error to the request that was waiting for a socket
   * (Chromium: ERR_CONNECTION_TIMED_OUT, ERR_CONNECTION_REFUSED). Without a connection each one
   * queued behind it would dial again forever. One request per failed connection, or the whole
   * host's queue when one connection was to carry it all (HTTP/2, HTTP/3, pipelining).
   */
  private failWaiting(c: ClientConn, error: RequestError): void {
    const p = this.hostPool(c.host);
    const n = this.multiplex ? p.queue.length : Math.min(1, p.queue.length);
    for (const r of p.queue.take(n)) {
      r.status = 'error';
      this.emit('error', r, r.attempts, c.id, { error });
    }
  }

  // ------------------------------------------------------------ pool

  private create(
    planned: PlannedRequest,
    method: HttpMethod,
    bodyBytes: number,
    page: boolean,
  ): BrowserRequest {
    const r: BrowserRequest = {
      id: this.idBase + this.requests.length + 1,
      path: planned.path,
      host: planned.host,
      resource: planned.resource,
      method,
      bodyBytes,
      page,
      attempts: 1,
      status: 'waiting',
    };
    this.requests.push(r);
    return r;
  }

  private req(id: number): BrowserRequest {
    return this.requests[id - this.idBase - 1] as BrowserRequest;
  }

  /** The pool of a host: its own, or its coalescing group's. */
  private hostPool(host: string): HostPool {
    const key = this.plan.sharedConnections?.get(host) ?? host;
    let p = this.hosts.get(key);
    if (p === undefined) {
      p = { queue: new Fifo(), conns: [] };
      this.hosts.set(key, p);
    }
    return p;
  }

  /**
   * The page wants `r`: it joins its pool's queue, or first waits for its hostname's DNS lookup
   * (then it joins the queue when the lookup ends, `resolved`). Retries skip this: their name
   * was resolved before their first attempt.
   */
  private enqueue(r: BrowserRequest): void {
    r.status = 'queued';
    const now = this.resolver.ready(r.host, r);
    if (now) this.hostPool(r.host).queue.push(r);
    this.emit('queued', r, r.attempts);
  }

  /** Connections the pool counts: not retiring or closed. */
  private static live(c: ClientConn): boolean {
    return c.state === 'connecting' || c.state === 'idle' || c.state === 'busy';
  }

  private totalLive(): number {
    let n = 0;
    for (const p of this.hosts.values()) for (const c of p.conns) if (Browser.live(c)) n++;
    return n;
  }

  private pumping = false;

  private pumpAll(): void {
    if (this.pumping) return;
    this.pumping = true;
    for (const p of this.hosts.values()) this.pumpHost(p);
    this.pumping = false;
  }

  private pumpHost(p: HostPool): void {
    // Drop connections that are gone.
    for (let i = p.conns.length - 1; i >= 0; i--) {
      const c = p.conns[i] as ClientConn;
      if (c.state === 'closed' || c.state === 'retiring') p.conns.splice(i, 1);
    }
    while (p.queue.length > 0) {
      const c = this.pickConn(p);
      if (c === undefined) break;
      const r = p.queue.shift() as BrowserRequest;
      this.assign(c, r);
    }
    if (p.queue.length === 0) return;
    let connecting = 0;
    let live = 0;
    for (const c of p.conns) {
      if (c.state === 'connecting') connecting++;
      if (Browser.live(c)) live++;
    }
    // With pipelining or HTTP/2 one connection per host absorbs the whole queue.
    const want = this.multiplex ? (live === 0 ? 1 : 0) : p.queue.length - connecting;
    for (let k = 0; k < want && live < this.pool.maxConnectionsPerHost; k++) {
      if (this.totalLive() >= this.pool.maxConnectionsTotal && !this.evictLru()) break;
      // To the host of the request at the head of the queue (a coalescing group has several).
      this.open((p.queue.first as BrowserRequest).host, p);
      live++;
    }
  }

  private pickConn(p: HostPool): ClientConn | undefined {
    let best: ClientConn | undefined;
    for (const c of p.conns) {
      if (c.state !== 'idle') continue;
      // Most recently used idle socket first (LIFO, as Chromium does).
      if (best === undefined || c.idleSinceUs >= best.idleSinceUs) best = c;
    }
    if (best !== undefined || !this.multiplex) return best;
    for (const c of p.conns) if (c.canSend) return c;
    return undefined;
  }

  private evictLru(): boolean {
    let lru: ClientConn | undefined;
    for (const p of this.hosts.values()) {
      for (const c of p.conns) {
        if (c.state === 'idle' && (lru === undefined || c.idleSinceUs < lru.idleSinceUs)) lru = c;
      }
    }
    if (lru === undefined) return false;
    lru.close('evicted');
    const p = this.hostPool(lru.host);
    p.conns.splice(p.conns.indexOf(lru), 1);
    return true;
  }

  private open(host: string, p: HostPool): void {
    const d = this.dial(host, this.cookies);
    const c: ClientConn =
      d.quic !== undefined
        ? new Http3ClientConn(this.engine, this.trace, this.http, d.id, host, d.quic, this)
        : this.http.version === '2'
          ? new Http2ClientConn(
              this.engine,
              this.trace,
              this.http,
              d.id,
              host,
              d.stream as ByteStream,
              this,
            )
          : new Http1ClientConn(
              this.engine,
              this.trace,
              this.http,
              d.id,
              host,
              d.stream as ByteStream,
              this,
            );
    p.conns.push(c);
    d.connect();
  }

  private assign(c: ClientConn, r: BrowserRequest): void {
    const a: Attempt = {
      requestId: r.id,
      attempt: r.attempts,
      method: r.method,
      path: r.path,
      host: r.host,
      bodyBytes: r.bodyBytes,
      resource: r.resource,
      followUp: !r.page,
      reused: c.requestsSent > 0,
      firstByte: false,
      responseBytes: 0,
    };
    r.status = 'in-flight';
    this.emit('assigned', r, a.attempt, c.id, { reused: a.reused });
    c.send(a);
  }

  private scheduleIdle(c: ClientConn): void {
    let timer = this.idleTimers.get(c);
    if (timer === undefined) {
      timer = new Timer(this.engine, () => {
        if (c.state !== 'idle' || c.idleSinceUs + this.idleTimeout(c) > this.engine.now) return;
        c.close('idle-timeout');
        this.idleTimers.delete(c);
        const p = this.hostPool(c.host);
        const i = p.conns.indexOf(c);
        if (i >= 0) p.conns.splice(i, 1);
      });
      this.idleTimers.set(c, timer);
    }
    timer.set(this.idleTimeout(c));
  }

  /** How long `c` may stay idle (µs): shorter while it has carried no request. */
  private idleTimeout(c: ClientConn): number {
    return c.requestsSent > 0
      ? this.idleTimeoutUs
      : Math.min(this.idleTimeoutUs, UNUSED_IDLE_TIMEOUT_US);
  }

  private emit(
    step: RequestStep,
    r: BrowserRequest,
    attempt: number,
    conn?: number,
    extra?: {
      reused?: boolean;
      bytes?: number;
      error?: RequestError;
      stream?: number;
      head?: readonly string[];
    },
  ): void {
    // Summary traces need only when a request was wanted and how it ended.
    if (!this.trace.detail && step !== 'queued' && step !== 'done' && step !== 'error') return;
    const t = usToMs(this.engine.now);
    const { id: requestId, path, host, method } = r;
    const followUp = !r.page;
    // The usual field sets as whole literals (fields added after a literal cost an allocation
    // and a slow store each), the rest added in the trace's order.
    let e: { -readonly [K in keyof RequestEvent]: RequestEvent[K] };
    if (conn === undefined)
      e = { type: 'request', t, step, requestId, path, host, method, attempt, followUp };
    else if (extra?.reused !== undefined)
      e = {
        type: 'request',
        t,
        step,
        requestId,
        path,
        host,
        method,
        attempt,
        followUp,
        conn,
        reused: extra.reused,
      };
    else if (extra?.bytes !== undefined)
      e = {
        type: 'request',
        t,
        step,
        requestId,
        path,
        host,
        method,
        attempt,
        followUp,
        conn,
        bytes: extra.bytes,
      };
    else e = { type: 'request', t, step, requestId, path, host, method, attempt, followUp, conn };
    if (extra !== undefined) {
      if (extra.reused !== undefined && e.reused === undefined) e.reused = extra.reused;
      if (extra.bytes !== undefined && e.bytes === undefined) e.bytes = extra.bytes;
      if (extra.error !== undefined) e.error = extra.error;
      if (extra.stream !== undefined) e.stream = extra.stream;
      if (extra.head !== undefined) e.head = extra.head;
    }
    this.trace.emitRequest(e);
  }
}
