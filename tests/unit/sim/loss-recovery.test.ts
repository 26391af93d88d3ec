/**
 * Loss recovery against the RFCs: QUIC (RFC 9002 §5, §6.1, §6.2, §7.3, Appendix A) and TCP
 * (RFC 5681 §3.2 fast retransmit, RFC 6582 NewReno, RFC 6298 RTO), with one packet lost in the
 * middle of a long flight, for HTTP/3 and for HTTP/2 over TCP. Every expected value is derived
 * in the comments from the RTT, the windows and the RTT estimator's state.
 *
 * The network: RTT 100 ms and 100,000 Mbit/s, so serialization is nil and a whole window leaves
 * at once and arrives at once (the receiver then acknowledges a flight in one go). The page: one
 * 100,000-byte HTML response (70 QUIC packets, 69 TCP segments), h2c for HTTP/2 (`tls` none) so
 * that both versions send the request at 100 ms (QUIC: 1 RTT of handshake; TCP: the SYN round
 * trip) and the server's flights leave at 150, 250, 350, ... ms.
 */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/engine';
import { Space } from '../../../src/sim/quic/packet-space';
import {
  QUIC_GRANULARITY_US,
  QUIC_INITIAL_RTT_US,
  QUIC_PACKET_THRESHOLD,
  QUIC_TIME_THRESHOLD,
  Recovery,
  quicInitialWindow,
} from '../../../src/sim/quic/recovery';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import type { CwndEvent, PacketEvent, Trace } from '../../../src/sim/trace';
import { TraceRecorder } from '../../../src/sim/trace';
import { FAST, expectClose, ofType, packets } from './helpers';

/** max_datagram_size: network.mssBytes (1,460) + 12. */
const MDS = 1472;
/** The server's three Handshake packets (EncryptedExtensions ... Finished): 1,472 + 1,472 + 822 B. */
const HANDSHAKE_BYTES = 1472 + 1472 + 822;

const page = { htmlBytes: 100000, objects: 0 } as const;

const h3 = (drop: number[] = [], extra: ScenarioInput = {}): ScenarioInput => ({
  ...extra,
  http: { version: '3' },
  network: { rttMs: 100, ...FAST, drop: drop.map((segment) => ({ connection: 1, segment })) },
  page: extra.page ?? page,
});

const h2 = (drop: number[] = [], extra: ScenarioInput = {}): ScenarioInput => ({
  ...extra,
  http: { version: '2' },
  tls: 'none',
  network: { rttMs: 100, ...FAST, drop: drop.map((segment) => ({ connection: 1, segment })) },
  page: extra.page ?? page,
});

/**
 * `network.drop` counts the server's data-bearing packets: its Initial (1), its three Handshake
 * packets (2-4), then every 1-RTT packet (each carries STREAM data here), so 1-RTT packet number
 * n is data-bearing packet n + 5.
 */
const quicSegment = (pn: number): number => pn + 5;

/** The server's data packets (QUIC: 1-RTT; TCP: with payload), in send order. */
const serverData = (trace: Trace): PacketEvent[] =>
  packets(
    trace,
    (p) =>
      p.dir === 's2c' &&
      (p.transport === 'udp' ? p.packetType === '1-RTT' : p.payloadBytes > 0) &&
      !p.label.includes('GOAWAY'),
  );

const serverCwnd = (trace: Trace, reason: CwndEvent['reason']): CwndEvent[] =>
  ofType(trace, 'cwnd').filter((e) => e.side === 'server' && e.reason === reason);

const clientCwnd = (trace: Trace, reason: CwndEvent['reason']): CwndEvent[] =>
  ofType(trace, 'cwnd').filter((e) => e.side === 'client' && e.reason === reason);

// ---------------------------------------------------------------------------------------------
// The RTT estimator, thresholds and PTO of one QUIC endpoint, driven directly.

