/** TCP's parameters in the engine's units (microseconds), as `simulate.ts` derives them. */
import type { Micros } from '../engine';

/** TCP parameters in engine units. */
export interface TcpConfig {
  readonly mssBytes: number;
  /** Initial congestion window in segments. */
  readonly initialWindow: number;
  /** Receive window advertised by each side (bytes). */
  readonly receiveWindowBytes: number;
  readonly delayedAck: boolean;
  readonly delayedAckUs: Micros;
  /** Nagle's algorithm (RFC 896; `tcp.nagle`): see `TcpEndpoint.flush`. */
  readonly nagle: boolean;
  /**
   * TCP Fast Open (RFC 7413; `tcp.fastOpen`), both sides: the client asks for a cookie on its
   * first SYN and sends data with every later one; the server answers SYN data at once.
   */
  readonly fastOpen: boolean;
  readonly slowStartAfterIdle: boolean;
  readonly initialRtoUs: Micros;
  readonly minRtoUs: Micros;
  readonly maxRtoUs: Micros;
  readonly timeWaitUs: Micros;
  /** Consecutive timeouts after which the connection is aborted. */
  readonly maxRetries: number;
  /**
   * Retransmissions of an unanswered SYN before the connection attempt fails (Linux
   * `tcp_syn_retries`; the data states use `maxRetries`, Linux `tcp_retries2`).
   */
  readonly synRetries: number;
}
