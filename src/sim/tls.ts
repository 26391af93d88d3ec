/**
 * TLS 1.2 and 1.3 (full, resumed, 0-RTT) over a TCP endpoint: the handshake flights and their
 * sizes, the round trips each version adds before the first request byte, and `TlsSession`, the
 * byte stream that writes the flights and opens to the layer above when application data may flow.
 */
import type { Engine } from './engine';
import { usToMs } from './engine';
import type {
  AppPhase,
  ByteStream,
  FrameSource,
  StreamHandler,
  StreamMessage,
  UnblockedListener,
} from './stream';
import { DETACHED_HANDLER } from './stream';
import type { TcpEndpoint } from './tcp';
import type { ConnReason, Side, TlsVersion, TraceRecorder } from './trace';

/** One TLS handshake flight: its name and plausible size in bytes (records included). */
export interface TlsFlight {
  readonly id: 'c1' | 's1' | 'c2' | 's2';
  readonly from: Side;
  readonly label: string;
  readonly bytes: number;
}

/**
 * The server's flight of a TLS 1.3 resumption, with or without early data (RFC 8446 §2.2): the
 * pre-shared key authenticates it, so there is no Certificate or CertificateVerify.
 */
const PSK_SERVER_FLIGHT: TlsFlight = {
  id: 's1',
  from: 'server',
  label: 'ServerHello, EncryptedExtensions, Finished',
  bytes: 200,
};

/**
 * Handshake flights per version. TLS 1.2 (RFC 5246, full ECDHE handshake): 2 round trips before
 * application data; TLS 1.3 (RFC 8446 §2): 1 round trip. The certificate chain (~3.2 KB) makes the
 * server flight span 3 segments at MSS 1460, so a small initial window can stretch it.
 * TLS 1.3 resumption with 0-RTT (RFC 8446 §2.3): the ClientHello carries a pre_shared_key (the
 * session ticket, ~200 B more) and early_data; the client's first request follows it at once
 * (0 round trips); the server flight has no certificate (ServerHello, EncryptedExtensions with
 * early_data, Finished); the client ends its early data (EndOfEarlyData) and sends Finished.
 */
export const TLS_FLIGHTS: Readonly<Record<Exclude<TlsVersion, 'none'>, readonly TlsFlight[]>> = {
  'tls1.2': [
    { id: 'c1', from: 'client', label: 'ClientHello', bytes: 250 },
    {
      id: 's1',
      from: 'server',
      label: 'ServerHello, Certificate, ServerKeyExchange, ServerHelloDone',
      bytes: 3650,
    },
    {
      id: 'c2',
      from: 'client',
      label: 'ClientKeyExchange, ChangeCipherSpec, Finished',
      bytes: 130,
    },
    { id: 's2', from: 'server', label: 'ChangeCipherSpec, Finished', bytes: 60 },
  ],
  'tls1.3': [
    { id: 'c1', from: 'client', label: 'ClientHello', bytes: 290 },
    {
      id: 's1',
      from: 'server',
      label: 'ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished',
      bytes: 3700,
    },
    { id: 'c2', from: 'client', label: 'Finished', bytes: 60 },
  ],
  // RFC 5246 §7.3 / RFC 5077 §3.1: the ClientHello offers the session (its ID, or the ticket in
  // an extension, about 200 B); the server resumes it and finishes first; the client's
  // ChangeCipherSpec and Finished go out with its first request.
  'tls1.2-resumed': [
    { id: 'c1', from: 'client', label: 'ClientHello (session ticket)', bytes: 450 },
    {
      id: 's1',
      from: 'server',
      label: 'ServerHello, ChangeCipherSpec, Finished',
      bytes: 150,
    },
    { id: 'c2', from: 'client', label: 'ChangeCipherSpec, Finished', bytes: 60 },
  ],
  // RFC 8446 §2.2: a ClientHello with a pre_shared_key from a ticket; no Certificate or
  // CertificateVerify in the server's flight; the request waits for the server's Finished.
  'tls1.3-resumed': [
    { id: 'c1', from: 'client', label: 'ClientHello (PSK)', bytes: 490 },
    PSK_SERVER_FLIGHT,
    { id: 'c2', from: 'client', label: 'Finished', bytes: 60 },
  ],
  'tls1.3-0rtt': [
    { id: 'c1', from: 'client', label: 'ClientHello (PSK, early_data)', bytes: 490 },
    PSK_SERVER_FLIGHT,
    { id: 'c2', from: 'client', label: 'EndOfEarlyData, Finished', bytes: 85 },
  ],
};

