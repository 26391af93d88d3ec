/**
 * A small hand-written HTTP/2 trace shared by the multiplexing view tests: one TCP + TLS 1.3
 * connection (one-way delay 50 ms; TCP up at 100, TLS done at 200), GET /index.html on stream 1,
 * then /a.png (stream 3) and /b.png (stream 5) sent together at 320. Of the three response
 * segments sent at 380, the second (DATA of streams 3 and 5) is lost; the third (DATA of stream
 * 5) arrives at 460 and waits for the retransmission, which arrives at 760: one `stream-stall`
 * of stream 5 from 460 to 760, waiting for its own lost data (the lost segment carried some of
 * stream 5's DATA). Every number was chosen by hand; the tests' expectations follow.
 */
import type { ConnOpenEvent, FrameType, PacketEvent, TraceEvent } from '../../../src/sim/trace';
import { conn, packet, request, sortTrace } from './fixture';
import { recordStalls } from './recorded';

/** The connection's opening: HTTP/2 over TCP with TLS 1.3. */
export const h2Open: ConnOpenEvent = {
  type: 'conn-open',
  t: 0,
  conn: 1,
  host: 'example.com',
  transport: 'tcp',
  tls: 'tls1.3',
  tlsRoundTrips: 1,
  http: '2',
};

/** Adds frames (type, stream id) to a packet. */
export function framed(p: PacketEvent, frames: [FrameType, number][]): PacketEvent {
  return { ...p, frames: frames.map(([type, stream]) => ({ type, stream })) };
}

/** The data-bearing packets, ids 1–6. */
export const muxPackets: PacketEvent[] = [
  framed(
    packet({
      id: 1,
      dir: 'c2s',
      kind: 'DATA',
      label: 'Finished + preface, SETTINGS [0] + HEADERS [1] GET /index.html',
      send: 200,
      txEnd: 202,
      arrive: 252,
      payload: 300,
      requestIds: [1],
    }),
    [
      ['SETTINGS', 0],
      ['HEADERS', 1],
    ],
  ),
  framed(
    packet({
      id: 2,
      dir: 'c2s',
      kind: 'DATA',
      label: 'HEADERS [3] GET /a.png + HEADERS [5] GET /b.png',
      send: 320,
      txEnd: 321,
      arrive: 371,
      payload: 60,
      requestIds: [2, 3],
    }),
    [
      ['HEADERS', 3],
      ['HEADERS', 5],
    ],
  ),
  framed(
    packet({
      id: 3,
      dir: 's2c',
      kind: 'DATA',
      label:
        'HEADERS [3] 200 OK /a.png + HEADERS [5] 200 OK /b.png + DATA [3] 200 OK /a.png (part 1/2)',
      send: 380,
      txEnd: 390,
      arrive: 440,
      payload: 1460,
      requestIds: [2, 3],
    }),
    [
      ['HEADERS', 3],
      ['HEADERS', 5],
      ['DATA', 3],
    ],
  ),
  framed(
    packet({
      id: 4,
      dir: 's2c',
      kind: 'DATA',
      label: 'DATA [3] 200 OK /a.png (part 2/2) + DATA [5] 200 OK /b.png (part 1/2)',
      send: 380,
      txStart: 390,
      txEnd: 400,
      payload: 1460,
      requestIds: [2, 3],
    }),
    [
      ['DATA', 3],
      ['DATA', 5],
    ],
  ),
  framed(
    packet({
      id: 5,
      dir: 's2c',
      kind: 'DATA',
      label: 'DATA [5] 200 OK /b.png (part 2/2)',
      send: 380,
      txStart: 400,
      txEnd: 410,
      arrive: 460,
      payload: 1460,
      requestIds: [3],
    }),
    [['DATA', 5]],
  ),
  framed(
    packet({
      id: 6,
      dir: 's2c',
      kind: 'DATA',
      label: 'DATA [3] 200 OK /a.png (part 2/2) + DATA [5] 200 OK /b.png (part 1/2)',
      send: 700,
      txEnd: 710,
      arrive: 760,
      payload: 1460,
      requestIds: [2, 3],
      retransmit: true,
    }),
    [
      ['DATA', 3],
      ['DATA', 5],
    ],
  ),
];

/** The whole HTTP/2 trace, ending at 800 ms. */
export const muxTrace: TraceEvent[] = recordStalls(
  sortTrace([
    h2Open,
    conn(0, 'client', 'SYN_SENT', 'handshake'),
    request(0, 'queued', 1, '/index.html'),
    conn(100, 'client', 'ESTABLISHED', 'tls'),
    { type: 'tls', t: 100, conn: 1, side: 'client', step: 'start', version: 'tls1.3' },
    { type: 'tls', t: 200, conn: 1, side: 'client', step: 'done', version: 'tls1.3' },
    conn(200, 'client', 'ESTABLISHED', 'active'),
    request(200, 'assigned', 1, '/index.html', { conn: 1, reused: false }),
    request(200, 'sent', 1, '/index.html', { conn: 1, stream: 1 }),
    ...muxPackets,
    request(310, 'first-byte', 1, '/index.html', { conn: 1, stream: 1 }),
    request(320, 'done', 1, '/index.html', { conn: 1, stream: 1, bytes: 5000 }),
    request(320, 'queued', 2, '/a.png'),
    request(320, 'queued', 3, '/b.png'),
    request(320, 'assigned', 2, '/a.png', { conn: 1, reused: true }),
    request(320, 'sent', 2, '/a.png', { conn: 1, stream: 3 }),
    request(320, 'assigned', 3, '/b.png', { conn: 1, reused: true }),
    request(320, 'sent', 3, '/b.png', { conn: 1, stream: 5 }),
    request(440, 'first-byte', 2, '/a.png', { conn: 1, stream: 3 }),
    request(440, 'first-byte', 3, '/b.png', { conn: 1, stream: 5 }),
    {
      type: 'stream-stall',
      t: 760,
      conn: 1,
      side: 'client',
      stream: 5,
      requestIds: [3],
      fromMs: 460,
      toMs: 760,
      cause: 'own-data',
    },
    request(760, 'done', 2, '/a.png', { conn: 1, stream: 3, bytes: 2000 }),
    request(760, 'done', 3, '/b.png', { conn: 1, stream: 5, bytes: 3000 }),
    conn(760, 'client', 'ESTABLISHED', 'idle'),
    { type: 'end', t: 800, events: 40, outcome: 'idle' },
  ]),
);
