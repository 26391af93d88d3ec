/**
 * One QUIC endpoint's connection state and what the trace is told about it: a `conn` event each
 * time the state or the coarse phase changes, and the `tls` events of the handshake.
 */
import type { Engine } from '../engine';
import { usToMs } from '../engine';
import type { ConnPhase, QuicState, QuicTls, Side, TraceRecorder } from '../trace';

/** Why a connection ended, when the trace says so. */
export type QuicCloseReason = 'idle-timeout' | 'peer-closed';

/** The state of one endpoint's connection, reported to the trace. */
export class ConnState {
  state: QuicState = 'CLOSED';
  /** Whether the application has streams open ('active') or not, for views. */
  private appPhase: 'idle' | 'active' = 'idle';
  /** The state and phase last reported (undefined: nothing reported yet). */
  private lastState: QuicState | undefined;
  private lastPhase: ConnPhase | undefined;

  constructor(
    private readonly engine: Engine,
    private readonly trace: TraceRecorder,
    private readonly conn: number,
    private readonly side: Side,
    private readonly version: QuicTls,
  ) {}

  /** Nothing reported yet (a server before its first packet). */
  get unreported(): boolean {
    return this.lastState === undefined;
  }

  /** `appOpen`: the application may write (the phase shows its activity during a 0-RTT handshake). */
  set(s: QuicState, appOpen: boolean, reason?: QuicCloseReason): void {
    this.state = s;
    this.report(appOpen, reason);
  }

  setAppPhase(p: 'idle' | 'active', appOpen: boolean): void {
    this.appPhase = p;
    this.report(appOpen);
  }

  /** The TLS handshake started (server: ClientHello read) or is done on this side. */
  tls(step: 'start' | 'done'): void {
    if (!this.trace.detail) return;
    this.trace.emit({
      type: 'tls',
      t: usToMs(this.engine.now),
      conn: this.conn,
      side: this.side,
      step,
      version: this.version,
    });
  }

  private phase(appOpen: boolean): ConnPhase {
    switch (this.state) {
      case 'HANDSHAKE':
        return appOpen && this.side === 'client' ? this.appPhase : 'handshake';
      case 'CONNECTED':
        return this.appPhase;
      case 'CLOSING':
      case 'DRAINING':
        return 'closing';
      default:
        return 'closed';
    }
  }

  private report(appOpen: boolean, reason?: QuicCloseReason): void {
    const phase = this.phase(appOpen);
    if (this.state === this.lastState && phase === this.lastPhase) return;
    this.lastState = this.state;
    this.lastPhase = phase;
    if (!this.trace.detail) return;
    const t = usToMs(this.engine.now);
    const { conn, side, state } = this;
    // Two literals rather than a spread of the optional reason (an object copy per event).
    this.trace.emitConn(
      reason === undefined
        ? { type: 'conn', t, conn, side, state, phase }
        : { type: 'conn', t, conn, side, state, phase, reason },
    );
  }
}
