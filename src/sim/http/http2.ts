/**
 * HTTP/2 over one byte stream (RFC 9113): one connection per origin carries concurrent streams
 * (client-initiated, odd ids 1, 3, 5, ...); each message is a HEADERS frame (HPACK header block)
 * followed by DATA frames of at most 16,384 bytes of payload (SETTINGS_MAX_FRAME_SIZE initial
 * value, RFC 9113 §4.2, §6.5.2), each with a 9-byte frame header (§4.1).
 *
 * Scheduling: the server keeps one queue per stream and sends frames round-robin, one frame per
 * stream in turn, control frames (SETTINGS, its ACK, GOAWAY) first. Frames are chosen as TCP
 * drains (the byte stream's frame source, `ByteStream.setFrameSource`): the socket holds at most
 * about one window of unsent frames, so a response that becomes ready interleaves with those
 * already being sent. Every frame still travels the one TCP byte stream, delivered in order: one
 * lost segment stalls every stream whose bytes follow it (TCP head-of-line blocking), recorded as
 * `stream-stall` events (`http2-frames.ts`).
 *
 * Not modelled: stream and connection flow control (browsers advertise windows of megabytes),
 * priorities, server push, connection coalescing, PING, RST_STREAM. Requests are written whole
 * (HEADERS, then DATA frames of a POST body) as they are issued. The client may open
 * `maxConcurrentStreams` streams from the start (the same value the server announces).
 * `server.maxRequestsPerConnection`, `server.pipelineProcessing` and
 * `server.resetAfterProcessing` apply to HTTP/1.x only: streams are processed concurrently.
 */
import type { Engine } from '../engine';
import { Timer } from '../engine';
import type { ByteStream, StreamHandler, StreamMessage } from '../stream';
import type { ConnReason, RequestError, TraceRecorder } from '../trace';
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
import { hpackBytes } from './header-size';
import {
  H2_FRAME_HEADER_BYTES,
  H2_GOAWAY_BYTES,
  H2_MAX_FRAME_PAYLOAD,
  H2_PREFACE_BYTES,
  H2_SETTINGS_BYTES,
  emitStalls,
  frameMessage,
  isFrame,
} from './http2-frames';

/**
 * Client side of one HTTP/2 connection: sends the preface and SETTINGS, opens a stream per
 * request (up to `maxConcurrentStreams` at once), matches response frames to streams by id.
 */