/**
 * Round trips a TLS handshake adds before the first request byte: 2 (TLS 1.2), 1 (TLS 1.3, and
 * either resumption), 0 (none, or TLS 1.3 0-RTT: the request leaves with the ClientHello).
 */
export function tlsRoundTrips(v: TlsVersion): number {
  switch (v) {
    case 'tls1.2':
      return 2;
    case 'tls1.2-resumed':
    case 'tls1.3':
    case 'tls1.3-resumed':
      return 1;
    case 'none':
    case 'tls1.3-0rtt':
      return 0;
  }
}

/** TLS handshake states (client and server). */
export type TlsState =
  | 'START'
  | 'WAIT_SERVER_FLIGHT'
  | 'WAIT_SERVER_FINISHED'
  | 'WAIT_CLIENT_HELLO'
  | 'WAIT_CLIENT_FINISHED'
  | 'CONNECTED'
  | 'CLOSED';

interface TlsPayload {
  readonly tls: TlsFlight['id'];
}

function isTls(p: unknown): p is TlsPayload {
  return typeof p === 'object' && p !== null && 'tls' in p;
}

/**
 * TLS over a TCP endpoint, as a state machine that writes real handshake flights on the stream
 * and tells the layer above `onOpen` only when application data may flow. Application records
 * pass through unchanged (record overhead is not modelled).
 */
