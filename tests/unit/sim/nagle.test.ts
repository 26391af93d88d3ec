/**
 * `tcp.nagle` with and without the client's delayed ACK (Heidemann 1997; RFC 896; RFC 1122
 * §4.2.3.2 and §4.2.3.4). One HTTP/1.1 response on a new connection at RTT 100 ms and 100 Gbit/s
 * (serialization ~0), IW 10, MSS 1460, 250 B of response head, no processing time:
 *
 * - The request leaves at 100 ms (after SYN, SYN-ACK) and reaches the server at 150; the server
 *   writes the whole response at once to an idle connection: 10 full segments (the initial
 *   window) leave at 150 and arrive at 200.
 * - The client acknowledges every second segment at once (5 ACKs at 200, at the server at 250);
 *   slow start opens the window by one segment per segment acknowledged, so at 250 the rest of
 *   the response may go: with F full segments in all, F - 10 more full segments and the short
 *   tail.
 * - Without Nagle the tail goes at 250 with them and the response is complete at 300.
 * - With Nagle the tail is shorter than the MSS and data is unacknowledged: it waits until the
 *   second flight is acknowledged. That flight reaches the client at 300. With F - 10 even, the
 *   client's last ACK of it is immediate (every second segment): at the server at 350, the tail
 *   leaves then and arrives at 400 (one extra RTT). With F - 10 odd, the last segment's ACK waits
 *   for the delayed-ACK timer: sent at 300 + 40, at the server at 390, tail at 440 (RTT + the
 *   timer). With delayed ACKs off, every segment is acknowledged at once: tail at 400.
 * - HTTP/1.0 (the server closes after the response): the FIN follows the tail, so BSD's rule sends
 *   it at once: complete at 300 whatever Nagle and delayed ACK do.
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { expectClose, FAST, packets } from './helpers';

const HEAD = 250;
const MSS = 1460;
const TAIL = 500;

/** An HTML response of `full` full segments and a 500-byte tail (head included). */
function run(full: number, tcp: ScenarioInput['tcp'], version: '1.0' | '1.1' = '1.1') {
  return simulate({
    network: { rttMs: 100, ...FAST },
    tcp: { initialWindow: 10, ...tcp },
    http: { version, responseHeaderBytes: HEAD },
    page: { htmlBytes: full * MSS + TAIL - HEAD, objects: 0 },
  });
}

const done = (r: ReturnType<typeof run>) => r.metrics.requests[0]?.doneMs;

describe('tcp.nagle: a short last segment waits for the ACK of the data before it', () => {
  it.each([
    // full segments, Nagle, delayed ACK, expected completion (ms)
    [15, false, false, 300],
    [15, false, true, 300],
    [15, true, false, 400],
    [15, true, true, 440],
    [14, false, true, 300],
    [14, true, false, 400],
    [14, true, true, 400],
  ])(
    '%i full segments + 500 B, Nagle %s, delayed ACK %s: complete at %i ms',
    (full, nagle, delayedAck, expected) => {
      expectClose(done(run(full, { nagle, delayedAck })), expected, 0, 0.01);
    },
  );

  it('the held tail leaves when the last ACK arrives, not before (15 segments: at 390)', () => {
    const { trace } = run(15, { nagle: true, delayedAck: true });
    const data = packets(trace, (p) => p.dir === 's2c' && p.payloadBytes > 0);
    const tail = data.at(-1);
    expect(tail?.payloadBytes).toBe(TAIL);
    expectClose(tail?.t, 390, 0, 0.01);
    // Every segment before it is full.
    expect(data.slice(0, -1).every((p) => p.payloadBytes === MSS)).toBe(true);
  });

  it('the delayed-ACK timer sets the stall: 200 ms (classic BSD) gives 300 + 100 + 200', () => {
    expectClose(done(run(15, { nagle: true, delayedAck: true, delayedAckMs: 200 })), 600, 0, 0.01);
  });

  it.each([
    [false, false],
    [true, true],
  ])(
    'HTTP/1.0: the FIN follows the tail, which is never held (Nagle %s, delayed ACK %s): 300 ms',
    (nagle, delayedAck) => {
      expectClose(done(run(15, { nagle, delayedAck }, '1.0')), 300, 0, 0.01);
    },
  );

  it('a response that fits the initial window goes whole to an idle connection (BSD): no wait', () => {
    // 5 full segments + 500 B at 150 ms, all at once: complete at 200 with or without Nagle.
    expectClose(done(run(5, { nagle: true, delayedAck: true })), 200, 0, 0.01);
    expectClose(done(run(5, { nagle: false, delayedAck: true })), 200, 0, 0.01);
  });

  it('is deterministic', () => {
    const a = run(15, { nagle: true, delayedAck: true });
    const b = run(15, { nagle: true, delayedAck: true });
    expect(JSON.stringify(a.trace)).toBe(JSON.stringify(b.trace));
  });
});
