/**
 * "Drop this packet": the `network.drop` rule (`link.ts`) that loses exactly one packet of a
 * trace when the same scenario runs again. The link counts data-bearing transmissions per
 * connection and direction (TCP: a payload; QUIC: a CRYPTO or STREAM frame), retransmissions and
 * packets lost anyway included, and drops the one whose count a rule names; the run is
 * deterministic, so everything before that packet happens again as it did. A pure trace query:
 * views may call it.
 */
import type { DropRule } from './link';
import type { PacketEvent, Trace } from './trace';

/** Whether the link counts `p` for targeted loss (it carries data). */
export function dataBearing(p: PacketEvent): boolean {
  if (p.transport === 'udp')
    return (p.frames ?? []).some((f) => f.type === 'STREAM' || f.type === 'CRYPTO');
  return p.payloadBytes > 0;
}

/** The rule that drops packet `id` of `trace` on a re-run; undefined if it carries no data. */
export function dropRuleFor(trace: Trace, id: number): DropRule | undefined {
  const counts = new Map<string, number>();
  for (const e of trace) {
    if (e.type !== 'packet' || !dataBearing(e)) {
      if (e.type === 'packet' && e.id === id) return undefined;
      continue;
    }
    const key = `${e.conn}:${e.dir}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (e.id === id) return { connection: e.conn, direction: e.dir, segment: n };
  }
  return undefined;
}