/** One endpoint's recovery with one packet number space; times in milliseconds. */
function recovery() {
  const engine = new Engine();
  const r = new Recovery(engine, new TraceRecorder(), 1, 'server', MDS);
  const sp = new Space();
  const lost: number[] = [];
  const at = (ms: number) => {
    engine.now = Math.round(ms * 1000);
  };
  return {
    r,
    sp,
    lost,
    send(ms: number, n = 1): void {
      at(ms);
      for (let i = 0; i < n; i++) {
        const pn = sp.nextPn++;
        r.onSent(sp, { pn, at: engine.now, bytes: MDS, ackEliciting: true, frames: [] });
      }
    },
    /** An ACK frame for the inclusive range [lo, hi] arrives at `ms`. */
    ack(ms: number, lo: number, hi: number): void {
      at(ms);
      r.onAck(
        sp,
        [[lo, hi]],
        () => {},
        (_, s) => lost.push(s.pn),
      );
    },
    /** The loss timer fires at `ms` (time-threshold detection). */
    timer(ms: number): void {
      at(ms);
      r.detectLost(sp, (_, s) => lost.push(s.pn));
    },
    /** One round trip: a packet sent at `ms`, acknowledged `rttMs` later. */
    sample(ms: number, rttMs: number): void {
      this.send(ms);
      this.ack(ms + rttMs, sp.nextPn - 1, sp.nextPn - 1);
    },
  };
}

describe('QUIC RTT estimate and PTO (RFC 9002 §5.3, §6.2)', () => {
  it('the constants are the RFC’s', () => {
    expect(QUIC_PACKET_THRESHOLD).toBe(3);
    expect(QUIC_TIME_THRESHOLD).toBe(9 / 8);
    expect(QUIC_GRANULARITY_US).toBe(1000);
    expect(QUIC_INITIAL_RTT_US).toBe(333000);
    // §7.2: min(10 x mds, max(14,720, 2 x mds)) = min(14,720, 14,720).
    expect(quicInitialWindow(MDS)).toBe(14720);
  });

  it('before any sample: smoothed 333 ms, rttvar 166.5 ms, PTO 333 + 4 x 166.5 = 999 ms (§6.2.2: "a PTO of 1 second")', () => {
    expect(recovery().r.ptoUs()).toBe(999000);
  });

  it('the first sample sets smoothed = latest and rttvar = latest / 2: PTO = 100 + 4 x 50 = 300 ms', () => {
    const q = recovery();
    q.sample(0, 100);
    expect(q.r.ptoUs()).toBe(300000);
  });

  it('a second sample of 140 ms: rttvar = 3/4 x 50 + 1/4 x |100 - 140| = 47.5, smoothed = 7/8 x 100 + 1/8 x 140 = 105, PTO = 105 + 190 = 295 ms', () => {
    const q = recovery();
    q.sample(0, 100);
    q.sample(200, 140);
    expect(q.r.ptoUs()).toBe(295000);
  });

  it('kGranularity: after 40 samples of 100 ms rttvar = 50 x 0.75^39 = 0.00067 ms, so PTO = 100 + max(4 rttvar, 1) = 101 ms', () => {
    const q = recovery();
    for (let i = 0; i < 40; i++) q.sample(200 * i, 100);
    expect(50 * 0.75 ** 39 * 4).toBeLessThan(1);
    expect(q.r.ptoUs()).toBe(101000);
  });

  it('the PTO timer runs from the last ack-eliciting packet sent and doubles per consecutive PTO; an ACK resets the backoff', () => {
    const q = recovery();
    q.sample(0, 100); // PTO 300 ms
    q.send(200);
    expect(q.r.timerAt([q.sp])).toBe((200 + 300) * 1000);
    q.r.onProbeTimeout();
    expect(q.r.timerAt([q.sp])).toBe((200 + 2 * 300) * 1000);
    q.r.onProbeTimeout();
    expect(q.r.timerAt([q.sp])).toBe((200 + 4 * 300) * 1000);
    // The ACK of the packet sent at 200 arrives at 300 (a 100 ms sample: rttvar 37.5, PTO 250).
    q.send(250);
    q.ack(300, 1, 1);
    expect(q.r.ptoCount).toBe(0);
    expect(q.r.timerAt([q.sp])).toBe((250 + 250) * 1000);
  });
});

