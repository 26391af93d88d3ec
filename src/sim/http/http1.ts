/**
 * HTTP/0.9, 1.0 and 1.1 over one byte stream: message sizes and labels, the persistence rules
 * (RFC 9112 §9.3, RFC 2068 §19.7.1), and the per-connection client and server state machines.
 * The pool and page logic live in browser.ts; processing time lives in server.ts.
 */
import type { Engine } from '../engine';
import { Timer } from '../engine';
import type { HttpVersion } from '../scenario';
import type { AppPhase, ByteStream, StreamHandler, StreamMessage } from '../stream';
import type { ConnReason, HttpMethod, RequestError, TraceRecorder } from '../trace';
import type {
  Attempt,
  ClientConn,
  ClientConnListener,
  ClientConnState,
  HttpConfig,
  HttpRequestPayload,
  ServerConn,
  ServerConnState,
  ServerPolicy,
} from './common';
import {
  CLIENT_STALL_TIMEOUT_US,
  emitRequestStep,
  keepAliveTimer,
  stallDeadlinePassed,
} from './common';
import { requestHead, responseHead } from './heads';

/** An HTTP response message's meaning. */
export interface HttpResponsePayload {
  readonly http: 'response';
  readonly requestId: number;
  /** The server will close after this response (Connection: close, or HTTP/1.0 without keep-alive, or 0.9). */
  readonly close: boolean;
  readonly bytes: number;
  /** The head's lines as written (1.x, detailed traces only; `heads.ts`). */
  readonly head?: readonly string[];
}

/** Bytes of a request message: "GET /path\r\n" for 0.9, header block + body for 1.x. */
export function requestBytes(
  cfg: HttpConfig,
  method: HttpMethod,
  path: string,
  bodyBytes: number,
): number {
  if (cfg.version === '0.9') return `${method} ${path}\r\n`.length;
  return cfg.requestHeaderBytes + bodyBytes;
}

/** Bytes of a response message: body only for 0.9, header block + body for 1.x. */
export function responseBytes(cfg: HttpConfig, bodyBytes: number): number {
  return cfg.version === '0.9' ? bodyBytes : cfg.responseHeaderBytes + bodyBytes;
}

/**
 * Whether the server keeps the connection open after answering (RFC 9112 §9.3): 0.9 never;
 * 1.0 only if the request carried Connection: Keep-Alive (the length is always known here:
 * responses carry Content-Length); 1.1 unless the request said Connection: close. A server
 * at its per-connection request limit closes anyway.
 */
export function serverPersists(
  version: HttpVersion,
  requestKeepAlive: boolean,
  limitReached: boolean,
): boolean {
  if (limitReached || version === '0.9') return false;
  return requestKeepAlive;
}

/**
 * Client side of one HTTP/1.x connection: sends requests (pipelined or not), matches responses
 * in order, and notices when the server closes (FIN or RST) with requests still unanswered.
 */
export class Http1ClientConn implements StreamHandler, ClientConn {
  /** Pool-level state. */
  state: ClientConnState = 'connecting';
  /** Requests sent and not yet answered, in order. */
  readonly outstanding: Attempt[] = [];
  /** Requests written on this connection so far. */
  requestsSent = 0;
  /** Still usable for new requests. */
  reusable = true;
  /** When it last became idle (for LRU eviction and the idle timer). */
  idleSinceUs = 0;
  /** Incremented whenever the connection leaves idle (invalidates idle timers). */
  idleEpoch = 0;

