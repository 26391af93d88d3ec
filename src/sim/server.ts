/**
 * The server model: accepts connections (optionally under TLS), runs HTTP/1.x on each, and owns
 * the processing-time policy (per object, serial per connection) and the worker model:
 *
 * - `unlimited` (default): every connection is served at once; nothing is tracked or emitted
 *   unless a workload asks for it, so default traces are unchanged.
 * - `threaded` (Apache prefork style): an open connection holds a worker from the moment its
 *   handshake completes until it is closed, whether it is serving or idle in keep-alive; after
 *   the server closes its side, the worker waits for the client's FIN (lingering close, below).
 *   With every worker taken, established connections wait in the listen backlog (the accept
 *   queue); their requests are held until a worker frees. With the backlog full, new SYNs are
 *   dropped, as Linux does when a listen socket's accept queue is full (net/ipv4/tcp_input.c,
 *   tcp_conn_request: `sk_acceptq_is_full` -> drop; the default tcp_abort_on_overflow = 0 sends
 *   no RST), so the client retransmits its SYN with RTO backoff (1 s, 2 s, 4 s, ...) and gives up
 *   after `tcp.synRetries` retransmissions. Handshakes in progress (SYN_RECEIVED) that will find
 *   no free worker count against the backlog with the established connections waiting in it, so
 *   the two together never exceed it (Linux keeps them in separate queues and also drops the
 *   final ACK when the accept queue is full; one shared limit is the simplification).
 * - `event` (nginx style): idle connections hold no worker, only memory; the cap is on open
 *   connections (`maxConnections`, nginx worker_connections), with the same backlog behind it.
 *
 * Memory estimates use the constants below (illustrative, see each).
 */
import type { Engine, Micros } from './engine';
import { msToUs, usToMs } from './engine';
import type {
  HttpConfig,
  PipelineProcessing,
  Resource,
  ServerConn,
  ServerPolicy,
} from './http/common';
import { Http1ServerConn } from './http/http1';
import { Http2ServerConn } from './http/http2';
import { Http3ServerConn } from './http/http3';
import type { QuicEndpoint } from './quic';
import type { ByteStream } from './stream';
import type { TcpEndpoint } from './tcp';
import { TlsSession } from './tls';
import type { ServerEventReason, TcpState, TlsVersion, TraceRecorder } from './trace';

/**
 * Longest time a worker waits for the client to close after the server closed its side
 * (Apache httpd: `SECONDS_TO_LINGER`, 2 s, in server/connection.c, `ap_lingering_close`).
 */
export const LINGER_MS = 2000;

/** Worker models (see the file comment). */
export type ServerModel = 'unlimited' | 'threaded' | 'event';

/**
 * Resident memory of one threaded worker (bytes). Illustrative: an Apache prefork child is
 * commonly 1-10 MB RSS (more with mod_php); 5 MiB is a middle value, not a measurement.
 */
export const THREADED_WORKER_BYTES = 5 * 1024 * 1024;

/**
 * Memory of one idle keep-alive connection in the event model (bytes): nginx.org states that
 * 10,000 inactive HTTP keep-alive connections take about 2.5 MB, i.e. about 256 bytes each
 * (user space only; kernel socket buffers come on top).
 */
export const EVENT_IDLE_CONNECTION_BYTES = 256;

/**
 * Memory of one active connection in the event model (bytes). Illustrative: request and
 * response buffers of a few KB each (nginx client_header_buffer_size 1k, output buffers
 * 32k by default when used); 16 KiB is a round middle value.
 */
export const EVENT_ACTIVE_CONNECTION_BYTES = 16 * 1024;

/** Server configuration in interface units. */
export interface ServerConfig {
  readonly keepAliveTimeoutMs: number;
  readonly maxRequestsPerConnection: number;
  /** HTTP/1.x: reset each connection after processing its Nth request (0 = never; absent = 0). */
  readonly resetAfterProcessing?: number;
  readonly pipelineProcessing: PipelineProcessing;
  /** Worker model (absent = 'unlimited'). */
  readonly model?: ServerModel;
  /** Threaded: worker count (Apache prefork MaxRequestWorkers). */
  readonly workers?: number;
  /** Listen backlog (accept queue) length (Apache ListenBacklog). */
  readonly backlog?: number;
  /** Event: cap on open connections (nginx worker_connections). */
  readonly maxConnections?: number;
  /** Track resources and emit `server` trace events (on for workloads and non-default models). */
  readonly track?: boolean;
  /** Keep every accepted connection in `conns` (default true; a workload says false to save memory). */
  readonly retainConnections?: boolean;
}

type Slot = 'queued' | 'busy' | 'idle';

/** A server socket holds a file descriptor from SYN_RECEIVED until it closes or enters TIME_WAIT. */
function holdsFd(s: TcpState): boolean {
  return s !== 'LISTEN' && s !== 'CLOSED' && s !== 'TIME_WAIT';
}

