import { describe, expect, it } from 'vitest';
import {
  describe as describeMomentAt,
  describeEvent,
  formatTime,
  moments,
  term,
} from '../../../src/components/views/describe';
import { request, trace } from './fixture';

const all = moments(trace);
const find = (what: string, id: number) =>
  all.find((m) => m.what === what && m.event.type === 'packet' && m.event.id === id)!;

describe('moments', () => {
  it('moments gives each packet two moments, in time order', () => {
    expect(all).toHaveLength(trace.length + 9);
    for (let i = 1; i < all.length; i++) expect(all[i]!.t).toBeGreaterThanOrEqual(all[i - 1]!.t);
  });
  it('moments puts the loss of the FIN at 325 ms', () => {
    expect(find('drop', 8).t).toBe(325);
  });
});

describe('describe', () => {
  it('describe says the client sends SYN at 0 ms, in English and Chinese', () => {
    expect(describeMomentAt(find('send', 1), 'en')).toBe('0 ms: client sends SYN on connection 1');
    expect(describeMomentAt(find('send', 1), 'zh')).toBe('0 ms：客户端在连接 1 上发送 SYN');
  });
  it('describe says the server receives GET /a.png at 154 ms', () => {
    expect(describeMomentAt(find('arrive', 4), 'en')).toBe(
      '154 ms: server receives GET /a.png on connection 1',
    );
    expect(describeMomentAt(find('arrive', 4), 'zh')).toBe(
      '154 ms：服务器在连接 1 上收到 GET /a.png',
    );
  });
  it('describe reports the lost FIN and its retransmission', () => {
    expect(describeMomentAt(find('drop', 8), 'en')).toBe(
      '325 ms: FIN from the client is lost on connection 1',
    );
    expect(describeMomentAt(find('send', 9), 'en')).toBe(
      '500 ms: client retransmits FIN on connection 1',
    );
    expect(describeMomentAt(find('drop', 8), 'zh')).toBe(
      '325 ms：客户端在连接 1 上发出的 FIN 丢失了',
    );
  });
  it('describeEvent names the state, the phase and the reason of a connection change', () => {
    const idle = trace.find((e) => e.type === 'conn' && e.phase === 'idle')!;
    expect(describeEvent(idle, 'en')).toBe(
      '230 ms: client side of connection 1: ESTABLISHED, idle (keep-alive)',
    );
    expect(describeEvent(idle, 'zh')).toBe(
      '230 ms：连接 1 的客户端：ESTABLISHED，空闲（keep-alive）',
    );
    const closed = trace.find(
      (e) => e.type === 'conn' && e.state === 'CLOSED' && e.side === 'client',
    )!;
    expect(describeEvent(closed, 'en')).toBe(
      '700 ms: client side of connection 1 enters CLOSED (TIME_WAIT expired)',
    );
    expect(describeEvent(closed, 'zh')).toBe(
      '700 ms：连接 1 的客户端进入 CLOSED 状态（TIME_WAIT 到期）',
    );
  });
  it('describeEvent describes request steps', () => {
    const assigned = trace.find((e) => e.type === 'request' && e.step === 'assigned')!;
    expect(describeEvent(assigned, 'en')).toBe('0 ms: GET /a.png is assigned to connection 1');
    expect(describeEvent(assigned, 'zh')).toBe('0 ms：GET /a.png 分配到连接 1');
    const done = trace.find((e) => e.type === 'request' && e.step === 'done')!;
    expect(describeEvent(done, 'en')).toBe('230 ms: response to GET /a.png complete');
  });
  it('describeEvent drops the empty cause of a retry without an error', () => {
    const retry = {
      type: 'request',
      t: 5,
      step: 'retry',
      requestId: 2,
      path: '/b',
      host: 'h',
      method: 'GET',
      attempt: 1,
      followUp: false,
    } as const;
    expect(describeEvent(retry, 'en')).toBe('5 ms: GET /b is retried');
    expect(describeEvent(retry, 'zh')).toBe('5 ms：重试 GET /b');
  });
  it('describeEvent says when a DNS lookup let a request go on', () => {
    const resolved = request(50, 'resolved', 1, '/index.html', { host: 'cdn.example.com' });
    expect(describeEvent(resolved, 'en')).toBe(
      '50 ms: the DNS lookup of cdn.example.com ends, so GET /index.html may now take a connection',
    );
    expect(describeEvent(resolved, 'zh')).toBe(
      '50 ms：cdn.example.com 的 DNS 查询完成，GET /index.html 现在可以使用连接了',
    );
  });
  it('describeEvent describes the connection opening with its TLS version', () => {
    expect(describeEvent(trace[0]!, 'en')).toBe('0 ms: client opens connection 1 to example.com');
  });
});

describe('formatTime', () => {
  it('formatTime shows one decimal only when needed', () => {
    expect(formatTime(28, 'en')).toBe('28 ms');
    expect(formatTime(28.54, 'en')).toBe('28.5 ms');
    expect(formatTime(1500, 'zh')).toBe('1,500 ms');
  });
});

describe('term', () => {
  it('term gives the dictionary word, or the key itself when missing', () => {
    expect(term({ a: 'A' }, 'a')).toBe('A');
    expect(term<'a' | 'b'>({ a: 'A' }, 'b')).toBe('b');
  });
});
