/**
 * The trace: every fact a view needs, as typed events in time order. Views (Ladder, Waterfall,
 * ConnectionLanes) are pure functions of (trace, t); metrics are computed from the trace only.
 * Times are milliseconds since navigation start (`t`, `sendMs`, ...). Connection ids start at 1
 * in the order the client opened them; request ids start at 1 in the order the page issued them
 * (the HTML is request 1).
 */

/** Direction of a packet: client to server or server to client. */
export type Direction = 'c2s' | 's2c';

/** Which end of a connection. */
export type Side = 'client' | 'server';

/** TCP states (RFC 9293 §3.3.2). */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN_SENT'
  | 'SYN_RECEIVED'
  | 'ESTABLISHED'
  | 'FIN_WAIT_1'
  | 'FIN_WAIT_2'
  | 'CLOSE_WAIT'
  | 'CLOSING'
  | 'LAST_ACK'
  | 'TIME_WAIT';

/**
 * QUIC connection states (one per side): handshake under way, connected, closing (sent
 * CONNECTION_CLOSE) or draining (received it) for 3 x PTO, closed (RFC 9000 §10).
 */
export type QuicState = 'HANDSHAKE' | 'CONNECTED' | 'CLOSING' | 'DRAINING' | 'CLOSED';

/** QUIC packet types (RFC 9000 §17): long-header Initial, Handshake, 0-RTT; short-header 1-RTT. */
export type QuicPacketType = 'Initial' | 'Handshake' | '0-RTT' | '1-RTT';

/** Coarse per-side connection phase for views (ConnectionLanes colours). */
export type ConnPhase =
  'handshake' | 'tls' | 'active' | 'idle' | 'closing' | 'time-wait' | 'closed';

/** What a packet mainly is, for colouring: control segments, HTTP data, or TLS handshake records. */
export type PacketKind = 'SYN' | 'SYN-ACK' | 'ACK' | 'DATA' | 'FIN' | 'RST' | 'TLS';

/** TCP header flags. */
export type TcpFlag = 'SYN' | 'ACK' | 'FIN' | 'RST' | 'PSH';

/**
 * Why the link dropped a packet. 'unroutable': sent to the client's address after the client
 * moved to a new one (`client.addressChangeAtMs`).
 */
export type DropReason = 'random' | 'targeted' | 'unroutable';

/**
 * One record per packet, emitted when TCP hands it to the link (`t` = `sendMs`). A packet waits
 * in the direction's FIFO queue until `txStartMs`, is serialized until `txEndMs`, and arrives at
 * `arriveMs` (absent when `dropped`).
 */
export interface PacketEvent {
  readonly type: 'packet';
  /** Time the sender handed the packet to the link (ms). */
  readonly t: number;
  /** Packet number, 1-based, unique within the trace. */
  readonly id: number;
  readonly dir: Direction;
  /** Connection id. */
  readonly conn: number;
  readonly kind: PacketKind;
  readonly flags: readonly TcpFlag[];
  /** Relative sequence number (the SYN is 0, the first data byte 1), as Wireshark shows it. */
  readonly seq: number;
  /** Relative acknowledgement number (0 when the ACK flag is absent). */
  readonly ack: number;
  /** Advertised receive window in bytes. */
  readonly window: number;
  /** TCP payload bytes. */
  readonly payloadBytes: number;
  /** Bytes on the wire: payload + 40 bytes of IPv4 and TCP headers. */
  readonly wireBytes: number;
  /** Short human label: "SYN", "SYN-ACK", "ACK", "GET /img3.png", "200 OK /a.png (part 2/5)", "ClientHello", "FIN", "RST". */
  readonly label: string;
  /** Requests whose bytes (request or response) this payload carries. */
  readonly requestIds: readonly number[];
  /** True when this segment re-sends sequence space already sent once. */
  readonly retransmit: boolean;
  readonly sendMs: number;
  /** Serialization start (after waiting behind earlier packets in the FIFO). */
  readonly txStartMs: number;
  /** Serialization end: the last bit is on the wire. */
  readonly txEndMs: number;
  /** Arrival at the other end; absent when dropped. */
  readonly arriveMs?: number;
  readonly dropped: boolean;
  readonly dropReason?: DropReason;
  /**
   * HTTP/2 and QUIC only (absent otherwise): the frames (or parts of frames) this payload
   * carries, in wire order: each with its stream id (0 = the connection itself) and frame type.
   */
  readonly frames?: readonly FramePiece[];
  /**
   * QUIC only (absent for TCP): 'udp'. Then `seq` is the packet number (also in `packetNumber`;
   * per packet number space, never reused: a retransmission is a new number), `ack` the largest
   * packet number an ACK frame in it acknowledges (0 when none), `flags` empty, `window` 0,
   * `payloadBytes` the QUIC packet (headers and tag included), `wireBytes` + 28 (IPv4 + UDP).
   */
  readonly transport?: 'udp';
  readonly packetNumber?: number;
  readonly packetType?: QuicPacketType;
}

