/**
 * HTTP/2 over one byte stream (RFC 9113): one connection per origin carries concurrent streams
 * (client-initiated, odd ids 1, 3, 5, ...); each message is a HEADERS frame (HPACK header block)
 * followed by DATA frames of at most 16,384 bytes of payload (SETTINGS_MAX_FRAME_SIZE initial
 * value, RFC 9113 §4.2, §6.5.2), each with a 9-byte frame header (§4.1).
 *
 * Scheduling: the server keeps one queue per stream and sends frames round-robin, one frame per
 * stream in turn, control frames (SETTINGS, its ACK, GOAWAY) first. Frames are chosen as TCP
 * drains (`TcpEndpoint.source`): the socket holds at most about one window of unsent frames, so
 * a response that becomes ready interleaves with those already being sent. Every frame still
 * travels the one TCP byte stream, delivered in order: one lost segment stalls every stream whose
 * bytes follow it (TCP head-of-line blocking), recorded as `stream-stall` events.
 *
 * Not modelled: stream and connection flow control (browsers advertise windows of megabytes),
 * priorities, server push, connection coalescing, PING, RST_STREAM. Requests are written whole
 * (HEADERS, then DATA frames of a POST body) as they are issued. The client may open
 * `maxConcurrentStreams` streams from the start (the same value the server announces).
 * `server.maxRequestsPerConnection` and `server.pipelineProcessing` apply to HTTP/1.x only:
 * streams are processed concurrently.
 */
import type { Engine } from './engine';
import { Timer, usToMs } from './engine';
import type {
  Attempt,
  ClientConn,
  ClientConnListener,
  ClientConnState,
  HttpConfig,
  HttpRequestPayload,
  ServerConn,
  ServerPolicy,
} from './http1';
import { CLIENT_STALL_TIMEOUT_US, emitRequestStep, stallDeadlinePassed } from './http1';
import type { StreamHandler, StreamMessage, Unblocked } from './tcp';
import type { ByteStream } from './tls';
import type { ConnReason, FrameType, RequestError, Side, TraceRecorder } from './trace';

/** Bytes of an HTTP/2 frame header (RFC 9113 §4.1). */
export const H2_FRAME_HEADER_BYTES = 9;

/** Largest DATA frame payload: SETTINGS_MAX_FRAME_SIZE initial value (RFC 9113 §6.5.2). */
export const H2_MAX_FRAME_PAYLOAD = 16384;

/** The client connection preface "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" (RFC 9113 §3.4). */
export const H2_PREFACE_BYTES = 24;

/** A SETTINGS frame with three settings of 6 bytes each (RFC 9113 §6.5.1). */
export const H2_SETTINGS_BYTES = H2_FRAME_HEADER_BYTES + 3 * 6;

/** A GOAWAY frame: last stream id and error code (RFC 9113 §6.8). */
export const H2_GOAWAY_BYTES = H2_FRAME_HEADER_BYTES + 8;

/**
 * HPACK model (RFC 7541), illustrative: the first header block in each direction of a connection
 * is the HTTP/1.x head Huffman-coded (§5.2; common header characters take 5-8 bits), about 0.7
 * of its size; later blocks repeat most fields as one-byte indexed references to the dynamic
 * table (§6.1), about 0.1 of the head, plus a request's :path as a Huffman-coded literal.
 */
export const HPACK_HUFFMAN_RATIO = 0.7;

/** Size of a repeated header block relative to the HTTP/1.x head (see `HPACK_HUFFMAN_RATIO`). */
export const HPACK_REPEAT_RATIO = 0.1;

/** Header block bytes for a head of `headBytes` (HTTP/1.x size); `path` for requests. */
export function hpackBytes(headBytes: number, first: boolean, path?: string): number {
  if (first) return Math.ceil(headBytes * HPACK_HUFFMAN_RATIO);
  const literal = path === undefined ? 0 : 1 + Math.ceil(path.length * HPACK_HUFFMAN_RATIO);
  return Math.ceil(headBytes * HPACK_REPEAT_RATIO) + literal;
}

/** What an HTTP/2 frame means to the receiving application. */
export interface H2FramePayload {
  readonly h2: FrameType;
  /** Stream id (0 = the connection). */
  readonly stream: number;
  /** END_STREAM: the last frame of its message. */
  readonly end: boolean;
  /** SETTINGS with the ACK flag. */
  readonly ack: boolean;
  /** Request or response id (0 for control frames). */
  readonly requestId: number;
  /** HTTP message bytes carried (header block or data), without the frame header. */
  readonly messageBytes: number;
  /** The request (on a request's last frame). */
  readonly request?: HttpRequestPayload;
}

function isFrame(p: unknown): p is H2FramePayload {
  return typeof p === 'object' && p !== null && 'h2' in p;
}

