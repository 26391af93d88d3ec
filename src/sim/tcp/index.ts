/** TCP (RFC 9293): the endpoint and its configuration. See README.md for the folder's map. */
export type { TcpConfig } from './config';
export { TcpEndpoint } from './endpoint';
export type { TcpStateListener } from './endpoint';
export { handlerDone } from './states';
export type { Segment } from './segment';
export { recordSegment } from './segment';
export { FastOpenCookies } from './fast-open';
