/**
 * What HTTP/1.x, HTTP/2 and HTTP/3 share: the settings, a request's meaning and attempt, the
 * contracts between a client connection and the browser's pool and between a server connection
 * and the server model, the request-step recorder, the client's stall watchdog and the server's
 * keep-alive timer.
 */
import type { Engine } from '../engine';
import { Timer, usToMs } from '../engine';
import type { HttpVersion } from '../scenario';
import type { ByteStream } from '../stream';
import type { ConnReason, HttpMethod, RequestError, RequestEvent, TraceRecorder } from '../trace';

/** HTTP settings shared by both ends. */
export interface HttpConfig {
  readonly version: HttpVersion;
  /** Client asks for a persistent connection (1.0: Connection: Keep-Alive; 1.1: no Connection: close). */
  readonly keepAlive: boolean;
  readonly pipelining: boolean;
  readonly requestHeaderBytes: number;
  readonly responseHeaderBytes: number;
  /** HTTP/2: streams open at once per connection (absent = 100; ignored by HTTP/1.x). */
  readonly maxConcurrentStreams?: number;
}

/**
 * A resource the server can serve: what it sends back and how long it takes. A request carries
 * the one that answers it (the server keeps no table to look it up in).
 */
export interface Resource {
  readonly bodyBytes: number;
  readonly processingMs: number;
}

/** An HTTP request message's meaning. */
export interface HttpRequestPayload {
  readonly http: 'request';
  readonly requestId: number;
  readonly attempt: number;
  readonly method: HttpMethod;
  readonly path: string;
  readonly host: string;
  /** The server resource that answers it. */
  readonly resource: Resource;
  /** The request asks to keep the connection open (Keep-Alive token in 1.0, absence of close in 1.1). */
  readonly keepAlive: boolean;
  readonly followUp: boolean;
}

/**
 * The client aborts a connection (RST) that has received nothing for this long while it was
 * connecting or waiting for a response (model assumption, like a browser's response timeout),
 * so that a peer that vanished cannot leave a request pending forever.
 */
export const CLIENT_STALL_TIMEOUT_US = 300_000_000;

/**
 * True once a connection that had work has received nothing for CLIENT_STALL_TIMEOUT_US since
 * `lastReceiveUs` or `lastWorkUs`, whichever is later; until then `timer` is re-armed for that
 * moment (the stall check every client connection runs).
 */
export function stallDeadlinePassed(
  engine: Engine,
  timer: Timer,
  lastReceiveUs: number,
  lastWorkUs: number,
): boolean {
  const quietUntil = Math.max(lastReceiveUs, lastWorkUs) + CLIENT_STALL_TIMEOUT_US;
  if (engine.now >= quietUntil) return true;
  timer.setAt(quietUntil);
  return false;
}

/** What a `request` event says of a request: the client's attempt or the payload the server read. */
type RequestFields = Pick<
  HttpRequestPayload,
  'requestId' | 'attempt' | 'method' | 'path' | 'host' | 'followUp'
>;

/** `emitRequestStep` without extra fields (one shared object, not one per call). */
const NO_EXTRA = {};

/**
 * Records a step of a request on connection `conn` (detailed traces only): `sent` by a client
 * connection (with the bytes it wrote), `server-received` / `server-start` / `server-end` (or
 * `server-reset`) by a server connection; HTTP/2 and HTTP/3 name the stream.
 */
export function emitRequestStep(
  engine: Engine,
  trace: TraceRecorder,
  step: 'sent' | 'server-received' | 'server-start' | 'server-end' | 'server-reset',
  r: RequestFields,
  conn: number,
  extra: {
    readonly bytes?: number;
    readonly stream?: number;
    readonly head?: readonly string[];
  } = NO_EXTRA,
): void {
  if (!trace.detail) return;
  // Whole literals in the order the trace has always listed the fields (object spreads cost
  // about a tenth of the simulation's speed, fields added after a literal an allocation each).
  const t = usToMs(engine.now);
  const { requestId, path, host, method, attempt, followUp } = r;
  const e: { -readonly [K in keyof RequestEvent]?: RequestEvent[K] } =
    extra.bytes === undefined
      ? { type: 'request', t, step, requestId, path, host, method, attempt, conn, followUp }
      : {
          type: 'request',
          t,
          step,
          requestId,
          path,
          host,
          method,
          attempt,
          conn,
          bytes: extra.bytes,
          followUp,
        };
  if (extra.stream !== undefined) e.stream = extra.stream;
  if (extra.head !== undefined) e.head = extra.head;
  trace.emitRequest(e as RequestEvent);
}

/** A request attempt the client has put on a connection. */
export interface Attempt {
  readonly requestId: number;
  readonly attempt: number;
  readonly method: HttpMethod;
  readonly path: string;
  readonly host: string;
  readonly bodyBytes: number;
  readonly resource: Resource;
  readonly followUp: boolean;
  /** True when the connection had carried an earlier request (so a close may be the keep-alive race). */
  reused: boolean;
  /** Response bytes seen so far (0 = no response byte yet). */
  firstByte: boolean;
  responseBytes: number;
  /** HTTP/2 and HTTP/3: the stream carrying it (set when sent). */
  stream?: number;
  /** HTTP/1.x: the response head as it arrived (detailed traces only). */
  responseHead?: readonly string[];
}

