/**
 * HTTP/3 over QUIC (RFC 9114): one QUIC connection per origin; each request takes a
 * client-initiated bidirectional stream (ids 0, 4, 8, ...), carrying a HEADERS frame (QPACK
 * header block) and, for a body, a DATA frame; the response comes back on the same stream as
 * HEADERS then DATA, and the stream ends (FIN). Frame headers are 3 bytes (type and length
 * varints, RFC 9114 §7.1). QPACK (RFC 9204) is modelled with the same sizes as HPACK
 * (`hpackBytes`: the first block per direction Huffman-coded, later ones mostly indexed).
 *
 * Not modelled: the control and QPACK unidirectional streams and their SETTINGS, GOAWAY, flow
 * control. The connection lives until the QUIC idle timeout or the client's pool closes it;
 * `server.keepAliveTimeoutMs` and `server.maxRequestsPerConnection` apply to HTTP/1.x and 2
 * (`server.resetAfterProcessing` to HTTP/1.x only).
 */
import type { Engine } from '../engine';
import { Timer, usToMs } from '../engine';
import type { QuicEndpoint, QuicHandler } from '../quic';
import type { StreamMessage, Unblocked } from '../stream';
import type { ConnReason, Side, TraceRecorder } from '../trace';
import type {
  Attempt,
  ClientConn,
  ClientConnListener,
  ClientConnState,
  HttpConfig,
  HttpRequestPayload,
  ServerConn,
  ServerPolicy,
} from './common';
import { CLIENT_STALL_TIMEOUT_US, emitRequestStep, stallDeadlinePassed } from './common';
import { hpackBytes } from './header-size';

/** Bytes of an HTTP/3 frame header (type and length varints). */
export const H3_FRAME_HEADER_BYTES = 3;

/** What an HTTP/3 frame means to the receiving application. */
interface H3Payload {
  readonly h3: 'HEADERS' | 'DATA';
  readonly requestId: number;
  /** Header block or body bytes (without the frame header). */
  readonly messageBytes: number;
  /** The message's last frame. */
  readonly last: boolean;
  readonly request?: HttpRequestPayload;
}

function h3Message(
  type: 'HEADERS' | 'DATA',
  bytes: number,
  requestId: number,
  label: string,
  last: boolean,
  request?: HttpRequestPayload,
): StreamMessage {
  const payload: H3Payload =
    request === undefined
      ? { h3: type, requestId, messageBytes: bytes, last }
      : { h3: type, requestId, messageBytes: bytes, last, request };
  return {
    bytes: H3_FRAME_HEADER_BYTES + bytes,
    kind: 'DATA',
    label: `${type} ${label}`,
    requestIds: [requestId],
    payload,
  };
}

/**
 * Emits one `stream-stall` event for the stream whose gap filled: QUIC orders each stream alone,
 * so the stream waited for its own lost data (`own-data`), never behind another stream's.
 */
function emitStall(
  engine: Engine,
  trace: TraceRecorder,
  conn: number,
  side: Side,
  stream: number,
  items: readonly Unblocked[],
): void {
  let from = Infinity;
  const ids: number[] = [];
  for (const it of items) {
    from = Math.min(from, it.arrivedUs);
    for (const r of it.msg.requestIds) if (!ids.includes(r)) ids.push(r);
  }
  const t = usToMs(engine.now);
  trace.emit({
    type: 'stream-stall',
    t,
    conn,
    side,
    stream,
    requestIds: ids,
    fromMs: usToMs(from),
    toMs: t,
    cause: 'own-data',
  });
}