export class Http2ClientConn implements StreamHandler, ClientConn {
  /** Pool-level state ('busy' while any stream is open). */
  state: ClientConnState = 'connecting';
  /** Requests written on this connection so far. */
  requestsSent = 0;
  /** When it last became idle (no open stream). */
  idleSinceUs = 0;
  /** Open streams by id. */
  readonly streams = new Map<number, Attempt>();
  private nextStream = 1;
  private goaway = false;
  private lastWorkUs = 0;
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
    if (trace.detail)
      stream.setUnblockedListener((items, gap) =>
        emitStalls(engine, trace, id, 'client', items, gap),
      );
    this.stallTimer = new Timer(engine, () => this.onStallCheck());
    this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
  }

  /** True when a new stream may be opened now. */
  get canSend(): boolean {
    return (
      (this.state === 'idle' || this.state === 'busy') &&
      !this.goaway &&
      this.streams.size < (this.cfg.maxConcurrentStreams ?? 100)
    );
  }

  /** Transport (and TLS) ready: connection preface and SETTINGS, then ready for requests. */
  onOpen(): void {
    this.stream.write({
      ...frameMessage('SETTINGS', 0, H2_SETTINGS_BYTES - H2_FRAME_HEADER_BYTES),
      bytes: H2_PREFACE_BYTES + H2_SETTINGS_BYTES,
      label: 'preface, SETTINGS [0]',
    });
    this.becomeIdle();
  }

  /** Opens a stream for the request: HEADERS (END_STREAM unless a body follows), DATA for a body. */
  send(a: Attempt): void {
    const sid = this.nextStream;
    this.nextStream += 2;
    a.stream = sid;
    this.lastWorkUs = this.engine.now;
    if (!this.stallTimer.armed) this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
    const first = this.requestsSent === 0;
    this.requestsSent++;
    this.streams.set(sid, a);
    this.state = 'busy';
    const request: HttpRequestPayload = {
      http: 'request',
      requestId: a.requestId,
      attempt: a.attempt,
      method: a.method,
      path: a.path,
      host: a.host,
      resource: a.resource,
      keepAlive: true,
      followUp: a.followUp,
    };
    const block = hpackBytes(this.cfg.requestHeaderBytes, first, a.path);
    const label = `${a.method} ${a.path}`;
    this.stream.setAppPhase('active');
    let bytes = block;
    let left = a.bodyBytes;
    this.stream.write(
      frameMessage('HEADERS', sid, block, {
        end: left === 0,
        requestId: a.requestId,
        label,
        ...(left === 0 ? { request } : {}),
      }),
    );
    while (left > 0) {
      const n = Math.min(H2_MAX_FRAME_PAYLOAD, left);
      left -= n;
      bytes += n;
      this.stream.write(
        frameMessage('DATA', sid, n, {
          end: left === 0,
          requestId: a.requestId,
          label,
          ...(left === 0 ? { request } : {}),
        }),
      );
    }
    emitRequestStep(this.engine, this.trace, 'sent', a, this.id, { bytes, stream: sid });
  }

  /** Client-initiated close (idle timeout, eviction): GOAWAY, then FIN. */
  close(reason: ConnReason): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.write(frameMessage('GOAWAY', 0, H2_GOAWAY_BYTES - H2_FRAME_HEADER_BYTES));
    this.stream.close(reason);
  }

  /** The client's address changed: the socket is dead; open streams failed. */
  onAddressChange(): void {
    if (this.state === 'closed') return;
    const failed = [...this.streams.values()];
    this.streams.clear();
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.abandon('address-change');
    this.listener.onClosed(this, failed, 'connection-reset');
  }

  /** The first byte of a response HEADERS frame is the stream's first response byte. */
  onMessageStart(m: StreamMessage): void {
    const p = m.payload;
    if (!isFrame(p) || p.h2 !== 'HEADERS') return;
    const a = this.streams.get(p.stream);
    if (a === undefined || a.firstByte) return;
    a.firstByte = true;
    this.listener.onFirstByte(this, a);
  }

  /** A whole frame arrived: SETTINGS (acknowledged), GOAWAY, or part of a response. */
  onMessage(m: StreamMessage): void {
    const p = m.payload;
    if (!isFrame(p)) return;
    if (p.stream === 0) {
      if (p.h2 === 'SETTINGS' && !p.ack)
        this.stream.write(frameMessage('SETTINGS', 0, 0, { ack: true }));
      else if (p.h2 === 'GOAWAY') this.goaway = true;
      return;
    }
    const a = this.streams.get(p.stream);
    if (a === undefined) return;
    a.responseBytes += p.messageBytes;
    if (!p.end) return;
    this.streams.delete(p.stream);
    this.lastWorkUs = this.engine.now;
    this.listener.onDone(this, a);
    if (this.state === 'closed') return;
    if (this.streams.size > 0) {
      if (this.canSend) this.listener.onReady(this);
      return;
    }
    if (this.goaway) {
      this.state = 'retiring';
      this.stream.setAppPhase('closing', 'not-persistent');
      this.listener.onRetired(this);
    } else this.becomeIdle();
  }

  /** The server closed: every open stream failed; close our side. */
  onPeerFin(): void {
    this.fail(true, 'peer-closed');
  }

  /** RST or retransmission limit: every open stream failed. */
  onReset(reason: 'reset' | 'retransmit-limit'): void {
    this.fail(false, reason === 'reset' ? 'reset' : 'retransmit-limit');
  }

  private fail(fin: boolean, why: 'peer-closed' | 'reset' | 'retransmit-limit'): void {
    const failed: Attempt[] = [...this.streams.values()];
    this.streams.clear();
    let error: RequestError =
      why === 'peer-closed'
        ? 'connection-closed'
        : why === 'reset'
          ? 'connection-reset'
          : 'connection-timeout';
    if (fin && failed.some((a) => a.firstByte)) error = 'incomplete-response';
    const wasClosed = this.state === 'closed';
    this.state = 'closed';
    this.stallTimer.dispose();
    if (fin) this.stream.close('peer-closed');
    if (!wasClosed || failed.length > 0) this.listener.onClosed(this, failed, error);
  }

  /** Gives up on a connection that has received nothing for CLIENT_STALL_TIMEOUT_US while it had work. */
  private onStallCheck(): void {
    if (this.state !== 'connecting' && this.state !== 'busy') return;
    if (
      !stallDeadlinePassed(this.engine, this.stallTimer, this.stream.lastReceiveUs, this.lastWorkUs)
    )
      return;
    const failed = [...this.streams.values()];
    this.streams.clear();
    this.state = 'closed';
    this.stallTimer.dispose();
    this.stream.abort('retransmit-limit');
    this.listener.onClosed(this, failed, 'connection-timeout');
  }

  private becomeIdle(): void {
    this.state = 'idle';
    this.idleSinceUs = this.engine.now;
    this.stream.setAppPhase('idle');
    this.listener.onReady(this);
  }
}

