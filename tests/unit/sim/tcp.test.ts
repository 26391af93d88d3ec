import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/sim/simulate';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { FAST, connEvents, expectClose, ofType, packets, requestEvents, stateAt } from './helpers';

/** One HTML response of `segments` full segments (250 B of headers included), no objects. */
function oneResponse(rttMs: number, segments: number, extra: ScenarioInput = {}): ScenarioInput {
  return {
    ...extra,
    network: { rttMs, ...FAST, ...extra.network },
    page: { htmlBytes: segments * 1460 - 250, objects: 0, ...extra.page },
  };
}

describe('TCP handshake', () => {
  it('connect reaches ESTABLISHED after one RTT on the client and 1.5 RTT on the server', () => {
    const { trace } = simulate(oneResponse(100, 1));
    expect(stateAt(trace, 1, 'client', 'SYN_SENT')).toBe(0);
    expect(stateAt(trace, 1, 'server', 'SYN_RECEIVED')).toBe(50);
    expect(stateAt(trace, 1, 'client', 'ESTABLISHED')).toBe(100);
    expect(stateAt(trace, 1, 'server', 'ESTABLISHED')).toBe(150);
    expect(
      packets(trace)
        .slice(0, 3)
        .map((p) => p.label),
    ).toEqual(['SYN', 'SYN-ACK', 'GET /index.html']);
  });

  it('the first request rides on the final ACK of the handshake', () => {
    const { trace } = simulate(oneResponse(100, 1));
    const third = packets(trace)[2];
    expect(third?.flags).toEqual(['ACK', 'PSH']);
    expect(third?.t).toBe(100);
    expect(third?.seq).toBe(1);
    expect(third?.ack).toBe(1);
  });
});

describe('TCP slow start', () => {
  // Response sent 1.5 RTT + processing after SYN; k slow-start rounds => done at (k + 1) RTT + processing.
  describe.each([
    { segments: 10, iw: 10, rounds: 1 },
    { segments: 11, iw: 10, rounds: 2 },
    { segments: 4, iw: 1, rounds: 3 }, // 1 + 2 + 4
    { segments: 45, iw: 10, rounds: 3 }, // 10 + 20 + 40
    { segments: 45, iw: 3, rounds: 4 }, // 3 + 6 + 12 + 24
    { segments: 7, iw: 4, rounds: 2 },
  ])('$segments segments from IW $iw', ({ segments, iw, rounds }) => {
    it(`finish after ${rounds} round(s): done at (${rounds} + 1) RTT + processing`, () => {
      const { metrics } = simulate(
        oneResponse(100, segments, { tcp: { initialWindow: iw }, server: { processingMs: 7 } }),
      );
      expectClose(metrics.requests[0]?.doneMs, (rounds + 1) * 100 + 7);
    });
  });

  it('cwnd grows by one segment per ACKed segment: 10, then 20 after the first flight', () => {
    const { trace } = simulate(oneResponse(100, 45));
    const server = ofType(trace, 'cwnd').filter((e) => e.side === 'server');
    expect(server[0]?.cwnd).toBe(10);
    // After the 10 ACKs of flight 1 (arriving at 250 ms) the window is 20.
    const at250 = server.filter((e) => e.t === 250);
    expect(at250[at250.length - 1]?.cwnd).toBe(20);
  });

  it('HPBN ch.2: 64 KB on a new connection sends flights of 10, 20 and 15 segments', () => {
    const { trace, metrics } = simulate(oneResponse(56, 45, { server: { processingMs: 40 } }));
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    const flights = new Map<number, number>();
    for (const p of data) flights.set(p.t, (flights.get(p.t) ?? 0) + 1);
    expect([...flights.entries()]).toEqual([
      [124, 10],
      [180, 20],
      [236, 15],
    ]);
    expect(metrics.requests[0]?.doneMs).toBe(264);
  });

  it('slow-start restart after idle: cwnd back to IW after an idle period longer than the RTO', () => {
    // Warm connection (cwnd 55 after 45 ACKs), then 2 s idle (> RTO 200 ms): 3 rounds again.
    // The follow-up is 65000 B (45 segments) so that it fits the 65535 B receive window.
    // Follow-up at 2000: request at 2028, written at 2068, flights arrive 2096, 2152, 2208.
    const sc = oneResponse(56, 45, {
      server: { processingMs: 40 },
      followUps: [{ atMs: 2000, bytes: 64750, processingMs: 40 }],
    });
    const { trace, metrics } = simulate(sc);
    expect(metrics.requests[1]?.doneMs).toBe(2208);
    expect(
      ofType(trace, 'cwnd').some(
        (e) => e.reason === 'idle-restart' && e.cwnd === 10 && e.t === 2068,
      ),
    ).toBe(true);
  });

  it('without slow-start restart the warm connection sends 45 segments at once (HPBN: 96 ms)', () => {
    const sc = oneResponse(56, 45, {
      tcp: { slowStartAfterIdle: false },
      server: { processingMs: 40 },
      followUps: [{ atMs: 2000, bytes: 64750, processingMs: 40 }],
    });
    const r = simulate(sc).metrics.requests[1];
    expect(r?.sentMs).toBe(2000);
    expect(r?.doneMs).toBe(2096);
  });
});

