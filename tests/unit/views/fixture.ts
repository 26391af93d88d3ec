/**
 * A small hand-written trace shared by the view tests: one HTTP/1.1 connection, one-way delay
 * 50 ms, GET /a.png (request 1) answered in two segments, then a client FIN that is lost and
 * retransmitted. Every number below was chosen by hand; the tests' expected values follow from it.
 */
import type {
  ConnPhase,
  Direction,
  PacketEvent,
  PacketKind,
  RequestEvent,
  Side,
  TcpState,
  TraceEvent,
} from '../../../src/sim/trace';

interface PacketSpec {
  id: number;
  dir: Direction;
  kind: PacketKind;
  label: string;
  send: number;
  txEnd?: number;
  txStart?: number;
  arrive?: number;
  conn?: number;
  payload?: number;
  requestIds?: number[];
  retransmit?: boolean;
}

/** Builds a packet event. */
export function packet(s: PacketSpec): PacketEvent {
  const payload = s.payload ?? 0;
  return {
    type: 'packet',
    t: s.send,
    id: s.id,
    dir: s.dir,
    conn: s.conn ?? 1,
    kind: s.kind,
    flags: [],
    seq: 0,
    ack: 0,
    window: 65535,
    payloadBytes: payload,
    wireBytes: payload + 40,
    label: s.label,
    requestIds: s.requestIds ?? [],
    retransmit: s.retransmit ?? false,
    sendMs: s.send,
    txStartMs: s.txStart ?? s.send,
    txEndMs: s.txEnd ?? s.send,
    ...(s.arrive !== undefined ? { arriveMs: s.arrive } : {}),
    dropped: s.arrive === undefined,
    ...(s.arrive === undefined ? { dropReason: 'targeted' as const } : {}),
  };
}

/** Builds a connection state event. */
export function conn(
  t: number,
  side: Side,
  state: TcpState,
  phase: ConnPhase,
  id = 1,
  reason?: 'time-wait-expired',
): TraceEvent {
  return { type: 'conn', t, conn: id, side, state, phase, ...(reason ? { reason } : {}) };
}

/** Builds a request event. */
export function request(
  t: number,
  step: RequestEvent['step'],
  requestId: number,
  path: string,
  extra: Partial<RequestEvent> = {},
): RequestEvent {
  return {
    type: 'request',
    t,
    step,
    requestId,
    path,
    host: 'example.com',
    method: 'GET',
    attempt: 1,
    followUp: false,
    ...extra,
  };
}

/** The packets of the fixture, ids 1–9. */
export const packets: PacketEvent[] = [
  packet({ id: 1, dir: 'c2s', kind: 'SYN', label: 'SYN', send: 0, arrive: 50 }),
  packet({ id: 2, dir: 's2c', kind: 'SYN-ACK', label: 'SYN-ACK', send: 50, arrive: 100 }),
  packet({ id: 3, dir: 'c2s', kind: 'ACK', label: 'ACK', send: 100, arrive: 150 }),
  packet({
    id: 4,
    dir: 'c2s',
    kind: 'DATA',
    label: 'GET /a.png',
    send: 100,
    txEnd: 104,
    arrive: 154,
    payload: 100,
    requestIds: [1],
  }),
  packet({
    id: 5,
    dir: 's2c',
    kind: 'DATA',
    label: '200 OK /a.png (part 1/2)',
    send: 160,
    txEnd: 170,
    arrive: 220,
    payload: 1000,
    requestIds: [1],
  }),
  packet({
    id: 6,
    dir: 's2c',
    kind: 'DATA',
    label: '200 OK /a.png (part 2/2)',
    send: 160,
    txStart: 170,
    txEnd: 180,
    arrive: 230,
    payload: 1000,
    requestIds: [1],
  }),
  packet({ id: 7, dir: 'c2s', kind: 'ACK', label: 'ACK', send: 230, arrive: 280 }),
  packet({ id: 8, dir: 'c2s', kind: 'FIN', label: 'FIN', send: 300 }),
  packet({
    id: 9,
    dir: 'c2s',
    kind: 'FIN',
    label: 'FIN',
    send: 500,
    arrive: 550,
    retransmit: true,
  }),
];

/** Sorts events by time, keeping the given order for ties (as the simulation does). */
export function sortTrace(events: TraceEvent[]): TraceEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.t - b.e.t || a.i - b.i)
    .map((x) => x.e);
}

/** The whole fixture trace, ending at 700 ms. */
export const trace: TraceEvent[] = sortTrace([
  {
    type: 'conn-open',
    t: 0,
    conn: 1,
    host: 'example.com',
    transport: 'tcp',
    tls: 'none',
    tlsRoundTrips: 0,
  },
  conn(0, 'client', 'SYN_SENT', 'handshake'),
  request(0, 'queued', 1, '/a.png'),
  request(0, 'assigned', 1, '/a.png', { conn: 1, reused: false }),
  ...packets,
  conn(50, 'server', 'SYN_RECEIVED', 'handshake'),
  conn(100, 'client', 'ESTABLISHED', 'active'),
  request(100, 'sent', 1, '/a.png', { conn: 1, bytes: 100 }),
  conn(150, 'server', 'ESTABLISHED', 'active'),
  request(154, 'server-received', 1, '/a.png', { conn: 1 }),
  request(154, 'server-start', 1, '/a.png', { conn: 1 }),
  request(160, 'server-end', 1, '/a.png', { conn: 1 }),
  request(220, 'first-byte', 1, '/a.png', { conn: 1 }),
  request(230, 'done', 1, '/a.png', { conn: 1, bytes: 2000 }),
  conn(230, 'client', 'ESTABLISHED', 'idle'),
  conn(230, 'server', 'ESTABLISHED', 'idle'),
  conn(300, 'client', 'FIN_WAIT_1', 'closing'),
  conn(550, 'server', 'CLOSE_WAIT', 'closing'),
  conn(550, 'client', 'FIN_WAIT_2', 'closing'),
  conn(600, 'server', 'LAST_ACK', 'closing'),
  conn(600, 'client', 'TIME_WAIT', 'time-wait'),
  conn(650, 'server', 'CLOSED', 'closed'),
  conn(700, 'client', 'CLOSED', 'closed', 1, 'time-wait-expired'),
  { type: 'end', t: 700, events: 42, outcome: 'idle' },
]);