/**
 * Frame types in `frames`: HTTP/2 frames (RFC 9113 §6) and QUIC frames (RFC 9000 §19; STREAM
 * frames carry HTTP/3's HEADERS and DATA).
 */
export type FrameType =
  | 'HEADERS'
  | 'DATA'
  | 'SETTINGS'
  | 'GOAWAY'
  | 'STREAM'
  | 'ACK'
  | 'CRYPTO'
  | 'PING'
  | 'HANDSHAKE_DONE'
  | 'PATH_CHALLENGE'
  | 'PATH_RESPONSE'
  | 'CONNECTION_CLOSE';

/** A frame (or part of one) carried in a packet: its stream id (0 = connection) and type. */
export interface FramePiece {
  readonly stream: number;
  readonly type: FrameType;
}

/** A connection was created (emitted once, at the client's SYN). */
export interface ConnOpenEvent {
  readonly type: 'conn-open';
  readonly t: number;
  readonly conn: number;
  /** Hostname the connection is for. */
  readonly host: string;
  /** Transport protocol: TCP (HTTP/0.9 to 2) or QUIC over UDP (HTTP/3). */
  readonly transport: 'tcp' | 'quic';
  readonly tls: TlsVersion;
  /**
   * Round trips the TLS handshake costs before the first request byte (0, 1 or 2; 0 for TLS 1.3
   * 0-RTT, whose first request leaves with the ClientHello).
   */
  readonly tlsRoundTrips: number;
  /** HTTP/2 and 3 only (absent for HTTP/1.x): the connection multiplexes streams. */
  readonly http?: '2' | '3';
  /**
   * Round trips before the first request byte when they are not 1 + `tlsRoundTrips`: QUIC (1, or
   * 0 with 0-RTT; the TLS handshake rides in the transport's, so `tlsRoundTrips` is 0), and TCP
   * Fast Open with a cookie (`tlsRoundTrips`: the first bytes leave with the SYN). Absent for
   * other TCP connections (1 + `tlsRoundTrips`).
   */
  readonly handshakeRoundTrips?: number;
  /**
   * TCP Fast Open (`tcp.fastOpen`): the SYN asks for a cookie (`cookie-request`, a full
   * handshake), or carries the client's cookie and first bytes (`syn-data`). Absent when off.
   */
  readonly fastOpen?: 'cookie-request' | 'syn-data';
}

/**
 * TLS mode of a connection. The resumed modes are a returning client's abbreviated handshakes,
 * 1 round trip each and without a certificate: 'tls1.2-resumed' (session ID or ticket, RFC 5246
 * §7.3, RFC 5077 §3.1: the server sends its Finished first) and 'tls1.3-resumed' (a PSK from a
 * session ticket, RFC 8446 §2.2, without early data). 'tls1.3-0rtt': TLS 1.3 resumption with
 * early data (RFC 8446 §2.3): the first request leaves right after the ClientHello, before the
 * handshake completes.
 */
