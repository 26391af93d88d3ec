/** TCP states (RFC 9293 §3.3.2) grouped as the endpoint needs them, and the phase views see. */
import type { AppPhase } from '../stream';
import type { ConnPhase, TcpState } from '../trace';

/**
 * Whether queued data (and the FIN) may be sent in state `s` (a switch: the send loop asks on
 * every flush, and a Set lookup cost more).
 */
export function sendsData(s: TcpState): boolean {
  switch (s) {
    case 'ESTABLISHED':
    case 'CLOSE_WAIT':
    case 'FIN_WAIT_1':
    case 'LAST_ACK':
    case 'CLOSING':
      return true;
    default:
      return false;
  }
}

/** States after the application closed the socket: data arriving then is answered with RST. */
export const CLOSED_BY_APP: ReadonlySet<TcpState> = new Set([
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'CLOSED',
]);

/**
 * True once a socket will never call its handler again: it entered TIME_WAIT (a retransmitted
 * FIN is only re-ACKed, a RST ignored) or closed normally (LAST_ACK -> CLOSED). A workload then
 * drops the handler, so the 60 s of TIME_WAIT (which keep both sockets reachable) do not keep
 * the connection's HTTP layer and browser in memory.
 */
export function handlerDone(from: TcpState, to: TcpState): boolean {
  return to === 'TIME_WAIT' || (to === 'CLOSED' && from === 'LAST_ACK');
}

/**
 * Coarse phase for views, derived from the TCP state and the application's phase; `everOpen` is
 * false for a socket that has not left its first CLOSED state yet. `early`: TCP Fast Open opened
 * the layer above during the handshake (its first bytes ride on the SYN), so the handshake costs
 * no round trip of its own and the socket reports what that layer is doing (TLS, a request).
 */
export function tcpPhase(
  state: TcpState,
  app: AppPhase,
  everOpen: boolean,
  early = false,
): ConnPhase {
  switch (state) {
    case 'CLOSED':
      return everOpen ? 'closed' : 'handshake';
    case 'LISTEN':
      return 'handshake';
    case 'SYN_SENT':
    case 'SYN_RECEIVED':
      return early ? app : 'handshake';
    case 'ESTABLISHED':
      return app;
    case 'TIME_WAIT':
      return 'time-wait';
    default:
      return 'closing';
  }
}
