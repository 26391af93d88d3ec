/**
 * Sentences for trace events, in English or Chinese, for the live region and the table view.
 * A packet is two moments: its sending (`sendMs`) and its arrival (`arriveMs`) or loss (at the
 * drop point the ladder draws), so `moments` expands a trace into a time-ordered list first.
 */
import type { PacketEvent, Trace, TraceEvent } from '../../sim/trace';
import { fill } from '../../i18n/fill';
import { ui } from '../../i18n/ui';
import type { Lang } from '../../i18n';
import { formatMs } from './axis';
import { formatTime, stackLabel, term } from './text';
import { quicLabelBody } from './ladder/labels';
import { dropTimeMs, oneWayDelays } from './ladder/packets';

/** Something that happened at one time: a non-packet event, or a packet's send, arrival or loss. */
export type Moment =
  | { readonly t: number; readonly what: 'event'; readonly event: Exclude<TraceEvent, PacketEvent> }
  | { readonly t: number; readonly what: 'send' | 'arrive' | 'drop'; readonly event: PacketEvent };

/** The moments of a trace, ordered by time (ties keep trace order; arrivals after sends). */
export function moments(trace: Trace): Moment[] {
  const packets: PacketEvent[] = [];
  for (const e of trace) if (e.type === 'packet') packets.push(e);
  const owd = oneWayDelays(packets);
  const out: { m: Moment; order: number }[] = [];
  let order = 0;
  for (const e of trace) {
    if (e.type === 'packet') {
      out.push({ m: { t: e.sendMs, what: 'send', event: e }, order: order++ });
      if (!e.dropped && e.arriveMs !== undefined)
        out.push({ m: { t: e.arriveMs, what: 'arrive', event: e }, order: order++ });
      else out.push({ m: { t: dropTimeMs(e, owd), what: 'drop', event: e }, order: order++ });
    } else out.push({ m: { t: e.t, what: 'event', event: e }, order: order++ });
  }
  out.sort((a, b) => a.m.t - b.m.t || a.order - b.order);
  return out.map((x) => x.m);
}

/** Re-exported from `text.ts`, where the views import them without these sentences. */
export { formatTime, term } from './text';

/**
 * The sentence for a moment, without the time: "client sends SYN on connection 1". A space that
 * a template puts after a filled value ending in full-width punctuation ("（…） 丢失了") is dropped,
 * as Chinese typography has none there.
 */
export function describeMoment(m: Moment, lang: Lang): string {
  return sentenceOf(m, lang).replace(/([（）：，。、]) /g, '$1');
}

function sentenceOf(m: Moment, lang: Lang): string {
  const v = ui(lang).views;
  if (m.what !== 'event') {
    const p = m.event;
    const from = p.dir === 'c2s' ? 'client' : 'server';
    const to = p.dir === 'c2s' ? 'server' : 'client';
    const label =
      p.packetType !== undefined
        ? fill(v.event.quicPacket, {
            type: p.packetType,
            n: p.packetNumber ?? p.seq,
            label: quicLabelBody(p),
          })
        : p.label;
    const values = { label, conn: p.conn };
    if (m.what === 'send')
      return fill(p.retransmit ? v.event.resend : v.event.send, { ...values, side: v.side[from] });
    if (m.what === 'arrive') return fill(v.event.arrive, { ...values, side: v.side[to] });
    const drop = p.dropReason === 'unroutable' ? v.event.dropUnroutable : v.event.drop;
    return fill(drop, { ...values, side: v.side[from] });
  }
  const e = m.event;
  switch (e.type) {
    case 'conn-open': {
      const stack = stackLabel(e, lang);
      if (stack !== undefined)
        return fill(v.event.connOpenStack, { conn: e.conn, host: e.host, stack });
      return e.tls === 'none'
        ? fill(v.event.connOpen, { conn: e.conn, host: e.host })
        : fill(v.event.connOpenTls, { conn: e.conn, host: e.host, tls: term(v.tls, e.tls) });
    }
    case 'conn': {
      // The phase adds nothing when it only repeats the state (CLOSED, TIME_WAIT).
      const plain =
        (e.phase === 'closed' && e.state === 'CLOSED') ||
        (e.phase === 'time-wait' && e.state === 'TIME_WAIT');
      const text = fill(plain ? v.event.connState : v.event.connStatePhase, {
        side: v.side[e.side],
        conn: e.conn,
        state: e.state,
        // QUIC's handshake state carries TLS inside it: not the "TCP handshake".
        phase:
          e.state === 'HANDSHAKE' && e.phase === 'handshake'
            ? v.lanes.handshakeQuic
            : term(v.lanes.phase, e.phase),
      });
      return e.reason ? fill(v.event.withReason, { text, reason: term(v.reason, e.reason) }) : text;
    }
    case 'tls':
      return fill(e.step === 'start' ? v.event.tlsStart : v.event.tlsDone, {
        side: v.side[e.side],
        conn: e.conn,
        version: term(v.tls, e.version),
      });
    case 'cwnd':
      return fill(v.event.cwnd, {
        side: v.side[e.side],
        conn: e.conn,
        cwnd: formatMs(e.cwnd),
        reason: term(v.cwndReason, e.reason),
      });
    case 'end':
      return v.event.end;
    case 'server':
      return fill(v.event.server, {
        busy: e.busy,
        idle: e.idle,
        backlog: e.backlog,
        refused: e.refused,
      });
    case 'stream-stall': {
      const own = e.cause === 'own-data';
      const client = e.side === 'client';
      const text = own
        ? client
          ? v.event.streamStallOwn
          : v.event.streamStallOwnServer
        : client
          ? v.event.streamStall
          : v.event.streamStallServer;
      return fill(text, {
        stream: e.stream,
        time: formatTime(e.toMs - e.fromMs, lang),
        conn: e.conn,
      });
    }
    case 'request': {
      const request = `${e.method} ${e.path}`;
      const values = {
        request,
        host: e.host,
        conn: e.conn ?? '?',
        error: e.error ? term(v.error, e.error) : '',
      };
      if (e.step === 'assigned' && e.reused) return fill(v.event.request.assignedReused, values);
      if (e.step === 'sent' && e.stream !== undefined)
        return fill(v.event.sentStream, { ...values, stream: e.stream });
      // Without a cause, drop the empty "()" of the error and retry sentences.
      return fill(v.event.request[e.step], values).replace(/ ?[(（][)）]/, '');
    }
  }
}

/** The full sentence with its time: "0 ms: client sends SYN on connection 1". */
export function describe(m: Moment, lang: Lang): string {
  return fill(ui(lang).views.at, {
    time: formatTime(m.t, lang),
    text: describeMoment(m, lang),
  });
}

/** Describes a raw trace event (a packet as its sending). */
export function describeEvent(e: TraceEvent, lang: Lang): string {
  const m: Moment =
    e.type === 'packet'
      ? { t: e.sendMs, what: 'send', event: e }
      : { t: e.t, what: 'event', event: e };
  return describe(m, lang);
}