export type TlsVersion =
  'none' | 'tls1.2' | 'tls1.2-resumed' | 'tls1.3' | 'tls1.3-resumed' | 'tls1.3-0rtt';

/** The TLS modes QUIC runs with (always TLS 1.3: RFC 9001). */
export type QuicTls = Extract<TlsVersion, 'tls1.3' | 'tls1.3-resumed' | 'tls1.3-0rtt'>;

/**
 * Why a side of a connection changed state (when there is a notable cause). 'retransmit-limit'
 * means a side gave up: TCP retransmissions exhausted, or the client's stall timeout fired.
 * 'reset-after-processing': the server reset the connection after processing a request instead
 * of answering it (`server.resetAfterProcessing`).
 */
export type ConnReason =
  | 'idle-timeout'
  | 'keep-alive-timeout'
  | 'max-requests'
  | 'not-persistent'
  | 'evicted'
  | 'peer-closed'
  | 'reset'
  | 'retransmit-limit'
  | 'time-wait-expired'
  | 'address-change'
  | 'reset-after-processing';

/** One side of a connection changed TCP (or QUIC) state and/or coarse phase. */
export interface ConnStateEvent {
  readonly type: 'conn';
  readonly t: number;
  readonly conn: number;
  readonly side: Side;
  readonly state: TcpState | QuicState;
  readonly phase: ConnPhase;
  readonly reason?: ConnReason;
}

/** Request lifecycle steps. */
export type RequestStep =
  /** The page wants it (HTML at 0, objects when the HTML has arrived, follow-ups at atMs). */
  | 'queued'
  /**
   * Its hostname's DNS lookup has ended (`network.dnsMs`): emitted, at the lookup's end, only for
   * requests that waited for it (queued while their host was not yet resolved); from now on the
   * request may take a connection. Never emitted when `network.dnsMs` is 0.
   */
  | 'resolved'
  /** Bound to a connection (`conn`, `reused`). */
  | 'assigned'
  /** Request bytes handed to the connection (after TLS, if any). */
  | 'sent'
  /** The server has the whole request. */
  | 'server-received'
  /** The server starts processing (after earlier requests on the connection: serial). */
  | 'server-start'
  /** The server writes the response. */
  | 'server-end'
  /**
   * The server has processed the request but resets the connection instead of answering
   * (`server.resetAfterProcessing`: a worker that dies after doing the work).
   */
  | 'server-reset'
  /** The first response byte reached the client application (in order). */
  | 'first-byte'
  /** The whole response reached the client application. */
  | 'done'
  /** The request failed for good (`error`). */
  | 'error'
  /** The connection closed before any response byte; the request is queued again (`attempt`). */
  | 'retry';

/** A request lifecycle event. */
export interface RequestEvent {
  readonly type: 'request';
  readonly t: number;
  readonly step: RequestStep;
  readonly requestId: number;
  readonly path: string;
  readonly host: string;
  readonly method: HttpMethod;
  /** Attempt number, 1-based (2 after a retry). */
  readonly attempt: number;
  /** Connection id ('assigned' and later steps). */
  readonly conn?: number;
  /** 'assigned': true when the connection had carried an earlier request. */
  readonly reused?: boolean;
  /** 'done': response bytes received (headers + body); 'sent': request bytes. */
  readonly bytes?: number;
  /** 'error' and 'retry': what happened. */
  readonly error?: RequestError;
  /** True for a follow-up request (not part of the page load). */
  readonly followUp: boolean;
  /** HTTP/2 and 3 only: the stream id carrying the request ('sent' and later steps). */
  readonly stream?: number;
  /**
   * HTTP/1.0 and 1.1, detailed traces only: the message head exactly as on the wire, one entry
   * per line without its CRLF (`src/sim/http/heads.ts`): on 'sent' the request's, on 'done' the
   * response's.
   */
  readonly head?: readonly string[];
}

/** HTTP methods the model knows. */
export type HttpMethod = 'GET' | 'POST';

