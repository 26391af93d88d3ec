/**
 * Ladder packet labels: the text a packet's line carries. HTTP/2 and QUIC packets carry frames,
 * so their labels are compacted (`packetLabel`); the others keep the simulation's label. A label
 * too long for its room is shortened by `fitLabel` (the waterfall's row labels too).
 */
import type { FramePiece, PacketEvent } from '../../../sim/trace';

/** Frame types whose stream id names a stream; the others belong to the connection itself. */
const streamFrameTypes: ReadonlySet<string> = new Set(['HEADERS', 'DATA', 'STREAM']);

/**
 * The frames of a packet in a few characters: each frame type once, in wire order, with the
 * stream ids it carries (only for stream frames: HEADERS, DATA, STREAM), joined by " + ":
 * [HEADERS 3, HEADERS 5, DATA 3] → "HEADERS 3,5 + DATA 3"; [SETTINGS 0, ACK 0] → "SETTINGS + ACK".
 */
export function frameSummary(frames: readonly FramePiece[]): string {
  // A dense ladder labels thousands of packets in the task that lays it out (issue 14), most of
  // them carrying a single frame: that one is named without building a Map.
  const only = frames.length === 1 ? frames[0] : undefined;
  if (only) return streamFrameTypes.has(only.type) ? `${only.type} ${only.stream}` : only.type;
  const ids = new Map<string, number[]>();
  for (const f of frames) {
    let list = ids.get(f.type);
    if (!list) ids.set(f.type, (list = []));
    if (streamFrameTypes.has(f.type) && !list.includes(f.stream)) list.push(f.stream);
  }
  return [...ids]
    .map(([type, list]) => (list.length > 0 ? `${type} ${list.join(',')}` : type))
    .join(' + ');
}

/** A part of an HTTP/2 packet's label that describes a frame: "HEADERS [1] GET /a.png". */
const framePart = / \[\d+\]/;

/** A QUIC packet's label without the packet type the simulation puts first ("Initial ClientHello"). */
export function quicLabelBody(p: PacketEvent): string {
  const type = p.packetType;
  return type !== undefined && p.label.startsWith(`${type} `)
    ? p.label.slice(type.length + 1)
    : p.label;
}

/**
 * The ladder's label of a packet. QUIC: packet type and number, then the frames ("1-RTT #12:
 * STREAM 4,8 + ACK"), or for a handshake packet the TLS messages it carries ("Initial #0:
 * ClientHello"). HTTP/2 over TCP: the frames (`frameSummary`), keeping the parts of the
 * simulation's label that are not frames, such as a TLS record before them ("Finished + SETTINGS
 * + HEADERS 1") or a FIN after them. Other packets keep the simulation's label.
 */
export function packetLabel(p: PacketEvent): string {
  const frames = p.frames ?? [];
  if (p.packetType !== undefined) {
    const head = `${p.packetType} #${p.packetNumber ?? p.seq}`;
    if (p.kind === 'TLS') return `${head}: ${quicLabelBody(p)}`;
    return frames.length > 0 ? `${head}: ${frameSummary(frames)}` : head;
  }
  if (frames.length === 0) return p.label;
  const parts = p.label.split(' + ');
  const first = parts.findIndex((part) => framePart.test(part));
  let last = parts.length - 1;
  while (last >= 0 && !framePart.test(parts[last] as string)) last--;
  if (first < 0) return frameSummary(frames);
  return [...parts.slice(0, first), frameSummary(frames), ...parts.slice(last + 1)].join(' + ');
}

/** Which kinds of compact labels a ladder shows, for its notes. */
export function labelKinds(packets: readonly PacketEvent[]): { frames: boolean; quic: boolean } {
  let frames = false;
  let quic = false;
  for (const p of packets) {
    if (p.packetType !== undefined) quic = true;
    else if (p.frames !== undefined && p.frames.length > 0) frames = true;
    if (frames && quic) break;
  }
  return { frames, quic };
}