describe('QUIC loss detection thresholds (RFC 9002 §6.1, Appendix A.10)', () => {
  it('packet threshold: the ACK of packet 3 declares packet 0 lost (3 >= 0 + 3), not 1 and 2; those get a loss time instead of a PTO', () => {
    const q = recovery();
    q.send(0, 4);
    q.ack(100, 3, 3);
    expect(q.lost).toEqual([0]);
    // Time threshold: 9/8 x max(smoothed 100, latest 100) = 112.5 ms after they were sent.
    expect(q.sp.lossTime).toBe(112500);
    expect(q.r.timerAt([q.sp])).toBe(112500);
    q.timer(112.5);
    expect(q.lost).toEqual([0, 1, 2]);
  });

  it('time threshold uses the latest RTT when it is above the smoothed one: 9/8 x 200 = 225 ms', () => {
    const q = recovery();
    q.sample(0, 100);
    q.send(1000, 2);
    // Sample 200 ms: smoothed 7/8 x 100 + 1/8 x 200 = 112.5 < latest 200.
    q.ack(1200, 2, 2);
    expect(q.lost).toEqual([]);
    expect(q.sp.lossTime).toBe((1000 + 225) * 1000);
  });

  it('time threshold uses the smoothed RTT when the latest is below it: 9/8 x 95 = 106.875 ms', () => {
    const q = recovery();
    q.sample(0, 100);
    q.send(1000, 2);
    // Sample 60 ms: smoothed 7/8 x 100 + 1/8 x 60 = 95 > latest 60.
    q.ack(1060, 2, 2);
    expect(q.sp.lossTime).toBe((1000 + 106.875) * 1000);
  });

  it('time threshold is at least kGranularity: RTT 0.4 ms gives max(9/8 x 0.4, 1) = 1 ms', () => {
    const q = recovery();
    q.send(0, 2);
    q.ack(0.4, 1, 1);
    expect(q.sp.lossTime).toBe(1000);
  });

  it('congestion response: one reduction per recovery period to half the window, at least 2 x max_datagram_size (§7.3.2)', () => {
    const q = recovery();
    q.r.cwnd = 20 * MDS;
    q.send(0, 10); // pn 0-9
    // At 100 the ACK of pn 4 declares pn 0 and 1 lost (4 >= 1 + 3): a congestion event. RFC 9002
    // Appendix A.7 processes the loss before the acknowledgement, and pn 4, sent (at 0) before the
    // recovery period began, does not grow the window: 20 x 1,472 / 2 = 14,720 (growing it first
    // would give (20 + 1) x 1,472 / 2 = 15,456).
    q.ack(100, 4, 4);
    expect(q.lost).toEqual([0, 1]);
    expect(q.r.ssthresh).toBe(14720);
    expect(q.r.cwnd).toBe(14720);
    // pn 2 and 3 are lost by the time threshold at 112.5; they were sent (at 0) before the
    // recovery period began (at 100): no second reduction.
    q.timer(112.5);
    expect(q.lost).toEqual([0, 1, 2, 3]);
    expect(q.r.ssthresh).toBe(14720);
    // pn 10-13 sent at 150, after it began; at 250 the ACK of pn 13 declares pn 5-9 and pn 10
    // lost: pn 10 starts a new period. With the window at 2 x 1,472 before that ACK (+1,472 for
    // pn 13, slow start): max(4,416 / 2, 2 x 1,472) = 2,944, the floor (kMinimumWindow).
    q.send(150, 4);
    q.r.cwnd = 2 * MDS;
    q.ack(250, 13, 13);
    expect(q.lost).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9, 10]);
    expect(q.r.ssthresh).toBe(2 * MDS);
    expect(q.r.cwnd).toBe(2 * MDS);
  });
});