  private readonly stallTimer: Timer;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly cfg: HttpConfig,
    /** Connection id. */
    readonly id: number,
    /** Hostname. */
    readonly host: string,
    private readonly stream: ByteStream,
    private readonly listener: ClientConnListener,
  ) {
    stream.setHandler(this);
    this.stallTimer = new Timer(engine, () => this.onStallCheck());
    this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
  }

  /** Gives up on a connection that has received nothing for CLIENT_STALL_TIMEOUT_US while it had work. */
  private onStallCheck(): void {
    if (this.state !== 'connecting' && this.state !== 'busy') return;
    if (
      !stallDeadlinePassed(this.engine, this.stallTimer, this.stream.lastReceiveUs, this.lastWorkUs)
    )
      return;
    const failed = this.outstanding.splice(0);
    this.idleEpoch++;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.abort('retransmit-limit');
    this.listener.onClosed(this, failed, 'connection-timeout');
  }

  private lastWorkUs = 0;

  /** True when the connection can take another request right now. */
  get canSend(): boolean {
    return (
      this.state === 'idle' ||
      (this.state === 'busy' &&
        this.cfg.pipelining &&
        this.reusable &&
        this.outstanding.every((a) => a.method !== 'POST'))
    );
  }

  /** Transport (and TLS) ready: idle until the pool gives it a request. */
  onOpen(): void {
    this.becomeIdle();
  }

  /** Writes a request on the connection. */
  send(a: Attempt): void {
    this.idleEpoch++;
    this.lastWorkUs = this.engine.now;
    if (!this.stallTimer.armed) this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
    this.requestsSent++;
    this.outstanding.push(a);
    this.state = 'busy';
    const payload: HttpRequestPayload = {
      http: 'request',
      requestId: a.requestId,
      attempt: a.attempt,
      method: a.method,
      path: a.path,
      host: a.host,
      resource: a.resource,
      keepAlive: this.cfg.keepAlive,
      followUp: a.followUp,
    };
    if (!this.cfg.keepAlive) this.reusable = false;
    const bytes = requestBytes(this.cfg, a.method, a.path, a.bodyBytes);
    this.stream.setAppPhase('active');
    this.stream.write({
      bytes,
      kind: 'DATA',
      label: `${a.method} ${a.path}`,
      requestIds: [a.requestId],
      payload,
    });
    const extra: { bytes: number; head?: readonly string[] } = { bytes };
    if (this.cfg.version !== '0.9' && this.trace.detail)
      extra.head = requestHead({
        version: this.cfg.version,
        method: a.method,
        path: a.path,
        host: a.host,
        keepAlive: this.cfg.keepAlive,
        bodyBytes: a.bodyBytes,
        requestId: a.requestId,
        size: this.cfg.requestHeaderBytes,
      }).lines;
    emitRequestStep(this.engine, this.trace, 'sent', a, this.id, extra);
  }

  /** Client-initiated close (idle timeout, eviction): FIN, TIME_WAIT on this side later. */
  close(reason: ConnReason): void {
    if (this.state === 'closed') return;
    this.idleEpoch++;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.close(reason);
  }

  /** The client's address changed: the socket is dead; outstanding requests failed. */
  onAddressChange(): void {
    if (this.state === 'closed') return;
    const failed = this.outstanding.splice(0);
    this.idleEpoch++;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.abandon('address-change');
    this.listener.onClosed(this, failed, 'connection-reset');
  }

  /** First response byte for the oldest outstanding request. */
  onMessageStart(): void {
    const a = this.outstanding[0];
    if (a === undefined || a.firstByte) return;
    a.firstByte = true;
    this.listener.onFirstByte(this, a);
  }

  /** A whole response arrived (1.x has a Content-Length; 0.9 ends at the FIN). */
  onMessage(m: StreamMessage): void {
    const p = m.payload as HttpResponsePayload;
    const a = this.outstanding[0];
    if (a === undefined) return;
    a.responseBytes = m.bytes;
    if (p.head !== undefined) a.responseHead = p.head;
    if (this.cfg.version === '0.9') return;
    this.outstanding.shift();
    if (p.close) this.reusable = false;
    this.listener.onDone(this, a);
    if (this.outstanding.length > 0 || this.state === 'closed') return;
    if (this.reusable) this.becomeIdle();
    else {
      this.state = 'retiring';
      this.stream.setAppPhase('closing', 'not-persistent');
      this.listener.onRetired(this);
    }
  }

  /** The server closed: finish a close-delimited (0.9) response, fail the rest, close our side. */
  onPeerFin(): void {
    const failed: Attempt[] = [];
    let error: RequestError = 'connection-closed';
    while (this.outstanding.length > 0) {
      const a = this.outstanding.shift() as Attempt;
      if (this.cfg.version === '0.9' && a.responseBytes > 0) {
        this.listener.onDone(this, a);
        continue;
      }
      if (a.firstByte) error = 'incomplete-response';
      failed.push(a);
    }
    const wasClosed = this.state === 'closed';
    this.idleEpoch++;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.close('peer-closed');
    if (!wasClosed) this.listener.onClosed(this, failed, error);
  }

  /** RST or retransmission limit: every outstanding request failed. */
  onReset(reason: 'reset' | 'retransmit-limit'): void {
    const failed = this.outstanding.splice(0);
    const wasClosed = this.state === 'closed';
    this.idleEpoch++;
    this.state = 'closed';
    this.stallTimer.dispose();
    if (!wasClosed || failed.length > 0)
      this.listener.onClosed(
        this,
        failed,
        reason === 'reset' ? 'connection-reset' : 'connection-timeout',
      );
  }

  private becomeIdle(): void {
    this.state = 'idle';
    this.idleSinceUs = this.engine.now;
    this.idleEpoch++;
    this.stream.setAppPhase('idle');
    this.listener.onReady(this);
  }
}

