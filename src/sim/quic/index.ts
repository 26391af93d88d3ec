/** QUIC's public API (README.md is the map of this folder). */
export { QuicEndpoint } from './endpoint';
export type { QuicConfig, QuicHandler, QuicStateListener, QuicUnblockedListener } from './endpoint';
export {
  QUIC_AEAD_TAG_BYTES,
  QUIC_LONG_HEADER_BYTES,
  QUIC_MIN_INITIAL_DATAGRAM,
  QUIC_SHORT_HEADER_BYTES,
  QUIC_STREAM_FRAME_OVERHEAD,
} from './frames';
export type { QuicFrame, QuicPacket } from './frames';
export {
  QUIC_GRANULARITY_US,
  QUIC_INITIAL_RTT_US,
  QUIC_PACKET_THRESHOLD,
  QUIC_TIME_THRESHOLD,
  quicInitialWindow,
} from './recovery';
export { QUIC_STREAM_QUANTUM } from './scheduler';