/** Client side of one HTTP/3 connection: a stream per request, up to `maxConcurrentStreams` at once. */
export class Http3ClientConn implements QuicHandler, ClientConn {
  /** Pool-level state ('busy' while any stream is open). */
  state: ClientConnState = 'connecting';
  /** Requests written on this connection so far. */
  requestsSent = 0;
  /** When it last became idle (no open stream). */
  idleSinceUs = 0;
  private readonly streams = new Map<number, Attempt>();
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
    private readonly quic: QuicEndpoint,
    private readonly listener: ClientConnListener,
  ) {
    quic.setHandler(this);
    if (trace.detail)
      quic.setUnblockedListener((stream, items) =>
        emitStall(engine, trace, id, 'client', stream, items),
      );
    this.stallTimer = new Timer(engine, () => this.onStallCheck());
    this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
  }

  /** True when a new stream may be opened now. */
  get canSend(): boolean {
    return (
      (this.state === 'idle' || this.state === 'busy') &&
      this.quic.isOpen &&
      this.streams.size < (this.cfg.maxConcurrentStreams ?? 100)
    );
  }

  /** Handshake done (or, with 0-RTT, the ClientHello written): ready for requests. */
  onOpen(): void {
    this.becomeIdle();
  }

  /** Opens a stream for the request: HEADERS (and DATA for a body), then FIN. */
  send(a: Attempt): void {
    const sid = this.quic.openStream();
    a.stream = sid;
    this.lastWorkUs = this.engine.now;
    if (!this.stallTimer.armed) this.stallTimer.set(CLIENT_STALL_TIMEOUT_US);
    const first = this.requestsSent === 0;
    this.requestsSent++;
    this.streams.set(sid, a);
    this.state = 'busy';
    this.quic.setAppPhase('active');
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
    const label = `${a.method} ${a.path}`;
    const block = hpackBytes(this.cfg.requestHeaderBytes, first, a.path);
    const body = a.bodyBytes;
    this.quic.write(
      sid,
      h3Message('HEADERS', block, a.requestId, label, body === 0, body === 0 ? request : undefined),
      body === 0,
    );
    if (body > 0)
      this.quic.write(sid, h3Message('DATA', body, a.requestId, label, true, request), true);
    emitRequestStep(this.engine, this.trace, 'sent', a, this.id, {
      bytes: block + body,
      stream: sid,
    });
  }

  /** Client-initiated close (idle timeout, eviction): CONNECTION_CLOSE. */
  close(_reason: ConnReason): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.stallTimer.dispose();
    this.quic.close();
  }

  /** The client's address changed: the connection migrates (QUIC connection IDs). */
  onAddressChange(path: number): void {
    this.quic.migrate(path);
  }

  /** The first byte of a response HEADERS frame. */
  onStreamMessageStart(stream: number, m: StreamMessage): void {
    const p = m.payload as H3Payload;
    if (p.h3 !== 'HEADERS') return;
    const a = this.streams.get(stream);
    if (a === undefined || a.firstByte) return;
    a.firstByte = true;
    this.listener.onFirstByte(this, a);
  }

  /** A whole frame of a response; the last one completes the request. */
  onStreamMessage(stream: number, m: StreamMessage): void {
    const p = m.payload as H3Payload;
    const a = this.streams.get(stream);
    if (a === undefined) return;
    a.responseBytes += p.messageBytes;
    if (!p.last) return;
    this.streams.delete(stream);
    this.lastWorkUs = this.engine.now;
    this.listener.onDone(this, a);
    if (this.state === 'closed') return;
    if (this.streams.size > 0) {
      if (this.canSend) this.listener.onReady(this);
      return;
    }
    this.becomeIdle();
  }

  /** Idle timeout or CONNECTION_CLOSE: open streams failed. */
  onClosed(reason: 'idle-timeout' | 'peer-closed'): void {
    const failed = [...this.streams.values()];
    this.streams.clear();
    const wasClosed = this.state === 'closed';
    this.state = 'closed';
    this.stallTimer.dispose();
    if (!wasClosed || failed.length > 0)
      this.listener.onClosed(
        this,
        failed,
        reason === 'peer-closed' ? 'connection-closed' : 'connection-timeout',
      );
  }

  /** Gives up on a connection that has received nothing for CLIENT_STALL_TIMEOUT_US while it had work. */
  private onStallCheck(): void {
    if (this.state !== 'connecting' && this.state !== 'busy') return;
    if (
      !stallDeadlinePassed(this.engine, this.stallTimer, this.quic.lastReceiveUs, this.lastWorkUs)
    )
      return;
    const failed = [...this.streams.values()];
    this.streams.clear();
    this.state = 'closed';
    this.stallTimer.dispose();
    this.quic.close();
    this.listener.onClosed(this, failed, 'connection-timeout');
  }

  private becomeIdle(): void {
    this.state = 'idle';
    this.idleSinceUs = this.engine.now;
    this.quic.setAppPhase('idle');
    this.listener.onReady(this);
  }
}

/** Server side of one HTTP/3 connection: every complete request is processed at once; responses share the connection round-robin. */
export class Http3ServerConn implements QuicHandler, ServerConn {
  /** False while the connection waits in the listen backlog (requests are held). */
  accepted = true;
  /** Responses written so far. */
  served = 0;
  private open = 0;
  private closed = false;
  private responses = 0;
  private readonly held: { stream: number; p: HttpRequestPayload }[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly cfg: HttpConfig,
    /** Connection id. */
    readonly id: number,
    private readonly quic: QuicEndpoint,
    private readonly policy: ServerPolicy,
  ) {
    quic.setHandler(this);
    if (trace.detail)
      quic.setUnblockedListener((stream, items) =>
        emitStall(engine, trace, id, 'server', stream, items),
      );
  }

  /** The server can answer (after the ClientHello: 0-RTT requests may already be there). */
  onOpen(): void {
    this.policy.observe?.(this, 'open');
  }

  /** A worker (or slot) took this connection: start held requests. */
  accept(): void {
    if (this.accepted) return;
    this.accepted = true;
    for (const h of this.held.splice(0)) this.start(h.stream, h.p);
  }

  /** Nothing to do on a frame's first byte. */
  onStreamMessageStart(): void {}

  /** A request's last frame: process it. */
  onStreamMessage(stream: number, m: StreamMessage): void {
    const p = m.payload as H3Payload;
    if (!p.last || p.request === undefined || this.closed) return;
    this.open++;
    this.emit('server-received', stream, p.request);
    this.quic.setAppPhase('active');
    this.policy.observe?.(this, 'active');
    if (this.accepted) this.start(stream, p.request);
    else this.held.push({ stream, p: p.request });
  }

  /** The connection is gone. */
  onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.policy.observe?.(this, 'closed');
  }

  private start(stream: number, p: HttpRequestPayload): void {
    this.emit('server-start', stream, p);
    this.policy.process(p.resource, () => {
      if (this.closed) return;
      this.emit('server-end', stream, p);
      const block = hpackBytes(this.cfg.responseHeaderBytes, this.responses === 0);
      this.responses++;
      const body = this.policy.bodyBytes(p.resource);
      const label = `200 OK ${p.path}`;
      this.quic.write(stream, h3Message('HEADERS', block, p.requestId, label, false), false);
      this.quic.write(stream, h3Message('DATA', body, p.requestId, label, true), true);
      this.served++;
      this.open--;
      if (this.open === 0) {
        this.quic.setAppPhase('idle');
        this.policy.observe?.(this, 'idle');
      }
    });
  }

  private emit(
    step: 'server-received' | 'server-start' | 'server-end',
    stream: number,
    p: HttpRequestPayload,
  ): void {
    emitRequestStep(this.engine, this.trace, step, p, this.id, { stream });
  }
}