describe('TCP receive window', () => {
  it('a receive window of 4 segments caps every flight at 4 segments', () => {
    const { trace } = simulate(oneResponse(100, 12, { tcp: { receiveWindowBytes: 4 * 1460 } }));
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    const flights = new Map<number, number>();
    for (const p of data) flights.set(p.t, (flights.get(p.t) ?? 0) + 1);
    expect([...flights.values()]).toEqual([4, 4, 4]);
  });
});

describe('TCP delayed ACK', () => {
  it('a single segment is ACKed after the 40 ms timer', () => {
    const { trace } = simulate(oneResponse(100, 1, { tcp: { delayedAck: true } }));
    const acks = packets(trace, (p) => p.dir === 'c2s' && p.kind === 'ACK');
    // Response arrives at 200 ms; the delayed ACK leaves at 240 ms.
    expect(acks[0]?.t).toBe(240);
  });

  it('every second segment is ACKed at once', () => {
    const { trace } = simulate(oneResponse(100, 2, { tcp: { delayedAck: true } }));
    const acks = packets(trace, (p) => p.dir === 'c2s' && p.kind === 'ACK');
    expect(acks[0]?.t).toBe(200);
    expect(acks[0]?.ack).toBe(1 + 2 * 1460);
  });
});

describe('TCP loss recovery', () => {
  it('retransmission on timeout: RTO = SRTT + 4 RTTVAR = 300 ms after one 100 ms sample', () => {
    // The only response segment (sent at 150) is dropped; the server RTO fires at 450, arrives 500.
    const { trace, metrics } = simulate(
      oneResponse(100, 1, { network: { drop: [{ connection: 1, segment: 1 }] } }),
    );
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    expect(data.map((p) => [p.t, p.dropped, p.retransmit])).toEqual([
      [150, true, false],
      [450, false, true],
    ]);
    expect(metrics.requests[0]?.doneMs).toBe(500);
    expect(
      ofType(trace, 'cwnd').find((e) => e.reason === 'timeout' && e.side === 'server'),
    ).toMatchObject({ t: 450, cwnd: 1, ssthresh: 2 });
    // The lost segment also carried the ACK of the request: the client resends it at 100 + 300 ms.
    expect(
      packets(trace, (p) => p.dir === 'c2s' && p.retransmit).map((p) => [p.t, p.label]),
    ).toEqual([[400, 'GET /index.html']]);
  });

  it('RTO backs off exponentially: a second loss waits 600 ms', () => {
    const { trace } = simulate(
      oneResponse(100, 1, {
        network: {
          drop: [
            { connection: 1, segment: 1 },
            { connection: 1, segment: 2 },
          ],
        },
      }),
    );
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    expect(data.map((p) => p.t)).toEqual([150, 450, 1050]);
  });

  it('fast retransmit on the third duplicate ACK, one RTT after the loss', () => {
    // 10 segments at 150; #3 lost; dup ACKs from #4.. reach the server at 250; resent #3 arrives 300.
    const { trace, metrics } = simulate(
      oneResponse(100, 10, { network: { drop: [{ connection: 1, segment: 3 }] } }),
    );
    const re = packets(trace, (p) => p.retransmit);
    expect(re.map((p) => [p.t, p.seq])).toEqual([[250, 1 + 2 * 1460]]);
    const fr = ofType(trace, 'cwnd').find((e) => e.reason === 'fast-retransmit');
    // 8 segments outstanding (#3..#10): ssthresh 4, cwnd 4 + 3.
    expect(fr).toMatchObject({ t: 250, ssthresh: 4, cwnd: 7 });
    expect(metrics.requests[0]?.doneMs).toBe(300);
  });

  it('head-of-line blocking: a lost first segment holds back the nine that arrived', () => {
    const { metrics } = simulate(
      oneResponse(100, 10, { network: { drop: [{ connection: 1, segment: 1 }] } }),
    );
    expect(metrics.requests[0]?.firstByteMs).toBe(300);
    expect(metrics.requests[0]?.doneMs).toBe(300);
  });

  it('a lost SYN is resent after the initial RTO of 1 s', () => {
    // Random loss with a seed that drops the very first packet: find it by trying seeds.
    let found = false;
    for (let seed = 1; seed < 200 && !found; seed++) {
      const { trace } = simulate(oneResponse(100, 1, { seed, network: { lossRate: 0.5 } }));
      const syns = packets(trace, (p) => p.kind === 'SYN');
      if (syns[0]?.dropped === true && syns[1] !== undefined) {
        expect(syns[1].t).toBe(1000);
        expect(syns[1].retransmit).toBe(true);
        found = true;
      }
    }
    expect(found).toBe(true);
  });
});

