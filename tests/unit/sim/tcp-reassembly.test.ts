import { describe, expect, it } from 'vitest';
import type { StreamMessage } from '../../../src/sim/stream';
import { Reassembly } from '../../../src/sim/tcp/reassembly';
import { SendBuffer } from '../../../src/sim/tcp/send-buffer';

/** A peer send log of messages A, B, C of the given sizes (data offset 0 = sequence number 1). */
function peer(...sizes: number[]): SendBuffer {
  const tx = new SendBuffer();
  sizes.forEach((bytes, i) =>
    tx.append({ bytes, kind: 'DATA', label: 'ABC'[i] ?? '?', requestIds: [i], payload: i }),
  );
  return tx;
}

function receiver(tx: SendBuffer): Reassembly {
  const rx = new Reassembly();
  rx.setPeer(tx);
  rx.rcvNxt = 1; // after the SYN
  return rx;
}

const labels = (ms: readonly StreamMessage[]): string[] => ms.map((m) => m.label);

describe('TCP reassembly', () => {
  it('out-of-order ranges merge and are released when the hole below them fills', () => {
    // A [1, 1001), B [1001, 1501), C [1501, 2001) in sequence space.
    const rx = receiver(peer(1000, 500, 500));
    expect(rx.inOrder(1001)).toBe(false); // A: no hole, no immediate ACK
    rx.outOfOrder(1501, 1801, 300, 10); // B lost; part of C
    rx.outOfOrder(1801, 2001, 200, 20); // the rest of C, touching: one range
    expect(rx.rcvNxt).toBe(1001);
    expect(rx.inOrder(1501)).toBe(true); // B fills the hole: rcvNxt jumps over C
    expect(rx.rcvNxt).toBe(2001);
    expect(rx.inOrder(2001)).toBe(false); // nothing waits any more
  });

  it('a FIN-only segment above a hole keeps it open: the segment that fills it is acknowledged at once', () => {
    // A [1, 1001), B [1001, 1501); the FIN is sequence number 1501, sent alone.
    const rx = receiver(peer(1000, 500));
    expect(rx.inOrder(1001)).toBe(false);
    rx.outOfOrder(1501, 1501, 0, 10); // the FIN overtakes the lost B: no data, but a hole
    expect(rx.inOrder(1501)).toBe(true); // B fills it
    expect(rx.rcvNxt).toBe(1501); // the FIN itself is the endpoint's to count
    expect(rx.inOrder(1501)).toBe(false); // the hole is gone
  });

  it('the gap reported to the listener runs from where the hole opened, a FIN-only segment included', () => {
    // A [1, 1001), B [1001, 1501), C [1501, 2001), FIN 2001 sent alone. The FIN arrives first
    // (the hole opens at rcvNxt = 1), then A in order (the hole stays open above it), then C out
    // of order at 30 us, then B: C's bytes waited since 30 us, and the bytes that filled the hole
    // since it opened are A's and B's.
    const rx = receiver(peer(1000, 500, 500));
    const reports: [string[], number[], string[]][] = [];
    rx.setListener((items, gap) =>
      reports.push([labels(items.map((i) => i.msg)), items.map((i) => i.arrivedUs), labels(gap)]),
    );
    rx.outOfOrder(2001, 2001, 0, 10);
    expect(rx.inOrder(1001)).toBe(true);
    rx.outOfOrder(1501, 2001, 500, 30);
    expect(rx.inOrder(1501)).toBe(true);
    expect(rx.rcvNxt).toBe(2001);
    expect(reports).toEqual([[['C'], [30], ['A', 'B']]]);
  });
});