/** A request stream on the server: the request, then its response frames as they are sent. */
interface ServerStream {
  readonly id: number;
  readonly p: HttpRequestPayload;
  /** Response header block (set when the response is ready). */
  headerBlock: number;
  headersSent: boolean;
  /** Response body bytes not yet framed. */
  left: number;
}

/**
 * Server side of one HTTP/2 connection: answers SETTINGS, processes every stream as soon as its
 * request is complete (concurrently), and sends ready responses' frames round-robin across
 * streams as TCP drains. Idle (no open stream) for the keep-alive timeout, it sends GOAWAY and
 * closes, like nginx's keepalive_timeout for HTTP/2 connections, lingering: what the client still
 * sends is read and discarded (no RST), so a request that crossed the GOAWAY fails cleanly at
 * the FIN and is retried on a new connection.
 */
export class Http2ServerConn implements StreamHandler, ServerConn {
  /** Current state. */
  state: ServerConnState = 'waiting';
  /** Responses fully framed so far. */
  served = 0;
  /** False while the connection waits in the listen backlog (requests are held). */
  accepted = true;
  private readonly open = new Map<number, ServerStream>();
  private readonly held: ServerStream[] = [];
  private readonly control: StreamMessage[] = [];
  private readonly ready: ServerStream[] = [];
  private readyHead = 0;
  private responsesStarted = 0;
  private readonly keepAliveTimer: Timer;

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
    stream.lingerOnClose();
    if (trace.detail)
      stream.setUnblockedListener((items, gap) =>
        emitStalls(engine, trace, id, 'server', items, gap),
      );
    this.keepAliveTimer = keepAliveTimer(
      engine,
      stream,
      policy,
      () => this.state === 'waiting',
      () => {
        this.finish();
        // GOAWAY rides with the FIN.
        const goaway = frameMessage('GOAWAY', 0, H2_GOAWAY_BYTES - H2_FRAME_HEADER_BYTES);
        this.stream.close('keep-alive-timeout', goaway);
      },
    );
  }

  /** Connection ready: install the frame scheduler and send SETTINGS. */
  onOpen(): void {
    this.state = 'waiting';
    this.stream.setFrameSource(() => this.pull());
    this.control.push(frameMessage('SETTINGS', 0, H2_SETTINGS_BYTES - H2_FRAME_HEADER_BYTES));
    this.stream.setAppPhase('idle');
    this.policy.observe?.(this, 'open');
    this.stream.kick();
  }

  /** A worker (or slot) took this connection from the backlog: start held requests. */
  accept(): void {
    if (this.accepted) return;
    this.accepted = true;
    if (this.state === 'closed') return;
    for (const s of this.held.splice(0)) this.start(s);
  }

  /** Nothing to do on a frame's first byte. */
  onMessageStart(): void {}

  /** A whole frame arrived: SETTINGS (acknowledged), or the last frame of a request. */
  onMessage(m: StreamMessage): void {
    const p = m.payload;
    if (!isFrame(p) || this.state === 'closed') return;
    if (p.stream === 0) {
      if (p.h2 === 'SETTINGS' && !p.ack) {
        this.control.push(frameMessage('SETTINGS', 0, 0, { ack: true }));
        this.stream.kick();
      }
      return;
    }
    if (!p.end || p.request === undefined) return;
    const s: ServerStream = {
      id: p.stream,
      p: p.request,
      headerBlock: 0,
      headersSent: false,
      left: 0,
    };
    this.open.set(s.id, s);
    this.keepAliveTimer.cancel();
    this.emit('server-received', s);
    this.state = 'processing';
    this.stream.setAppPhase('active');
    this.policy.observe?.(this, 'active');
    if (this.accepted) this.start(s);
    else this.held.push(s);
  }

  /** The client closed: close too. */
  onPeerFin(): void {
    this.keepAliveTimer.cancel();
    this.finish();
    this.stream.close('peer-closed');
  }

  /** Reset: forget everything. */
  onReset(): void {
    this.keepAliveTimer.cancel();
    this.finish();
  }

  private start(s: ServerStream): void {
    this.emit('server-start', s);
    this.policy.process(s.p.resource, () => {
      if (this.state === 'closed') return;
      this.emit('server-end', s);
      s.headerBlock = hpackBytes(this.cfg.responseHeaderBytes, this.responsesStarted === 0);
      this.responsesStarted++;
      s.left = this.policy.bodyBytes(s.p.resource);
      this.ready.push(s);
      this.stream.kick();
    });
  }

  /**
   * The frame scheduler (the byte stream's frame source): control frames first, then one frame
   * per ready stream in turn; undefined when nothing is ready.
   */
  private pull(): StreamMessage | undefined {
    if (this.state === 'closed') return undefined;
    const ctl = this.control.shift();
    if (ctl !== undefined) return ctl;
    if (this.readyHead >= this.ready.length) return undefined;
    const s = this.ready[this.readyHead++] as ServerStream;
    const label = `200 OK ${s.p.path}`;
    const rid = s.p.requestId;
    let frame: StreamMessage;
    if (!s.headersSent) {
      s.headersSent = true;
      frame = frameMessage('HEADERS', s.id, s.headerBlock, {
        end: s.left === 0,
        requestId: rid,
        label,
      });
    } else {
      const n = Math.min(H2_MAX_FRAME_PAYLOAD, s.left);
      s.left -= n;
      frame = frameMessage('DATA', s.id, n, { end: s.left === 0, requestId: rid, label });
    }
    if (s.left > 0 || !s.headersSent) this.ready.push(s);
    else this.streamDone(s);
    if (this.readyHead > 64 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead);
      this.readyHead = 0;
    }
    return frame;
  }

  private streamDone(s: ServerStream): void {
    this.open.delete(s.id);
    this.served++;
    if (this.open.size > 0) return;
    this.state = 'waiting';
    this.stream.setAppPhase('idle');
    this.keepAliveTimer.set(this.policy.keepAliveTimeoutUs);
    this.policy.observe?.(this, 'idle');
  }

  private finish(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.open.clear();
    this.held.length = 0;
    this.ready.length = 0;
    this.readyHead = 0;
    this.policy.observe?.(this, 'closed');
  }

  private emit(step: 'server-received' | 'server-start' | 'server-end', s: ServerStream): void {
    emitRequestStep(this.engine, this.trace, step, s.p, this.id, { stream: s.id });
  }
}