describe('TCP teardown', () => {
  it('the side that closes first goes through FIN_WAIT_1/2 and TIME_WAIT for 60 s', () => {
    // Server keep-alive timeout: response written at 150, FIN at 5150, client FIN+ACK back at 5250.
    const { trace } = simulate(oneResponse(100, 1, { server: { keepAliveTimeoutMs: 5000 } }));
    expect(connEvents(trace, 1, 'server').map((e) => [e.t, e.state])).toEqual([
      [50, 'SYN_RECEIVED'],
      [150, 'ESTABLISHED'],
      [150, 'ESTABLISHED'],
      [150, 'ESTABLISHED'],
      [5150, 'FIN_WAIT_1'],
      [5250, 'FIN_WAIT_2'],
      [5250, 'TIME_WAIT'],
      [65250, 'CLOSED'],
    ]);
  });

  it('the passive closer goes CLOSE_WAIT, LAST_ACK, CLOSED and never TIME_WAIT', () => {
    const { trace } = simulate(oneResponse(100, 1, { server: { keepAliveTimeoutMs: 5000 } }));
    const client = connEvents(trace, 1, 'client').filter((e) => e.t >= 5000);
    expect(client.map((e) => [e.t, e.state])).toEqual([
      [5200, 'CLOSE_WAIT'],
      [5200, 'LAST_ACK'],
      [5300, 'CLOSED'],
    ]);
  });

  it('simultaneous close: both sides go FIN_WAIT_1, CLOSING, TIME_WAIT', () => {
    // Client idle since 200 (+5000), server idle since 150 (+5050): both FINs leave at 5200.
    const { trace } = simulate(
      oneResponse(100, 1, {
        client: { idleTimeoutMs: 5000 },
        server: { keepAliveTimeoutMs: 5050 },
      }),
    );
    for (const side of ['client', 'server'] as const) {
      const late = connEvents(trace, 1, side).filter((e) => e.t >= 5000);
      expect(late.map((e) => [e.t, e.state])).toEqual([
        [5200, 'FIN_WAIT_1'],
        [5250, 'CLOSING'],
        [5300, 'TIME_WAIT'],
        [65300, 'CLOSED'],
      ]);
    }
  });

  it('data reaching a closed socket is answered with RST', () => {
    // Server closes at 5150; a follow-up GET leaves at 5160 and reaches it at 5210: RST.
    const { trace } = simulate(
      oneResponse(100, 1, { server: { keepAliveTimeoutMs: 5000 }, followUps: [{ atMs: 5160 }] }),
    );
    const rst = packets(trace, (p) => p.kind === 'RST');
    expect(rst[0]).toMatchObject({ t: 5210, dir: 's2c', conn: 1 });
    expect(stateAt(trace, 1, 'server', 'CLOSED')).toBe(5210);
    expect(requestEvents(trace, 'sent', 2)[0]?.t).toBe(5160);
  });

  it('TIME_WAIT duration follows tcp.timeWaitMs', () => {
    const { trace } = simulate(
      oneResponse(100, 1, { server: { keepAliveTimeoutMs: 5000 }, tcp: { timeWaitMs: 1000 } }),
    );
    const tw = connEvents(trace, 1, 'server')
      .filter((e) => e.state === 'TIME_WAIT' || e.state === 'CLOSED')
      .map((e) => e.t);
    expect(tw).toEqual([5250, 6250]);
  });
});