/**
 * Server side of one HTTP/1.x connection: queues requests (pipelined ones too), processes them
 * serially (or in parallel, RFC 9112 §9.3.2), writes responses in request order, closes when
 * persistence ends (Connection: close, HTTP/1.0 without keep-alive, 0.9, request limit) or when
 * idle for the keep-alive timeout, and resets it after processing its Nth request when
 * `resetAfterProcessing` is N.
 */
export class Http1ServerConn implements StreamHandler, ServerConn {
  /** Current state. */
  state: ServerConnState = 'waiting';
  /** Requests answered so far. */
  served = 0;
  /** Requests processed so far (answered or not). */
  private processed = 0;
  /**
   * False while the connection waits in the listen backlog for a worker or a connection slot:
   * requests that arrive are held (the kernel has them) until the server model calls `accept()`.
   */
  accepted = true;
  /** Requests received and not yet answered, in arrival (= response) order. */
  private readonly jobs: { readonly p: HttpRequestPayload; started: boolean; ready: boolean }[] =
    [];
  private readonly keepAliveTimer: Timer;
  private closing = false;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly cfg: HttpConfig,
    /** Connection id. */
    readonly id: number,
    private readonly stream: ByteStream,
    private readonly policy: ServerPolicy,
  ) {
    stream.setHandler(this);
    this.keepAliveTimer = keepAliveTimer(
      engine,
      stream,
      policy,
      () => this.state === 'waiting',
      () => {
        this.finish();
        this.stream.close('keep-alive-timeout');
      },
    );
  }

  /**
   * Connection ready: wait for the first request. As in Apache, the keep-alive timeout only
   * applies between requests (the first one is not timed here; the client's idle timeout
   * closes a connection it never uses).
   */
  onOpen(): void {
    this.state = 'waiting';
    this.setPhase('idle');
    this.policy.observe?.(this, 'open');
  }

  /** A worker (or connection slot) took this connection from the backlog: start held requests. */
  accept(): void {
    if (this.accepted) return;
    this.accepted = true;
    if (this.state !== 'closed' && this.jobs.length > 0) this.startJobs();
  }

  /** Nothing to do on a request's first byte. */
  onMessageStart(): void {}

  /** A whole request arrived: queue it and start what the processing model allows. */
  onMessage(m: StreamMessage): void {
    const p = m.payload as HttpRequestPayload;
    if (p.http !== 'request' || this.closing) return;
    this.keepAliveTimer.cancel();
    this.jobs.push({ p, started: false, ready: false });
    this.emit('server-received', p);
    this.state = 'processing';
    this.setPhase('active');
    this.policy.observe?.(this, 'active');
    this.startJobs();
  }

  /** The client closed: close too (no TIME_WAIT here: the client closed first). */
  onPeerFin(): void {
    this.keepAliveTimer.cancel();
    if (this.state === 'processing') {
      this.closing = true;
      return;
    }
    this.finish();
    this.stream.close('peer-closed');
  }

  /** Reset: forget everything. */
  onReset(): void {
    this.keepAliveTimer.cancel();
    this.finish();
  }

  private finish(): void {
    this.state = 'closed';
    this.closing = true;
    this.jobs.length = 0;
    this.policy.observe?.(this, 'closed');
  }

  private setPhase(p: AppPhase): void {
    this.stream.setAppPhase(p);
  }

  /** Serial: only the oldest request is processed; parallel: every received one. */
  private startJobs(): void {
    if (!this.accepted) return;
    const parallel = this.policy.pipelineProcessing === 'parallel';
    for (const job of this.jobs) {
      if (!job.started) {
        job.started = true;
        this.emit('server-start', job.p);
        this.policy.process(job.p.resource, () => {
          if (this.state === 'closed') return;
          if (++this.processed === this.policy.resetAfterProcessing) {
            this.resetAfterProcessing(job.p);
            return;
          }
          job.ready = true;
          this.emit('server-end', job.p);
          this.writeReady();
        });
      }
      if (!parallel) break;
    }
  }

  /**
   * The request has been processed (its effects are done) but the server resets the connection
   * instead of answering, as a worker that dies (crash, OOM kill, a supervisor's timeout) after
   * doing the work: the client sees RST before any response byte and cannot tell whether the
   * request ran (`server.resetAfterProcessing`).
   */
  private resetAfterProcessing(p: HttpRequestPayload): void {
    this.emit('server-reset', p);
    this.keepAliveTimer.cancel();
    this.finish();
    this.stream.abort('reset-after-processing');
  }

  /** Writes ready responses in request order (a ready one waits for those before it). */
  private writeReady(): void {
    while (this.jobs.length > 0 && this.jobs[0]?.ready === true) {
      const job = this.jobs.shift();
      if (job === undefined || !this.respond(job.p)) return;
    }
    if (this.jobs.length > 0) this.startJobs();
    else this.goIdle();
  }

  /** Writes one response; returns false when the connection closes after it. */
  private respond(p: HttpRequestPayload): boolean {
    this.served++;
    const limit = this.policy.maxRequestsPerConnection;
    const limitReached = limit > 0 && this.served >= limit;
    // A keep-alive timeout of 0 is keep-alive off (nginx `keepalive_timeout 0`): every response
    // says Connection: close, so no client sends a request into a connection about to close.
    const keepAliveOff = this.policy.keepAliveTimeoutUs === 0;
    const persist =
      serverPersists(this.cfg.version, p.keepAlive, limitReached) && !this.closing && !keepAliveOff;
    const body = this.policy.bodyBytes(p.resource);
    const bytes = responseBytes(this.cfg, body);
    const payload: { -readonly [K in keyof HttpResponsePayload]: HttpResponsePayload[K] } = {
      http: 'response',
      requestId: p.requestId,
      close: !persist,
      bytes,
    };
    if (this.cfg.version !== '0.9' && this.trace.detail)
      payload.head = responseHead({
        version: this.cfg.version,
        path: p.path,
        method: p.method,
        bodyBytes: body,
        close: !persist,
        keepAliveTimeoutMs: this.policy.keepAliveTimeoutUs / 1000,
        remaining: limit > 0 ? limit - this.served : undefined,
        requestKeepAlive: p.keepAlive,
        requestId: p.requestId,
        size: this.cfg.responseHeaderBytes,
      }).lines;
    const label = this.cfg.version === '0.9' ? `body ${p.path}` : `200 OK ${p.path}`;
    this.stream.write({ bytes, kind: 'DATA', label, requestIds: [p.requestId], payload });
    if (persist) return true;
    const reason: ConnReason = limitReached
      ? 'max-requests'
      : this.closing
        ? 'peer-closed'
        : 'not-persistent';
    this.finish();
    this.stream.close(reason);
    return false;
  }

  private goIdle(): void {
    this.state = 'waiting';
    this.setPhase('idle');
    this.keepAliveTimer.set(this.policy.keepAliveTimeoutUs);
    this.policy.observe?.(this, 'idle');
  }

  private emit(
    step: 'server-received' | 'server-start' | 'server-end' | 'server-reset',
    p: HttpRequestPayload,
  ): void {
    emitRequestStep(this.engine, this.trace, step, p, this.id);
  }
}
