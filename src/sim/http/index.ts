/** HTTP/0.9 to HTTP/3: the public API of the folder. See README.md for the folder's map. */
export * from './common';
export * from './header-size';
export * from './http1';
export * from './http2';
export {
  H2_FRAME_HEADER_BYTES,
  H2_GOAWAY_BYTES,
  H2_MAX_FRAME_PAYLOAD,
  H2_PREFACE_BYTES,
  H2_SETTINGS_BYTES,
} from './http2-frames';
export type { H2FramePayload } from './http2-frames';
export * from './http3';
