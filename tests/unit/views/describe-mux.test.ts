import { describe, expect, it } from 'vitest';
import { describeEvent, describeMoment, moments } from '../../../src/components/views/describe';
import type { PacketEvent, StreamStallEvent, TraceEvent } from '../../../src/sim/trace';
import { packet } from './fixture';
import { framed, h2Open, muxTrace } from './fixture-mux';

const stall = muxTrace.find((e) => e.type === 'stream-stall') as StreamStallEvent;

/** QUIC packet 13 of the server, lost after the client moved to a new address. */
const lost: PacketEvent = {
  ...framed(
    packet({ id: 38, dir: 's2c', kind: 'DATA', label: '1-RTT DATA 200 OK /a.png', send: 250 }),
    [['STREAM', 0]],
  ),
  dropReason: 'unroutable',
  transport: 'udp',
  seq: 13,
  packetNumber: 13,
  packetType: '1-RTT',
};

describe('describeEvent (HTTP/2 and HTTP/3)', () => {
  it('describeEvent says how long a stream waited for its own lost data', () => {
    expect(describeEvent(stall, 'en')).toBe(
      '760 ms: stream 5 waits 300 ms for its own lost data on connection 1',
    );
    expect(describeEvent(stall, 'zh')).toBe(
      '760 ms：连接 1 上的流 5 等待自身丢失的数据，停顿了 300 ms',
    );
  });
  it('describeEvent says when a stream was head-of-line blocked', () => {
    const hol: StreamStallEvent = { ...stall, stream: 7, fromMs: 500, cause: 'head-of-line' };
    expect(describeEvent(hol, 'en')).toBe(
      '760 ms: stream 7 is head-of-line blocked for 260 ms on connection 1: its bytes waited behind other lost data',
    );
    expect(describeEvent(hol, 'zh')).toBe(
      '760 ms：连接 1 上的流 7 被队头阻塞了 260 ms：它的数据在其他丢失的数据后面等待',
    );
  });
  it('describeEvent says when the waiting bytes were at the server', () => {
    const server: StreamStallEvent = { ...stall, side: 'server', stream: 3, fromMs: 710 };
    expect(describeEvent(server, 'en')).toBe(
      '760 ms: stream 3 waits 50 ms at the server for its own lost data on connection 1',
    );
    expect(describeEvent(server, 'zh')).toBe(
      '760 ms：连接 1 上的流 3 在服务器端等待自身丢失的数据，停顿了 50 ms',
    );
    const blocked: StreamStallEvent = { ...server, cause: 'head-of-line' };
    expect(describeEvent(blocked, 'en')).toBe(
      '760 ms: stream 3 is head-of-line blocked for 50 ms at the server on connection 1: its bytes waited behind other lost data',
    );
  });
  it('describeEvent names the protocol stack of a multiplexed connection', () => {
    expect(describeEvent(h2Open, 'en')).toBe(
      '0 ms: client opens connection 1 to example.com (HTTP/2 · TCP + TLS 1.3)',
    );
    expect(describeEvent(h2Open, 'zh')).toBe(
      '0 ms：客户端打开到 example.com 的连接 1（HTTP/2 · TCP + TLS 1.3）',
    );
    const h3 = { ...h2Open, transport: 'quic', http: '3', tlsRoundTrips: 0 } as const;
    expect(describeEvent(h3, 'en')).toBe(
      '0 ms: client opens connection 1 to example.com (HTTP/3 · QUIC)',
    );
  });
  it('describeEvent names TLS 0-RTT on an HTTP/1.1 connection', () => {
    const { http: _omit, ...h1 } = { ...h2Open, tls: 'tls1.3-0rtt' as const, tlsRoundTrips: 0 };
    expect(describeEvent(h1, 'en')).toBe(
      '0 ms: client opens connection 1 to example.com (TLS 1.3 0-RTT)',
    );
  });
  it('describeEvent gives the stream a request opens', () => {
    const sent = muxTrace.find((e) => e.type === 'request' && e.step === 'sent')!;
    expect(describeEvent(sent, 'en')).toBe(
      '200 ms: client sends GET /index.html on connection 1, stream 1',
    );
    expect(describeEvent(sent, 'zh')).toBe('200 ms：客户端在连接 1 的流 1 上发送 GET /index.html');
  });
  it('describeEvent gives a QUIC packet its type and number', () => {
    expect(describeEvent({ ...lost, dropped: false, arriveMs: 300 }, 'en')).toBe(
      '250 ms: server sends 1-RTT packet #13 (DATA 200 OK /a.png) on connection 1',
    );
    expect(describeEvent({ ...lost, dropped: false, arriveMs: 300 }, 'zh')).toBe(
      '250 ms：服务器在连接 1 上发送 1-RTT 包 #13（DATA 200 OK /a.png）',
    );
  });
  it('describeEvent gives the cause of a migration', () => {
    const e: TraceEvent = {
      type: 'conn',
      t: 250,
      conn: 1,
      side: 'client',
      state: 'CONNECTED',
      phase: 'active',
      reason: 'address-change',
    };
    expect(describeEvent(e, 'en')).toBe(
      '250 ms: client side of connection 1: CONNECTED, active (the client’s address changed)',
    );
    expect(describeEvent(e, 'zh')).toBe(
      '250 ms：连接 1 的客户端：CONNECTED，活跃（客户端地址变更）',
    );
  });
});

describe('describeEvent (QUIC states)', () => {
  it("describeEvent calls QUIC's handshake state a QUIC handshake, not a TCP one", () => {
    const e: TraceEvent = {
      type: 'conn',
      t: 0,
      conn: 1,
      side: 'client',
      state: 'HANDSHAKE',
      phase: 'handshake',
    };
    expect(describeEvent(e, 'en')).toBe(
      '0 ms: client side of connection 1: HANDSHAKE, QUIC handshake (TLS inside)',
    );
    expect(describeEvent(e, 'zh')).toBe('0 ms：连接 1 的客户端：HANDSHAKE，QUIC 握手（内含 TLS）');
  });
});

describe('describeMoment (HTTP/3)', () => {
  it('describeMoment says a packet sent to the old address is lost', () => {
    // One-way delay falls back to 50 ms: the loss is drawn halfway, at 250 + 25.
    const drop = moments([lost]).find((m) => m.what === 'drop')!;
    expect(drop.t).toBe(275);
    expect(describeMoment(drop, 'en')).toBe(
      '1-RTT packet #13 (DATA 200 OK /a.png) from the server is lost on connection 1 (sent to the client’s old address)',
    );
    expect(describeMoment(drop, 'zh')).toBe(
      '服务器在连接 1 上发出的 1-RTT 包 #13（DATA 200 OK /a.png）丢失了（发往客户端的旧地址）',
    );
  });
});