// ---------------------------------------------------------------------------------------------
// HTTP/3: one loss in a long flight.

describe('HTTP/3: a single loss in a long flight (RFC 9002 §6.1, §6.2, §7.3.2)', () => {
  // The server's RTT estimator: the client's Handshake packet at 100 ms acknowledges the server's
  // Handshake packets sent at 50 (first sample 100 ms: smoothed 100, rttvar 50); then one ACK
  // per flight, each a 100 ms sample: rttvar 37.5 (at 250), 28.125 (350), 21.09375 (450).
  // The window: IW 14,720 B, grown by the 3,766 Handshake bytes acknowledged at 150 =
  // 18,486 B = 12 full packets (pn 0-11) at 150; their ACK at 250 adds 12 x 1,472 =
  // 36,150 B = 24 packets (pn 12-35) at 250; the rest (pn 36-69) at 350.
  it('the flights the closed forms assume: pn 0-11 at 150, 12-35 at 250, 36-69 at 350', () => {
    const data = serverData(simulate(h3()).trace);
    const at = (t: number) => data.filter((p) => p.t === t).map((p) => p.packetNumber);
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(Math.floor((quicInitialWindow(MDS) + HANDSHAKE_BYTES) / MDS)).toBe(12);
    expect(Math.floor((quicInitialWindow(MDS) + HANDSHAKE_BYTES + 12 * MDS) / MDS)).toBe(24);
    expect(at(150)).toEqual(range(0, 11));
    expect(at(250)).toEqual(range(12, 35));
    expect(at(350)).toEqual(range(36, 69));
    expect(data).toHaveLength(70);
  });

  it('without a loss no probe timeout fires: discarding the Handshake keys resets the timer (§6.2.2, A.11)', () => {
    // The client's Handshake Finished (sent at 100) is never acknowledged: the server discards its
    // Handshake keys on receiving it. The client discards its own at 200 (HANDSHAKE_DONE); a
    // timer still armed for that packet would fire a PTO at 100 + smoothed 100 + 4 x 37.5 = 350.
    const { trace, metrics } = simulate(h3());
    expect(ofType(trace, 'cwnd').filter((e) => e.reason === 'timeout')).toEqual([]);
    expect(metrics.requests.map((r) => r.doneMs)).toEqual([400]);
  });

  describe('pn 20 lost: 15 later packets acknowledged (packet threshold)', () => {
    const { trace, metrics } = simulate(h3([quicSegment(20)]));
    const data = serverData(trace);

    it('declared lost when the ACK of the flight arrives (350), before its time threshold (250 + 112.5)', () => {
      expect(data.find((p) => p.dropped)?.packetNumber).toBe(20);
      expect(serverCwnd(trace, 'fast-retransmit').map((e) => e.t)).toEqual([350]);
    });

    it('retransmitted at once in a new packet number (36, never 20 again: RFC 9000 §12.3)', () => {
      const re = data.filter((p) => p.retransmit);
      expect(re.map((p) => [p.t, p.packetNumber, p.arriveMs])).toEqual([[350, 36, 400]]);
      expect(data.filter((p) => p.packetNumber === 20)).toHaveLength(1);
    });

    it('the stream waits for its own data from 300 to 400 and all its bytes arrive', () => {
      expect(
        ofType(trace, 'stream-stall').map((s) => [s.stream, s.fromMs, s.toMs, s.cause]),
      ).toEqual([[0, 300, 400, 'own-data']]);
      expect(metrics.requests.map((r) => r.bytes)).toEqual([100175]);
    });

    it('congestion response: ssthresh = cwnd = half the window at detection', () => {
      // The ACK at 350 acknowledges 23 packets (12-35 but 20) and reveals the loss of pn 20. As
      // in RFC 9002 Appendix A.7 the loss is processed first, so the window halves from 36,150 to
      // 18,075 B, and the 23 packets, all sent before the recovery period began, do not grow it
      // (growing it first would have halved 36,150 + 23 x 1,472 = 70,006 to 35,003 B).
      const e = serverCwnd(trace, 'fast-retransmit')[0];
      expectClose(e?.ssthresh, 18075 / MDS);
      expectClose(e?.cwnd, 18075 / MDS);
    });

    it('no probe timeout fires on either side (the client discarded its Handshake keys at 200)', () => {
      expect(serverCwnd(trace, 'timeout')).toEqual([]);
      expect(clientCwnd(trace, 'timeout')).toEqual([]);
    });
  });

  // The boundary of kPacketThreshold: pn 32 has 3 later packets in its flight (33, 34, 35), pn 33
  // two and pn 34 one. All are acknowledged by the one ACK arriving at 350: pn 32 is lost then
  // (35 >= 32 + 3); pn 33 and 34 only by the time threshold, 9/8 x max(smoothed 100, latest 100)
  // = 112.5 ms after they were sent at 250: at 362.5.
  it.each([
    [32, 350],
    [33, 362.5],
    [34, 362.5],
  ])('pn %i lost: declared at %s ms', (pn, declared) => {
    const { trace } = simulate(h3([quicSegment(pn)]));
    expect(serverData(trace).find((p) => p.dropped)?.packetNumber).toBe(pn);
    expect(serverCwnd(trace, 'fast-retransmit').map((e) => e.t)).toEqual([declared]);
  });

  describe('pn 34 lost, the second-to-last of its flight (time threshold)', () => {
    const { trace, metrics } = simulate(h3([quicSegment(34)]));
    const data = serverData(trace);

    it('declared at 250 + 9/8 x 100 = 362.5, with half the window: 35,003 B', () => {
      // The ACK at 350 acknowledged 23 packets (12-35 but 34) without revealing a loss, so they
      // grew the window in slow start: 36,150 + 23 x 1,472 = 70,006 B; the timer halves that
      // (here the sim and RFC 9002 Appendix A agree: no ACK is processed at 362.5).
      const e = serverCwnd(trace, 'fast-retransmit')[0];
      expect(e?.t).toBe(362.5);
      expectClose(e?.ssthresh, 35003 / MDS);
      expectClose(e?.cwnd, 35003 / MDS);
    });

    it('the retransmission goes at once, past the halved window: sent at 362.5, arrives 412.5', () => {
      // At 350 the 70,006-byte window let the last 34 packets go (33 x 1,472 + 1,127 = 49,703 B
      // besides pn 34). At 362.5 the window is 35,003 B with 49,703 B in flight, but entering
      // recovery lets one packet go past it (RFC 9002 §7.3.2, Appendix A.9 MaybeSendOnePacket):
      // the lost data leaves at once in pn 70 and arrives RTT/2 later, 412.5, after the rest of
      // the response (which arrived at 400): the response completes at 412.5. (Without that
      // packet it would wait for the ACK of the flight at 450 and complete at 500.)
      const re = data.filter((p) => p.retransmit);
      expect(re.map((p) => [p.t, p.packetNumber, p.arriveMs])).toEqual([[362.5, 70, 412.5]]);
      expect(metrics.requests[0]?.doneMs).toBe(412.5);
    });
  });

  describe('pn 69 lost, the last packet (tail loss: probe timeout)', () => {
    // Nothing is sent after pn 69 (at 350), so no ACK can reveal its loss. PTO =
    // smoothed 100 + max(4 x 21.09375, 1) = 184.375 ms (rttvar after the 4th sample, at 450;
    // max_ack_delay 0: see src/sim/quic/README.md), counted from the last ack-eliciting packet:
    // 350 + 184.375 = 534.375.
    const { trace, metrics } = simulate(h3([quicSegment(69)]));
    const data = serverData(trace);

    it('a probe at 534.375 carries the lost data again in pn 70; the response completes at 584.375', () => {
      expect(serverCwnd(trace, 'timeout').map((e) => e.t)).toEqual([534.375]);
      const re = data.filter((p) => p.retransmit);
      expect(re.map((p) => [p.t, p.packetNumber, p.arriveMs])).toEqual([[534.375, 70, 584.375]]);
      expect(metrics.requests.map((r) => [r.doneMs, r.bytes])).toEqual([[584.375, 100175]]);
    });

    it('the PTO declares nothing lost; the ACK of the probe does, by time threshold, at 634.375', () => {
      // At 634.375 pn 70 is acknowledged: 70 < 69 + 3, but pn 69 was sent 284.375 ms before,
      // more than 9/8 x 100. The congestion event comes then, not at the PTO (§6.2).
      expect(serverCwnd(trace, 'fast-retransmit').map((e) => e.t)).toEqual([634.375]);
    });

    it('a lost probe: the second PTO waits twice as long, 534.375 + 2 x 184.375 = 903.125', () => {
      const two = simulate(h3([quicSegment(69), quicSegment(70)]));
      expect(serverCwnd(two.trace, 'timeout').map((e) => e.t)).toEqual([534.375, 903.125]);
      const re = serverData(two.trace).filter((p) => p.retransmit);
      expect(re.map((p) => [p.t, p.packetNumber, p.dropped])).toEqual([
        [534.375, 70, true],
        [903.125, 71, false],
      ]);
      expect(two.metrics.requests[0]?.doneMs).toBe(953.125);
    });
  });

  it('two losses in one flight (pn 20 and 25): one congestion event, each lost packet’s data in a new packet', () => {
    const { trace } = simulate(h3([quicSegment(20), quicSegment(25)]));
    expect(serverCwnd(trace, 'fast-retransmit').map((e) => e.t)).toEqual([350]);
    const re = serverData(trace).filter((p) => p.retransmit);
    expect(re.map((p) => [p.t, p.packetNumber])).toEqual([
      [350, 36],
      [350, 37],
    ]);
  });

  it('at 12 Mbit/s (1 ms per packet, one ACK per packet): declared when the ACK of the third later packet arrives', () => {
    // Data-bearing packet 20 is 1-RTT pn 16 (here pn 0 carries HANDSHAKE_DONE alone), in the
    // middle of the second flight. Each ACK (64 B: round(64 x 8 / 12) = 43 us) acknowledges one
    // packet; the ACKs of pn 17 and 18 do not declare pn 16 lost (18 < 16 + 3, and 9/8 x RTT has
    // not passed), the ACK of pn 19 does: at pn 19's arrival + 43 us + 50 ms.
    const { trace } = simulate({
      http: { version: '3' },
      network: { rttMs: 100, bandwidthMbps: 12, drop: [{ connection: 1, segment: 20 }] },
      page: { htmlBytes: 60000, objects: 0 },
    });
    const data = serverData(trace);
    const lost = data.find((p) => p.dropped);
    expect(lost?.packetNumber).toBe(16);
    const third = data.find((p) => p.packetNumber === 19);
    const declared = serverCwnd(trace, 'fast-retransmit')[0]?.t ?? NaN;
    expectClose(declared, (third?.arriveMs ?? NaN) + 0.043 + 50, 0, 1e-9);
    const acks = packets(trace, (p) => p.dir === 'c2s' && p.packetType === '1-RTT');
    const ackOf = (pn: number) => acks.find((p) => p.ack === pn)?.arriveMs ?? NaN;
    expect(ackOf(18)).toBeLessThan(declared);
    expect(ackOf(19)).toBe(declared);
    // Before the time threshold would have fired: 9/8 of a ~100 ms RTT after pn 16 was sent.
    expect(declared - (lost?.sendMs ?? NaN)).toBeLessThan(112.5);
  });
});