export class TlsSession implements ByteStream, StreamHandler {
  private tlsState: TlsState;
  private handler: StreamHandler = DETACHED_HANDLER;
  private readonly flights: readonly TlsFlight[];

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly tcp: TcpEndpoint,
    /** TLS version (not 'none'). */
    readonly version: Exclude<TlsVersion, 'none'>,
  ) {
    this.flights = TLS_FLIGHTS[version];
    this.tlsState = tcp.side === 'client' ? 'START' : 'WAIT_CLIENT_HELLO';
    tcp.setHandler(this);
    tcp.presetAppPhase('tls');
  }

  /** Handshake state. */
  get state(): TlsState {
    return this.tlsState;
  }

  /** Installs the layer above (HTTP). */
  setHandler(h: StreamHandler): void {
    this.handler = h;
  }

  /** Queues application data (only after the handshake). */
  write(msg: StreamMessage): void {
    this.tcp.write(msg);
  }

  /** Closes the underlying TCP connection (`last` queued just before its FIN). */
  close(reason?: ConnReason, last?: StreamMessage): void {
    this.tlsState = 'CLOSED';
    this.tcp.close(reason, last);
  }

  /** Aborts the underlying TCP connection with RST. */
  abort(reason: ConnReason): void {
    this.tlsState = 'CLOSED';
    this.tcp.abort(reason);
  }

  /** The client's address is gone: the TCP connection closes without sending anything. */
  abandon(reason: ConnReason): void {
    this.tcp.abandon(reason);
  }

  /** Application records pass through: the frame source feeds the TCP connection directly. */
  setFrameSource(source: FrameSource): void {
    this.tcp.setFrameSource(source);
  }

  /** Sends what the windows allow now (the frame source has new frames). */
  kick(): void {
    this.tcp.kick();
  }

  /** Head-of-line reports come from the TCP connection underneath (TLS records included). */
  setUnblockedListener(listener: UnblockedListener): void {
    this.tcp.setUnblockedListener(listener);
  }

  /** Lingering close of the TCP connection underneath. */
  lingerOnClose(): void {
    this.tcp.lingerOnClose();
  }

  /** True until the handshake completes (or the session closes). */
  get handshaking(): boolean {
    return this.state !== 'CONNECTED' && this.state !== 'CLOSED';
  }

  /** Time the last segment arrived on the underlying TCP connection. */
  get lastReceiveUs(): number {
    return this.tcp.lastReceiveUs;
  }

  /** Reports the application phase (the handshake itself reports 'tls'). */
  setAppPhase(p: AppPhase, reason?: ConnReason): void {
    this.tcp.setAppPhase(p, reason);
  }

  /**
   * TCP is up: the client sends ClientHello (riding on the handshake's final ACK). With 0-RTT the
   * layer above may write at once: its request follows the ClientHello as early data.
   */
  onOpen(): void {
    if (this.tcp.side === 'client') {
      this.event('start');
      this.tcp.setAppPhase('tls');
      this.send('c1');
      this.tlsState = 'WAIT_SERVER_FLIGHT';
      if (this.version === 'tls1.3-0rtt') this.handler.onOpen();
    } else {
      this.tcp.setAppPhase('tls');
    }
  }

  /** Passes application data starts upward. */
  onMessageStart(m: StreamMessage): void {
    if (m.kind !== 'TLS') this.handler.onMessageStart(m);
  }

  /** Advances the handshake on a complete flight; passes application messages upward. */
  onMessage(m: StreamMessage): void {
    if (!isTls(m.payload)) {
      this.handler.onMessage(m);
      return;
    }
    const id = m.payload.tls;
    if (this.tcp.side === 'server') {
      if (id === 'c1' && this.state === 'WAIT_CLIENT_HELLO') {
        this.event('start');
        this.send('s1');
        this.tlsState = 'WAIT_CLIENT_FINISHED';
        // 0-RTT: the early data behind the ClientHello is accepted (replay protection not modelled).
        if (this.version === 'tls1.3-0rtt') this.handler.onOpen();
      } else if (id === 'c2' && this.state === 'WAIT_CLIENT_FINISHED') {
        if (this.version === 'tls1.2') this.send('s2');
        this.connected();
      }
      return;
    }
    if (id === 's1' && this.state === 'WAIT_SERVER_FLIGHT') {
      this.send('c2');
      if (this.version !== 'tls1.2') this.connected();
      else this.tlsState = 'WAIT_SERVER_FINISHED';
    } else if (id === 's2' && this.state === 'WAIT_SERVER_FINISHED') {
      this.connected();
    }
  }

  /** Passes the peer's FIN upward. */
  onPeerFin(): void {
    this.handler.onPeerFin();
  }

  /** Passes a reset upward. */
  onReset(reason: 'reset' | 'retransmit-limit'): void {
    this.tlsState = 'CLOSED';
    this.handler.onReset(reason);
  }

  private connected(): void {
    this.tlsState = 'CONNECTED';
    this.event('done');
    // 0-RTT: the layer above has been open since the ClientHello.
    if (this.version === 'tls1.3-0rtt') return;
    this.tcp.setAppPhase('idle');
    this.handler.onOpen();
  }

  private send(id: TlsFlight['id']): void {
    const f = this.flights.find((x) => x.id === id);
    if (f === undefined) return;
    this.tcp.write({
      bytes: f.bytes,
      kind: 'TLS',
      label: f.label,
      requestIds: [],
      payload: { tls: id },
    });
  }

  private event(step: 'start' | 'done'): void {
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'tls',
      t: usToMs(this.engine.now),
      conn: this.tcp.conn,
      side: this.tcp.side,
      step,
      version: this.version,
    });
  }
}
