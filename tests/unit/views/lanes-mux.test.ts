import { describe, expect, it } from 'vitest';
import { connOpens, laneProtocols, laneTag } from '../../../src/components/views/lanes';
import { stackLabel } from '../../../src/components/views/text';
import type { ConnOpenEvent } from '../../../src/sim/trace';
import { trace as h1Trace } from './fixture';
import { h2Open, muxTrace } from './fixture-mux';

const h3Open: ConnOpenEvent = {
  ...h2Open,
  conn: 2,
  transport: 'quic',
  http: '3',
  tlsRoundTrips: 0,
  handshakeRoundTrips: 1,
};

describe('connOpens', () => {
  it('connOpens maps each connection to its opening event', () => {
    expect([...connOpens(muxTrace)]).toEqual([[1, h2Open]]);
  });
});

describe('laneProtocols', () => {
  it('laneProtocols tags lanes when a connection multiplexes, and spots QUIC-only traces', () => {
    expect(laneProtocols(connOpens(muxTrace))).toEqual({ tags: true, quicOnly: false });
    expect(laneProtocols(new Map([[2, h3Open]]))).toEqual({ tags: true, quicOnly: true });
    expect(laneProtocols(connOpens(h1Trace))).toEqual({ tags: false, quicOnly: false });
  });
});

describe('laneTag', () => {
  it('laneTag gives the HTTP version and the transport', () => {
    expect(laneTag(h2Open, 'en')).toBe('h2 · TCP');
    expect(laneTag(h3Open, 'zh')).toBe('h3 · QUIC');
  });
  it('laneTag gives nothing for an HTTP/1.x connection or an unknown one', () => {
    expect(laneTag(connOpens(h1Trace).get(1), 'en')).toBeUndefined();
    expect(laneTag(undefined, 'en')).toBeUndefined();
  });
});

describe('stackLabel', () => {
  it('stackLabel names HTTP version, transport and TLS', () => {
    expect(stackLabel(h2Open, 'en')).toBe('HTTP/2 · TCP + TLS 1.3');
    expect(stackLabel({ ...h2Open, tls: 'none' }, 'en')).toBe('HTTP/2 · TCP');
    expect(stackLabel({ ...h2Open, tls: 'tls1.3-0rtt' }, 'zh')).toBe(
      'HTTP/2 · TCP + TLS 1.3 0-RTT',
    );
    expect(stackLabel(h3Open, 'zh')).toBe('HTTP/3 · QUIC');
  });
  it('stackLabel gives nothing for HTTP/1.x', () => {
    const { http: _omit, ...h1 } = h2Open;
    expect(stackLabel(h1, 'en')).toBeUndefined();
  });
});