// ---------------------------------------------------------------------------------------------
// HTTP/2 over TCP: the same response and losses.

describe('HTTP/2 over TCP: a single loss in a long flight (RFC 5681 §3.2, RFC 6582, RFC 6298)', () => {
  // TCP, no delayed ACK: IW 10 segments (1-10) at 150; their 10 ACKs at 250 each add a segment
  // and release two: 20 segments (11-30) at 250; then 39 (31-69) at 350.
  it('the flights the closed forms assume: segments 1-10 at 150, 11-30 at 250, 31-69 at 350', () => {
    const data = serverData(simulate(h2()).trace);
    expect([150, 250, 350].map((t) => data.filter((p) => p.t === t).length)).toEqual([10, 20, 39]);
    expect(data).toHaveLength(69);
  });

  describe('segment 20 lost (seq 1 + 19 x 1,460 = 27,741): fast retransmit', () => {
    // At 300 segments 11-19 arrive in order (9 new ACKs) and 21-30 out of order (10 duplicate
    // ACKs). At 350 the 9 new ACKs grow cwnd 20 -> 29 and release segments 31-48; the third
    // duplicate ACK retransmits seq 27,741 with FlightSize = segments 20-48 = 29:
    // ssthresh = max(floor(29 / 2), 2) = 14, cwnd = 14 + 3 = 17; the other 7 inflate it to 24.
    const { trace, metrics } = simulate(h2([20]));
    const data = serverData(trace);

    it('the third duplicate ACK retransmits the segment at 350; it arrives at 400', () => {
      expect(data.find((p) => p.dropped)?.seq).toBe(27741);
      expect(data.filter((p) => p.retransmit).map((p) => [p.t, p.seq, p.arriveMs])).toEqual([
        [350, 27741, 400],
      ]);
      expect(serverCwnd(trace, 'timeout')).toEqual([]);
    });

    it('ssthresh = half the flight, cwnd = ssthresh + 3, +1 per further duplicate ACK; the full ACK ends recovery at ssthresh', () => {
      expect(serverCwnd(trace, 'fast-retransmit').map((e) => [e.t, e.ssthresh, e.cwnd])).toEqual([
        [350, 14, 17],
      ]);
      expect(
        serverCwnd(trace, 'recovery')
          .filter((e) => e.t === 350)
          .map((e) => e.cwnd),
      ).toEqual([18, 19, 20, 21, 22, 23, 24]);
      // The retransmission fills the hole at 400: the ACK of everything up to segment 48
      // (1 + 48 x 1,460 = 70,081 = recover) reaches the server at 450.
      expect(serverCwnd(trace, 'recovery-exit').map((e) => [e.t, e.cwnd])).toEqual([[450, 14]]);
    });

    it('the stream waits from 300 to 400; all its bytes are delivered, in order, once', () => {
      expect(
        ofType(trace, 'stream-stall').map((s) => [s.stream, s.fromMs, s.toMs, s.cause]),
      ).toEqual([[1, 300, 400, 'own-data']]);
      expect(metrics.requests.map((r) => r.bytes)).toEqual([100175]);
    });
  });

  it('segment 69 lost, the last (tail loss): the RTO fires 200 ms (the minimum) after the last ACK, at 650', () => {
    // RFC 6298: the timer restarts on each ACK of new data; the last ones arrive at 450. RTO =
    // max(minRto 200, SRTT + 4 RTTVAR): SRTT 100, RTTVAR = 50 x 0.75^n after n + 1 samples of
    // 100 ms (the handshake's, then one per ACK) is below 25 after 3, so RTO = 200 ms.
    // On the timeout ssthresh = max(FlightSize / 2, 2) = 2 and cwnd = 1 (RFC 5681 (4)).
    const { trace, metrics } = simulate(h2([69]));
    const re = serverData(trace).filter((p) => p.retransmit);
    expect(re.map((p) => [p.t, p.arriveMs])).toEqual([[650, 700]]);
    expect(serverCwnd(trace, 'timeout').map((e) => [e.t, e.ssthresh, e.cwnd])).toEqual([
      [650, 2, 1],
    ]);
    expect(metrics.requests.map((r) => [r.doneMs, r.bytes])).toEqual([[700, 100175]]);
  });
});