/** An origin server reachable under several hostnames (shards share one machine). */
export class Server implements ServerPolicy {
  /** Connections accepted so far. */
  readonly conns: ServerConn[] = [];
  /** Keep-alive timeout in engine units. */
  readonly keepAliveTimeoutUs: Micros;
  /** Requests per connection before closing (0 = unlimited). */
  readonly maxRequestsPerConnection: number;
  /** HTTP/1.x: the request after whose processing a connection is reset (0 = never). */
  readonly resetAfterProcessing: number;
  /** Serial or parallel processing of pipelined requests. */
  readonly pipelineProcessing: PipelineProcessing;
  /** Worker model. */
  readonly model: ServerModel;
  /** Workers (threaded) or connection slots (event); Infinity when unlimited. */
  readonly capacity: number;
  private readonly backlogLimit: number;
  private readonly track: boolean;
  private readonly slots = new Map<ServerConn, Slot>();
  private readonly queue: ServerConn[] = [];
  private queueHead = 0;
  /** Connections holding a worker/slot while serving (or reading a request). */
  busy = 0;
  /** Connections holding a worker/slot while idle in keep-alive. */
  idle = 0;
  /** Established connections waiting in the backlog. */
  queued = 0;
  /** Handshakes in progress (SYN_RECEIVED): they count against the backlog too. */
  private handshaking = 0;
  /** Server sockets holding a file descriptor. */
  fds = 0;
  /** Server sockets in TIME_WAIT. */
  timeWait = 0;
  /** SYNs dropped because the backlog was full. */
  refused = 0;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly http: HttpConfig,
    private readonly tls: TlsVersion,
    private readonly cfg: ServerConfig,
  ) {
    this.keepAliveTimeoutUs = msToUs(cfg.keepAliveTimeoutMs);
    this.maxRequestsPerConnection = cfg.maxRequestsPerConnection;
    this.resetAfterProcessing = cfg.resetAfterProcessing ?? 0;
    this.pipelineProcessing = cfg.pipelineProcessing;
    this.model = cfg.model ?? 'unlimited';
    this.capacity =
      this.model === 'threaded'
        ? (cfg.workers ?? Infinity)
        : this.model === 'event'
          ? (cfg.maxConnections ?? Infinity)
          : Infinity;
    this.backlogLimit = cfg.backlog ?? Infinity;
    this.track = (cfg.track ?? false) || this.model !== 'unlimited';
  }

  /** Accepts a new connection on its (LISTEN) server endpoint. */
  accept(tcp: TcpEndpoint): ServerConn {
    const stream: ByteStream =
      this.tls === 'none' ? tcp : new TlsSession(this.engine, this.trace, tcp, this.tls);
    const c: ServerConn =
      this.http.version === '2'
        ? new Http2ServerConn(this.engine, this.trace, this.http, tcp.conn, stream, this)
        : new Http1ServerConn(this.engine, this.trace, this.http, tcp.conn, stream, this);
    if (this.cfg.retainConnections ?? true) this.conns.push(c);
    if (this.track) {
      tcp.onStateChange((ep, from, to) => this.onTcpState(c, from, to, ep.fastOpened));
      if (this.model !== 'unlimited') {
        c.accepted = false;
        tcp.setAdmission(() => this.admit(c));
      }
    }
    return c;
  }

  /**
   * Accepts a QUIC connection (HTTP/3). The worker models count it from the end of its handshake
   * until it is gone; no file descriptors, TIME_WAIT or backlog apply (one UDP socket).
   */
  acceptQuic(ep: QuicEndpoint): ServerConn {
    const c = new Http3ServerConn(this.engine, this.trace, this.http, ep.conn, ep, this);
    if (this.cfg.retainConnections ?? true) this.conns.push(c);
    if (this.track) {
      if (this.model !== 'unlimited') c.accepted = false;
      ep.onStateChange((_ep, _from, to) => {
        // The handshake completed: take a worker; the connection is gone: free it.
        if (to === 'CONNECTED') this.acquire(c);
        else if (to === 'CLOSING' || to === 'DRAINING' || to === 'CLOSED') this.release(c);
      });
    }
    return c;
  }

  /** A SYN reached the listen socket: admit it unless the backlog is full. */
  private admit(c: ServerConn): boolean {
    // The handshakes in progress, this one included, that will find no free worker when they
    // complete and so need a place in the backlog (with a worker free, one needs none: backlog
    // 0 still lets a connection through to an idle worker).
    const free = this.capacity - this.busy - this.idle;
    const needPlace = Math.max(0, this.handshaking + 1 - free);
    if (this.queued + needPlace <= this.backlogLimit) return true;
    this.refused++;
    this.emit('syn-dropped', c.id);
    return false;
  }

  /**
   * A server socket changed state. `fastOpen`: it accepted Fast Open data with the SYN, so it
   * went to the accept queue at once (Linux `tcp_fastopen_create_child`) and takes its worker
   * on entering SYN_RECEIVED, not when the handshake completes.
   */
  private onTcpState(c: ServerConn, from: TcpState, to: TcpState, fastOpen: boolean): void {
    if (!fastOpen && to === 'SYN_RECEIVED') this.handshaking++;
    else if (!fastOpen && from === 'SYN_RECEIVED') this.handshaking--;
    let changed = false;
    if (holdsFd(to) && !holdsFd(from)) {
      this.fds++;
      changed = true;
    } else if (!holdsFd(to) && holdsFd(from)) {
      this.fds--;
      changed = true;
    }
    if (to === 'TIME_WAIT') {
      this.timeWait++;
      changed = true;
    } else if (from === 'TIME_WAIT') {
      this.timeWait--;
      changed = true;
    }
    if (fastOpen ? to === 'SYN_RECEIVED' : to === 'ESTABLISHED' && from === 'SYN_RECEIVED') {
      if (changed) this.emit('socket', c.id);
      this.acquire(c);
      return;
    }
    if ((to === 'CLOSED' || to === 'TIME_WAIT') && this.slots.has(c)) this.release(c);
    if (changed) this.emit('socket', c.id);
  }

  /** The handshake completed: take a worker/slot, or wait in the backlog. */
  private acquire(c: ServerConn): void {
    if (this.busy + this.idle < this.capacity) {
      this.slots.set(c, 'busy');
      this.busy++;
      c.accept();
      this.emit('accepted', c.id);
      return;
    }
    this.slots.set(c, 'queued');
    this.queue.push(c);
    this.queued++;
    this.emit('queued', c.id);
  }

  private release(c: ServerConn): void {
    const slot = this.slots.get(c);
    if (slot === undefined) return;
    this.slots.delete(c);
    if (slot === 'queued') {
      this.queued--;
      this.emit('released', c.id);
      return;
    }
    if (slot === 'busy') this.busy--;
    else this.idle--;
    this.emit('released', c.id);
    while (this.queued > 0 && this.busy + this.idle < this.capacity) {
      const next = this.queue[this.queueHead++] as ServerConn;
      if (this.slots.get(next) !== 'queued') continue;
      this.queued--;
      this.slots.set(next, 'busy');
      this.busy++;
      next.accept();
      this.emit('accepted', next.id);
    }
    if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
  }

  /** HTTP-level changes of a connection (see `ServerPolicy.observe`). */
  observe(c: ServerConn, what: 'open' | 'active' | 'idle' | 'closed'): void {
    if (!this.track) return;
    const slot = this.slots.get(c);
    if (what === 'closed') {
      this.linger(c, slot);
      return;
    }
    if (what === 'active' && slot === 'idle') {
      this.idle--;
      this.busy++;
      this.slots.set(c, 'busy');
      this.emit('active', c.id);
    } else if (what === 'idle' && slot === 'busy') {
      this.busy--;
      this.idle++;
      this.slots.set(c, 'idle');
      this.emit('idle', c.id);
    }
  }

  /**
   * The server has closed its side: a worker (or slot) stays with the connection until the
   * client's FIN arrives (the socket reaches TIME_WAIT or CLOSED), at most
   * `LINGER_MS`, as Apache's lingering close does; a connection still in the backlog is dropped
   * at once.
   */
  private linger(c: ServerConn, slot: Slot | undefined): void {
    if (slot === undefined) return;
    if (slot === 'queued') {
      this.release(c);
      return;
    }
    if (slot === 'idle') {
      this.idle--;
      this.busy++;
      this.slots.set(c, 'busy');
      this.emit('active', c.id);
    }
    this.engine.schedule(msToUs(LINGER_MS), () => this.release(c));
  }

  /** Estimated server memory in bytes (see the constants above). */
  get memoryBytes(): number {
    if (this.model === 'event')
      return this.busy * EVENT_ACTIVE_CONNECTION_BYTES + this.idle * EVENT_IDLE_CONNECTION_BYTES;
    return (this.busy + this.idle) * THREADED_WORKER_BYTES;
  }

  private emit(reason: ServerEventReason, conn: number): void {
    this.trace.emit({
      type: 'server',
      t: usToMs(this.engine.now),
      reason,
      conn,
      busy: this.busy,
      idle: this.idle,
      free: this.capacity === Infinity ? null : this.capacity - this.busy - this.idle,
      backlog: this.queued,
      fds: this.fds,
      timeWait: this.timeWait,
      memoryBytes: this.memoryBytes,
      refused: this.refused,
    });
  }

  /** Runs `done` after the processing time of a resource. */
  process(resource: Resource, done: () => void): void {
    const ms = resource.processingMs;
    if (ms <= 0) done();
    else this.engine.schedule(msToUs(ms), done);
  }

  /** Response body bytes of a resource. */
  bodyBytes(resource: Resource): number {
    return resource.bodyBytes;
  }
}
