/**
 * Transport-neutral stream contracts: what an application (TLS, HTTP) writes on a stream, what it
 * is told back, and the byte stream HTTP/1.x and HTTP/2 use (plain TCP or TLS over TCP). QUIC's
 * streams carry the same messages. Types only, apart from `DETACHED_HANDLER`.
 */
import type { Micros } from './engine';
import type { ConnReason, FramePiece } from './trace';

/** A unit the application writes on a byte stream (an HTTP message, a TLS flight). */
export interface StreamMessage {
  /** Size in bytes on the stream. */
  readonly bytes: number;
  /** 'TLS' for handshake records, 'DATA' for application data. */
  readonly kind: 'DATA' | 'TLS';
  /** Label used for packets carrying it ("GET /a.png", "ClientHello"). */
  readonly label: string;
  /** Requests this message belongs to. */
  readonly requestIds: readonly number[];
  /** Application meaning (HTTP request/response, TLS flight), read by the receiving application. */
  readonly payload: unknown;
  /** HTTP/2: the frame this message is (its stream and type), for packet records. */
  readonly frame?: FramePiece;
}

/** Bytes of a message that reached the receiver out of order, and when (see `UnblockedListener`). */
export interface Unblocked {
  readonly msg: StreamMessage;
  /** Arrival of the earliest of its bytes that had to wait (engine microseconds). */
  readonly arrivedUs: Micros;
}

/**
 * Head-of-line listener (HTTP/2 on a byte stream): when a gap in the stream fills, told which
 * messages had bytes waiting behind it (arrived out of order) and since when, and which messages
 * the missing bytes belonged to (`gap`: those overlapping the bytes that arrived to fill the hole
 * since it opened), just before the waiting messages are delivered.
 */
export type UnblockedListener = (
  items: readonly Unblocked[],
  gap: readonly StreamMessage[],
) => void;

/**
 * Frame source (HTTP/2): when everything written so far has been sent and the windows still have
 * room, the byte stream asks it for the next message to send (undefined = nothing now). A
 * scheduler thus picks each frame as the connection drains, rather than committing whole
 * responses to the socket at once.
 */
export type FrameSource = () => StreamMessage | undefined;

/** What the layer above a byte stream (TLS or HTTP) is told. */
export interface StreamHandler {
  /** The stream is ESTABLISHED (client: SYN-ACK received; server: handshake ACK received). */
  onOpen(): void;
  /** The first byte of a message reached the application (in order). */
  onMessageStart(m: StreamMessage): void;
  /** The last byte of a message reached the application. */
  onMessage(m: StreamMessage): void;
  /** The peer's FIN arrived (in order): no more bytes will come. */
  onPeerFin(): void;
  /** The connection was reset (RST received) or given up (too many retransmissions). */
  onReset(reason: 'reset' | 'retransmit-limit'): void;
}

/** A handler that ignores everything: for a socket whose layer above can no longer be called. */
export const DETACHED_HANDLER: StreamHandler = {
  onOpen() {},
  onMessageStart() {},
  onMessage() {},
  onPeerFin() {},
  onReset() {},
};

/** Application-level phase a layer above reports while the socket is ESTABLISHED. */
export type AppPhase = 'tls' | 'active' | 'idle' | 'closing';

/** A byte stream an application (HTTP) writes to: plain TCP or TLS over TCP. */
export interface ByteStream {
  /** Installs the layer above (it is told of opens, messages, FIN and resets). */
  setHandler(h: StreamHandler): void;
  /** Queues a message. */
  write(msg: StreamMessage): void;
  /**
   * Graceful close (FIN after pending data). `last`, when given, is queued just before the FIN
   * without being sent on its own (HTTP/2's GOAWAY rides with the FIN).
   */
  close(reason?: ConnReason, last?: StreamMessage): void;
  /** Reports the application phase for views. */
  setAppPhase(p: AppPhase, reason?: ConnReason): void;
  /** Aborts the connection with RST. */
  abort(reason: ConnReason): void;
  /**
   * The local address is gone (the client moved): the connection closes at once without
   * sending anything.
   */
  abandon(reason: ConnReason): void;
  /** Time the last segment arrived (engine microseconds). */
  readonly lastReceiveUs: number;
  /**
   * True while a TLS handshake is still under way (with 0-RTT the server answers early data
   * before the client's Finished arrives): a server does not close the connection then.
   */
  readonly handshaking: boolean;
  /** Installs a frame source (see `FrameSource`); the stream asks it as it drains. */
  setFrameSource(source: FrameSource): void;
  /** The frame source has something new: send what the windows allow now. */
  kick(): void;
  /** Installs the head-of-line listener (see `UnblockedListener`). */
  setUnblockedListener(listener: UnblockedListener): void;
  /**
   * Lingering close (HTTP/2 server): after the application closes, data that still arrives is
   * acknowledged and discarded instead of answered with RST, as nginx's lingering_close reads
   * what a client sent before it saw GOAWAY.
   */
  lingerOnClose(): void;
}