/** A frame as a stream message (label, request ids and frame record for packet events). */
function frameMessage(
  type: FrameType,
  stream: number,
  messageBytes: number,
  opts: {
    end?: boolean;
    ack?: boolean;
    requestId?: number;
    label?: string;
    request?: HttpRequestPayload;
  } = {},
): StreamMessage {
  const requestId = opts.requestId ?? 0;
  const payload: H2FramePayload =
    opts.request === undefined
      ? {
          h2: type,
          stream,
          end: opts.end ?? false,
          ack: opts.ack ?? false,
          requestId,
          messageBytes,
        }
      : {
          h2: type,
          stream,
          end: opts.end ?? false,
          ack: opts.ack ?? false,
          requestId,
          messageBytes,
          request: opts.request,
        };
  const name = type === 'SETTINGS' && opts.ack === true ? 'SETTINGS ACK' : type;
  return {
    bytes: H2_FRAME_HEADER_BYTES + messageBytes,
    kind: 'DATA',
    label: opts.label === undefined ? `${name} [${stream}]` : `${name} [${stream}] ${opts.label}`,
    requestIds: requestId === 0 ? [] : [requestId],
    payload,
    frame: { stream, type },
  };
}

/**
 * Records stream stalls: groups the messages a filled gap released by stream (HTTP/2 frames only;
 * the connection's own frames and TLS records are left out) and emits one `stream-stall` event
 * per stream, `own-data` when the bytes that filled the gap (`gap`) carried a frame of that
 * stream, else `head-of-line` (it waited only behind other streams' data, frames or records).
 */
function emitStalls(
  engine: Engine,
  trace: TraceRecorder,
  conn: number,
  side: Side,
  items: readonly Unblocked[],
  gap: readonly StreamMessage[],
): void {
  const byStream = new Map<number, { from: number; requestIds: number[] }>();
  for (const it of items) {
    const p = it.msg.payload;
    if (!isFrame(p) || p.stream === 0) continue;
    const s = byStream.get(p.stream);
    if (s === undefined)
      byStream.set(p.stream, {
        from: it.arrivedUs,
        requestIds: p.requestId > 0 ? [p.requestId] : [],
      });
    else if (it.arrivedUs < s.from) s.from = it.arrivedUs;
  }
  const lost = new Set<number>();
  for (const m of gap) if (isFrame(m.payload)) lost.add(m.payload.stream);
  const t = usToMs(engine.now);
  for (const stream of [...byStream.keys()].sort((a, b) => a - b)) {
    const s = byStream.get(stream) as { from: number; requestIds: number[] };
    trace.emit({
      type: 'stream-stall',
      t,
      conn,
      side,
      stream,
      requestIds: s.requestIds,
      fromMs: usToMs(s.from),
      toMs: t,
      cause: lost.has(stream) ? 'own-data' : 'head-of-line',
    });
  }
}

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
    stream.handler = this;
    if (trace.detail)
      stream.socket.onUnblocked = (items, gap) =>
        emitStalls(engine, trace, id, 'client', items, gap);
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
    this.stream.socket.abandon('address-change');
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

/** Server connection states (as HTTP/1.x). */
type H2ServerState = 'waiting' | 'processing' | 'closed';

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
  state: H2ServerState = 'waiting';
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
    stream.handler = this;
    stream.socket.lingerOnClose = true;
    if (trace.detail)
      stream.socket.onUnblocked = (items, gap) =>
        emitStalls(engine, trace, id, 'server', items, gap);
    this.keepAliveTimer = new Timer(engine, () => {
      if (this.state !== 'waiting') return;
      if (this.stream.handshaking) {
        // TLS 0-RTT: the response went out before the client's Finished; wait for it.
        this.keepAliveTimer.set(this.policy.keepAliveTimeoutUs);
        return;
      }
      this.finish();
      this.stream.socket.append(frameMessage('GOAWAY', 0, H2_GOAWAY_BYTES - H2_FRAME_HEADER_BYTES));
      this.stream.close('keep-alive-timeout');
    });
  }

  /** Connection ready: install the frame scheduler and send SETTINGS. */
  onOpen(): void {
    this.state = 'waiting';
    this.stream.socket.source = () => this.pull();
    this.control.push(frameMessage('SETTINGS', 0, H2_SETTINGS_BYTES - H2_FRAME_HEADER_BYTES));
    this.stream.setAppPhase('idle');
    this.policy.observe?.(this, 'open');
    this.stream.socket.kick();
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
        this.stream.socket.kick();
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
      this.stream.socket.kick();
    });
  }

  /** The frame scheduler (TCP's `source`): control frames first, then one frame per ready stream in turn. */
  private pull(): boolean {
    if (this.state === 'closed') return false;
    const socket = this.stream.socket;
    const ctl = this.control.shift();
    if (ctl !== undefined) {
      socket.append(ctl);
      return true;
    }
    if (this.readyHead >= this.ready.length) return false;
    const s = this.ready[this.readyHead++] as ServerStream;
    const label = `200 OK ${s.p.path}`;
    const rid = s.p.requestId;
    if (!s.headersSent) {
      s.headersSent = true;
      socket.append(
        frameMessage('HEADERS', s.id, s.headerBlock, { end: s.left === 0, requestId: rid, label }),
      );
    } else {
      const n = Math.min(H2_MAX_FRAME_PAYLOAD, s.left);
      s.left -= n;
      socket.append(frameMessage('DATA', s.id, n, { end: s.left === 0, requestId: rid, label }));
    }
    if (s.left > 0 || !s.headersSent) this.ready.push(s);
    else this.streamDone(s);
    if (this.readyHead > 64 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead);
      this.readyHead = 0;
    }
    return true;
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
