/**
 * HTTP/2 frames (RFC 9113 §4, §6) as stream messages: frame sizes, what a frame means to the
 * receiver, and the `stream-stall` events recorded when a filled TCP gap releases frames.
 */
import type { Engine } from '../engine';
import { usToMs } from '../engine';
import type { StreamMessage, Unblocked } from '../stream';
import type { FrameType, Side, TraceRecorder } from '../trace';
import type { HttpRequestPayload } from './common';

/** Bytes of an HTTP/2 frame header (RFC 9113 §4.1). */
export const H2_FRAME_HEADER_BYTES = 9;

/** Largest DATA frame payload: SETTINGS_MAX_FRAME_SIZE initial value (RFC 9113 §6.5.2). */
export const H2_MAX_FRAME_PAYLOAD = 16384;

/** The client connection preface "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" (RFC 9113 §3.4). */
export const H2_PREFACE_BYTES = 24;

/** A SETTINGS frame with three settings of 6 bytes each (RFC 9113 §6.5.1). */
export const H2_SETTINGS_BYTES = H2_FRAME_HEADER_BYTES + 3 * 6;

/** A GOAWAY frame: last stream id and error code (RFC 9113 §6.8). */
export const H2_GOAWAY_BYTES = H2_FRAME_HEADER_BYTES + 8;

/** What an HTTP/2 frame means to the receiving application. */
export interface H2FramePayload {
  readonly h2: FrameType;
  /** Stream id (0 = the connection). */
  readonly stream: number;
  /** END_STREAM: the last frame of its message. */
  readonly end: boolean;
  /** SETTINGS with the ACK flag. */
  readonly ack: boolean;
  /** Request or response id (0 for control frames). */
  readonly requestId: number;
  /** HTTP message bytes carried (header block or data), without the frame header. */
  readonly messageBytes: number;
  /** The request (on a request's last frame). */
  readonly request?: HttpRequestPayload;
}

/** True when a stream message's payload is an HTTP/2 frame. */
export function isFrame(p: unknown): p is H2FramePayload {
  return typeof p === 'object' && p !== null && 'h2' in p;
}

/** A frame as a stream message (label, request ids and frame record for packet events). */
export function frameMessage(
  type: FrameType,
  stream: number,
  messageBytes: number,
  opts: {
    end?: boolean;
    ack?: boolean;
    requestId?: number;
    label?: string;
    request?: HttpRequestPayload;
  } = {},
): StreamMessage {
  const requestId = opts.requestId ?? 0;
  const payload: H2FramePayload =
    opts.request === undefined
      ? {
          h2: type,
          stream,
          end: opts.end ?? false,
          ack: opts.ack ?? false,
          requestId,
          messageBytes,
        }
      : {
          h2: type,
          stream,
          end: opts.end ?? false,
          ack: opts.ack ?? false,
          requestId,
          messageBytes,
          request: opts.request,
        };
  const name = type === 'SETTINGS' && opts.ack === true ? 'SETTINGS ACK' : type;
  return {
    bytes: H2_FRAME_HEADER_BYTES + messageBytes,
    kind: 'DATA',
    label: opts.label === undefined ? `${name} [${stream}]` : `${name} [${stream}] ${opts.label}`,
    requestIds: requestId === 0 ? [] : [requestId],
    payload,
    frame: { stream, type },
  };
}

/**
 * Records stream stalls: groups the messages a filled gap released by stream (HTTP/2 frames only;
 * the connection's own frames and TLS records are left out) and emits one `stream-stall` event
 * per stream, `own-data` when the bytes that filled the gap (`gap`) carried a frame of that
 * stream, else `head-of-line` (it waited only behind other streams' data, frames or records).
 */
export function emitStalls(
  engine: Engine,
  trace: TraceRecorder,
  conn: number,
  side: Side,
  items: readonly Unblocked[],
  gap: readonly StreamMessage[],
): void {
  const byStream = new Map<number, { from: number; requestIds: number[] }>();
  for (const it of items) {
    const p = it.msg.payload;
    if (!isFrame(p) || p.stream === 0) continue;
    const s = byStream.get(p.stream);
    if (s === undefined)
      byStream.set(p.stream, {
        from: it.arrivedUs,
        requestIds: p.requestId > 0 ? [p.requestId] : [],
      });
    else if (it.arrivedUs < s.from) s.from = it.arrivedUs;
  }
  const lost = new Set<number>();
  for (const m of gap) if (isFrame(m.payload)) lost.add(m.payload.stream);
  const t = usToMs(engine.now);
  for (const stream of [...byStream.keys()].sort((a, b) => a - b)) {
    const s = byStream.get(stream) as { from: number; requestIds: number[] };
    trace.emit({
      type: 'stream-stall',
      t,
      conn,
      side,
      stream,
      requestIds: s.requestIds,
      fromMs: usToMs(s.from),
      toMs: t,
      cause: lost.has(stream) ? 'own-data' : 'head-of-line',
    });
  }
}