/** Client connection states (pool view; 'connecting' covers the TCP and TLS handshakes). */
export type ClientConnState = 'connecting' | 'idle' | 'busy' | 'retiring' | 'closed';

/** What the browser's pool sees of a client connection (HTTP/1.x, HTTP/2 or HTTP/3). */
export interface ClientConn {
  readonly id: number;
  readonly host: string;
  /** Pool-level state ('busy' = requests outstanding). */
  readonly state: ClientConnState;
  /** Requests written on this connection so far. */
  readonly requestsSent: number;
  /** When it last became idle (for LRU eviction and the idle timer). */
  readonly idleSinceUs: number;
  /** True when the connection can take another request right now. */
  readonly canSend: boolean;
  /** Writes a request on the connection. */
  send(a: Attempt): void;
  /** Client-initiated close (idle timeout, eviction). */
  close(reason: ConnReason): void;
  /**
   * The client's address changed (epoch `path`): a TCP connection is dead (its 4-tuple is gone)
   * and fails what it carried; a QUIC connection migrates.
   */
  onAddressChange(path: number): void;
}

/** What a client connection tells its owner (the browser's pool). */
export interface ClientConnListener {
  /** Ready for a (new) request: established, or idle again after a response. */
  onReady(c: ClientConn): void;
  onFirstByte(c: ClientConn, a: Attempt): void;
  onDone(c: ClientConn, a: Attempt): void;
  /** The connection will carry no more requests (server said close); it waits for the server's FIN. */
  onRetired(c: ClientConn): void;
  /** The connection closed or reset; `failed` attempts got no complete response. */
  onClosed(c: ClientConn, failed: readonly Attempt[], error: RequestError): void;
}

/** What the server side asks of the server model (processing time, keep-alive policy). */
export interface ServerPolicy {
  /** Runs `done` after the processing time of a resource. */
  process(resource: Resource, done: () => void): void;
  /** Response body bytes of a resource. */
  bodyBytes(resource: Resource): number;
  readonly keepAliveTimeoutUs: number;
  /** 0 = unlimited. */
  readonly maxRequestsPerConnection: number;
  /**
   * HTTP/1.x: after processing the Nth request on a connection the server resets it (RST)
   * instead of writing the response; 0 = never.
   */
  readonly resetAfterProcessing: number;
  /** How pipelined requests on one connection are processed: one after another, or all at once. */
  readonly pipelineProcessing: PipelineProcessing;
  /**
   * Server-model hook (optional): a connection opened (established), became active (a request
   * arrived), went idle (waiting for the next request), or closed. May be called again for the
   * same state; the model ignores repeats.
   */
  observe?(c: ServerConn, what: 'open' | 'active' | 'idle' | 'closed'): void;
}

/** What the server model sees of a server connection (HTTP/1.x, HTTP/2 or HTTP/3). */
export interface ServerConn {
  /** Connection id. */
  readonly id: number;
  /** False while the connection waits in the listen backlog (requests are held). */
  accepted: boolean;
  /** A worker (or connection slot) took this connection from the backlog. */
  accept(): void;
}

/** Server processing of pipelined requests (responses are written in request order either way). */
export type PipelineProcessing = 'serial' | 'parallel';

/** Server connection states (HTTP/1.x and HTTP/2). */
export type ServerConnState = 'waiting' | 'processing' | 'closed';

/**
 * How soon a keep-alive timeout of 0 looks again while the TLS handshake is still under way (it
 * cannot close a connection whose handshake it has not finished). Every positive timeout is at
 * least this long (the field's smallest positive value is 1 ms), so only 0 is affected: its close
 * comes at most 1 ms after the handshake completes.
 */
const HANDSHAKE_RECHECK_US = 1000;

/**
 * The server's keep-alive timer (HTTP/1.x and HTTP/2; as Apache's KeepAliveTimeout it runs while
 * a connection waits for its next request): when it fires and `waiting()` still holds, `expire`
 * closes the connection. While a TLS handshake is still under way (0-RTT: the response went out
 * before the client's Finished) it waits another timeout instead. Set it with
 * `policy.keepAliveTimeoutUs` when the connection goes idle; cancel it when a request arrives.
 */
export function keepAliveTimer(
  engine: Engine,
  stream: ByteStream,
  policy: ServerPolicy,
  waiting: () => boolean,
  expire: () => void,
): Timer {
  const timer = new Timer(engine, () => {
    if (!waiting()) return;
    if (stream.handshaking) {
      timer.set(Math.max(policy.keepAliveTimeoutUs, HANDSHAKE_RECHECK_US));
      return;
    }
    expire();
  });
  return timer;
}