/** Why a request failed or was retried. */
export type RequestError =
  'connection-reset' | 'connection-closed' | 'connection-timeout' | 'incomplete-response';

/**
 * Congestion window change on a sender. Congestion-avoidance growth (a fraction of a segment per
 * ACK) is reported when the whole number of segments changes; every other change is reported.
 */
export interface CwndEvent {
  readonly type: 'cwnd';
  readonly t: number;
  readonly conn: number;
  readonly side: Side;
  /** Congestion window in segments (may be fractional in congestion avoidance). */
  readonly cwnd: number;
  /** Slow-start threshold in segments; null until the first loss (unbounded). */
  readonly ssthresh: number | null;
  readonly reason: CwndReason;
}

/** Why cwnd changed. */
export type CwndReason =
  | 'init'
  | 'slow-start'
  | 'congestion-avoidance'
  | 'idle-restart'
  | 'timeout'
  | 'fast-retransmit'
  | 'recovery'
  | 'recovery-exit';

/** TLS handshake progress on one side of a connection. */
export interface TlsEvent {
  readonly type: 'tls';
  readonly t: number;
  readonly conn: number;
  readonly side: Side;
  readonly step: 'start' | 'done';
  readonly version: Exclude<TlsVersion, 'none'>;
}

/** The last event: the simulation ended. Carries the engine's event count. */
export interface EndEvent {
  readonly type: 'end';
  readonly t: number;
  /** Engine events executed. */
  readonly events: number;
  /** 'idle' when everything settled, otherwise the limit that stopped the run. */
  readonly outcome: 'idle' | 'until' | 'max-events';
}

/** Why a server snapshot was emitted. */
export type ServerEventReason =
  'syn-dropped' | 'queued' | 'accepted' | 'active' | 'idle' | 'released' | 'socket';

/**
 * Server resources after a change (emitted only with a workload or a non-default server model,
 * so default traces are unchanged). Threaded: `busy` and `idle` are workers (serving / idle in
 * keep-alive); event: connections in each state (they hold no worker). `free` is capacity left
 * (workers, or connections under maxConnections); null when unlimited.
 */
export interface ServerEvent {
  readonly type: 'server';
  readonly t: number;
  readonly reason: ServerEventReason;
  /** Connection the change is about. */
  readonly conn: number;
  readonly busy: number;
  readonly idle: number;
  readonly free: number | null;
  /** Established connections waiting in the listen backlog (accept queue). */
  readonly backlog: number;
  /** Server sockets holding a file descriptor (SYN_RECEIVED until closed or TIME_WAIT). */
  readonly fds: number;
  /** Server sockets in TIME_WAIT (the server closed first). */
  readonly timeWait: number;
  /** Estimated server memory (bytes; constants in server.ts). */
  readonly memoryBytes: number;
  /** SYNs dropped so far because the backlog was full (cumulative). */
  readonly refused: number;
}

/**
 * Why a stream's bytes waited (`StreamStallEvent.cause`):
 * - `head-of-line`: the bytes that filled the gap carried none of this stream's data (only other
 *   streams', connection frames or TLS records): the stream was head-of-line blocked, and would
 *   not have waited had it been ordered on its own (HTTP/2 over TCP);
 * - `own-data`: they carried some of this stream's own data: it waited for its own lost bytes,
 *   as it would have with per-stream ordering (always so for HTTP/3: QUIC orders each stream alone).
 */
export type StallCause = 'head-of-line' | 'own-data';

/**
 * Bytes of one stream reached the receiver at `fromMs` but could only be delivered to the
 * application at `toMs` (= `t`), because bytes before them in the delivery order were missing:
 * for HTTP/2 the TCP byte stream, shared by every stream; for HTTP/3 the stream's own bytes (QUIC
 * orders each stream separately). One event per stream and receiving side each time a gap fills;
 * a stream's events may overlap (bytes behind two holes), so its waiting time is the measure of
 * their union (`stallSummary` in metrics.ts), not their sum.
 */