// ---------------------------------------------------------------------------------------------
// Head-of-line blocking: HTTP/2 stalls every stream behind the loss, HTTP/3 only the one hit.

describe('one loss, two responses: HTTP/2 blocks the other stream, HTTP/3 does not', () => {
  // HTML 5,000 B, then two objects requested up front: 60,000 B (HTTP/2 stream 3, HTTP/3 stream
  // 4) and 10,000 B (stream 5 / 8). Round-robin in 16,384-byte turns puts the large object's
  // data first in the second flight (sent at 250), then all of the small one's, which therefore
  // arrives at 300. The second packet of that flight is lost; it carried only the large object.
  const hol: ScenarioInput = {
    page: { htmlBytes: 5000, objects: [60000, 10000], discovery: 'upfront' },
  };

  it('without a loss both versions complete the small object at 300 and the large at 400', () => {
    for (const sc of [h2([], hol), h3([], hol)])
      expect(simulate(sc).metrics.requests.map((r) => r.doneMs)).toEqual([200, 400, 300]);
  });

  it('HTTP/2 (segment 12 lost): stream 5 lost nothing, yet its bytes wait until the retransmission arrives at 400', () => {
    // Segment 12 is the second of the 20 sent at 250; its 18 successors bring 18 duplicate ACKs
    // at 350: fast retransmit then, arriving at 400.
    const { trace, metrics } = simulate(h2([12], hol));
    const lost = serverData(trace).find((p) => p.dropped);
    expect(lost?.frames).toEqual([{ stream: 3, type: 'DATA' }]);
    const small = serverData(trace).filter((p) =>
      p.frames?.some((f) => f.stream === 5 && f.type === 'DATA'),
    );
    expect(small.every((p) => p.seq > (lost?.seq ?? Infinity) && p.arriveMs === 300)).toBe(true);
    expect(ofType(trace, 'stream-stall').map((s) => [s.stream, s.fromMs, s.toMs, s.cause])).toEqual(
      [
        [3, 300, 400, 'own-data'],
        [5, 300, 400, 'head-of-line'],
      ],
    );
    expect(metrics.requests.map((r) => [r.requestId, r.doneMs])).toContainEqual([3, 400]);
  });

  it('HTTP/3 (pn 13 lost): stream 8 completes at 300 as without the loss; only stream 4 waits', () => {
    // pn 13 is the second of the 24 sent at 250; the ACK at 350 declares it lost (35 >= 13 + 3),
    // its data goes again at once in pn 36 and arrives at 400.
    const { trace, metrics } = simulate(h3([quicSegment(13)], hol));
    const lost = serverData(trace).find((p) => p.dropped);
    expect(lost?.packetNumber).toBe(13);
    expect(lost?.frames).toEqual([{ stream: 4, type: 'STREAM' }]);
    const small = serverData(trace).filter((p) =>
      p.frames?.some((f) => f.stream === 8 && f.type === 'STREAM'),
    );
    expect(small.every((p) => (p.packetNumber ?? 0) > 13 && p.arriveMs === 300)).toBe(true);
    expect(ofType(trace, 'stream-stall').map((s) => [s.stream, s.fromMs, s.toMs, s.cause])).toEqual(
      [[4, 300, 400, 'own-data']],
    );
    expect(metrics.requests.map((r) => [r.requestId, r.doneMs])).toContainEqual([3, 300]);
  });
});