export interface StreamStallEvent {
  readonly type: 'stream-stall';
  readonly t: number;
  readonly conn: number;
  /** The receiving side. */
  readonly side: Side;
  readonly stream: number;
  /** Requests whose bytes waited (the stream's request). */
  readonly requestIds: readonly number[];
  /** Earliest arrival of a waiting byte. */
  readonly fromMs: number;
  /** When they became deliverable. */
  readonly toMs: number;
  /** Head-of-line blocked (behind other data) or waiting for the stream's own lost data. */
  readonly cause: StallCause;
}

/** Any trace event (discriminated by `type`). */
export type TraceEvent =
  | PacketEvent
  | ConnOpenEvent
  | ConnStateEvent
  | RequestEvent
  | CwndEvent
  | TlsEvent
  | ServerEvent
  | StreamStallEvent
  | EndEvent;

/** A whole trace: events sorted by `t` (ties in causal order). */
export type Trace = readonly TraceEvent[];

/**
 * Sees each event as it is recorded (`MetricsAccumulator`). The kinds recorded most come through
 * methods of their own, called by their emitters, so the observer need not dispatch on `type`
 * (a property load that sees every event shape, slow).
 */
export interface TraceObserver {
  add(e: TraceEvent): void;
  addPacket(e: PacketEvent): void;
  addRequest(e: RequestEvent): void;
  addConn(e: ConnStateEvent): void;
  addCwnd(e: CwndEvent): void;
}

/** Appends trace events; the simulation only ever appends at the current time, so order holds. */
export class TraceRecorder {
  /** The events recorded so far. */
  readonly events: TraceEvent[] = [];
  private packetIds = 0;

  /**
   * `sink` (optional) sees every event; `keep(e)` (optional) decides which are stored (summary
   * mode stores only a few types, so a 10,000-client run does not keep every packet).
   */
  constructor(
    private readonly sink?: (e: TraceEvent) => void,
    private readonly keep?: (e: TraceEvent) => boolean,
    /**
     * False: emitters skip building packet, connection, cwnd, TLS and conn-open events at all
     * (summary mode: nothing downstream needs them, and not allocating them is most of the speed).
     */
    readonly detail = true,
    /** Sees every event (used without `sink` and `keep`: every event is stored, unless `store`). */
    private readonly observer?: TraceObserver,
    /** False (with an `observer`): the observer sees the events, and none is stored. */
    private readonly store = true,
  ) {}

  /** Records one event. */
  emit(e: TraceEvent): void {
    if (this.sink === undefined) {
      this.observer?.add(e);
      if (this.store) this.events.push(e);
      return;
    }
    this.sink(e);
    if (this.keep === undefined || this.keep(e)) this.events.push(e);
  }

  /** Records a packet event (as `emit`; the observer is told its kind). */
  emitPacket(e: PacketEvent): void {
    if (this.sink !== undefined || this.observer === undefined) return this.emit(e);
    this.observer.addPacket(e);
    if (this.store) this.events.push(e);
  }

  /** Records a `request` event (as `emit`; the observer is told its kind). */
  emitRequest(e: RequestEvent): void {
    if (this.sink !== undefined || this.observer === undefined) return this.emit(e);
    this.observer.addRequest(e);
    if (this.store) this.events.push(e);
  }

  /** Records a `conn` event (as `emit`; the observer is told its kind). */
  emitConn(e: ConnStateEvent): void {
    if (this.sink !== undefined || this.observer === undefined) return this.emit(e);
    this.observer.addConn(e);
    if (this.store) this.events.push(e);
  }

  /** Records a `cwnd` event (as `emit`; the observer is told its kind). */
  emitCwnd(e: CwndEvent): void {
    if (this.sink !== undefined || this.observer === undefined) return this.emit(e);
    this.observer.addCwnd(e);
    if (this.store) this.events.push(e);
  }

  /** Next packet id (1-based). */
  nextPacketId(): number {
    return ++this.packetIds;
  }
}
