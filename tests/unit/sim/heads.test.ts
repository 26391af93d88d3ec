/**
 * HTTP/1.x heads as written on the wire (`src/sim/http/heads.ts`): the lines that carry the
 * model's decisions, checked by hand against RFC 9112 and the Keep-Alive header as Apache sends
 * it, and the head's size equal to the scenario's head size the simulation counts.
 */
import { describe, expect, it } from 'vitest';
import { requestHead, responseHead } from '../../../src/sim/http/heads';
import { simulate } from '../../../src/sim/simulate';
import { FAST, requestEvents } from './helpers';

/** Bytes of a head: each line and its CRLF, then the blank line's CRLF. */
const wire = (lines: readonly string[]): number => lines.join('\r\n').length + 4;

const request = {
  version: '1.0',
  method: 'GET',
  path: '/img3.png',
  host: 'example.com',
  keepAlive: true,
  bodyBytes: 0,
  requestId: 4,
  size: 400,
} as const;

const response = {
  version: '1.0',
  path: '/img3.png',
  method: 'GET',
  bodyBytes: 10000,
  close: false,
  keepAliveTimeoutMs: 5000,
  remaining: 99,
  requestKeepAlive: true,
  requestId: 4,
  size: 250,
} as const;

describe('request heads', () => {
  it('HTTP/1.0 with keep-alive: request line, Host, the Keep-Alive token; exactly 400 bytes', () => {
    const h = requestHead(request);
    expect(h.lines.slice(0, 3)).toEqual([
      'GET /img3.png HTTP/1.0',
      'Host: example.com',
      'Connection: Keep-Alive',
    ]);
    expect(h.bytes).toBe(400);
    expect(wire(h.lines)).toBe(400);
    expect(h.lines.at(-1)).toMatch(/^Cookie: sid=[0-9a-f]+$/);
  });
  it('HTTP/1.0 without keep-alive sends no Connection header', () => {
    const h = requestHead({ ...request, keepAlive: false });
    expect(h.lines.some((l) => l.startsWith('Connection:'))).toBe(false);
  });
  it('HTTP/1.1 says keep-alive, or close when the client wants no persistence', () => {
    expect(requestHead({ ...request, version: '1.1' }).lines[2]).toBe('Connection: keep-alive');
    expect(requestHead({ ...request, version: '1.1', keepAlive: false }).lines[2]).toBe(
      'Connection: close',
    );
  });
  it('a POST carries its body length and type', () => {
    const h = requestHead({
      ...request,
      version: '1.1',
      method: 'POST',
      path: '/f',
      bodyBytes: 120,
    });
    expect(h.lines).toContain('Content-Length: 120');
    expect(h.lines).toContain('Content-Type: application/x-www-form-urlencoded');
    expect(h.bytes).toBe(400);
  });
  it('a head size too small keeps only the lines that matter and says how long they are', () => {
    const h = requestHead({ ...request, size: 16 });
    expect(h.lines).toEqual([
      'GET /img3.png HTTP/1.0',
      'Host: example.com',
      'Connection: Keep-Alive',
    ]);
    // 22 + 17 + 22 characters, three CRLFs and the blank line's.
    expect(h.bytes).toBe(22 + 17 + 22 + 3 * 2 + 2);
  });
  it('the same request gets the same head (no random draw)', () => {
    expect(requestHead(request)).toEqual(requestHead(request));
  });
});

describe('response heads', () => {
  it('HTTP/1.0 keep-alive answer: the token, Keep-Alive timeout and max, Content-Length', () => {
    const h = responseHead(response);
    expect(h.lines.slice(0, 5)).toEqual([
      'HTTP/1.0 200 OK',
      'Content-Type: image/png',
      'Content-Length: 10000',
      'Connection: Keep-Alive',
      'Keep-Alive: timeout=5, max=99',
    ]);
    expect(wire(h.lines)).toBe(250);
  });
  it('a closing response says Connection: close and no Keep-Alive', () => {
    const h = responseHead({ ...response, close: true });
    expect(h.lines).toContain('Connection: close');
    expect(h.lines.some((l) => l.startsWith('Keep-Alive'))).toBe(false);
  });
  it('HTTP/1.1 sends Keep-Alive without the token; a fraction of a second stays exact', () => {
    const h = responseHead({ ...response, version: '1.1', keepAliveTimeoutMs: 1500 });
    expect(h.lines[3]).toBe('Keep-Alive: timeout=1.5, max=99');
    expect(h.lines.some((l) => l.startsWith('Connection:'))).toBe(false);
  });
  it('no request limit: no max parameter', () => {
    expect(responseHead({ ...response, remaining: undefined }).lines[4]).toBe(
      'Keep-Alive: timeout=5',
    );
  });
});

describe('heads in the trace', () => {
  it('a limit of 3 requests per connection: max=2, max=1, then Connection: close', () => {
    const { trace } = simulate({
      seed: 1,
      network: { rttMs: 100, ...FAST },
      http: { version: '1.1' },
      client: { maxConnectionsPerHost: 1 },
      server: { maxRequestsPerConnection: 3 },
      page: { htmlBytes: 1000, objects: 2, objectBytes: 2000 },
    });
    const done = requestEvents(trace, 'done');
    expect(done.map((e) => e.head?.find((l) => /^(Keep-Alive|Connection):/.test(l)))).toEqual([
      'Keep-Alive: timeout=5, max=2',
      'Keep-Alive: timeout=5, max=1',
      'Connection: close',
    ]);
    // The response heads are 250 bytes, as the simulation counted them.
    for (const e of done) expect(wire(e.head ?? [])).toBe(250);
    expect(done.map((e) => e.head?.[2])).toEqual([
      'Content-Length: 1000',
      'Content-Length: 2000',
      'Content-Length: 2000',
    ]);
  });
  it('HTTP/1.0 without keep-alive: requests without a token, every answer closes', () => {
    const { trace } = simulate({
      seed: 1,
      network: { rttMs: 100, ...FAST },
      http: { version: '1.0', keepAlive: false },
      page: { htmlBytes: 1000, objects: 1, objectBytes: 2000 },
    });
    const sent = requestEvents(trace, 'sent');
    expect(sent.map((e) => e.head?.[0])).toEqual([
      'GET /index.html HTTP/1.0',
      'GET /img1.png HTTP/1.0',
    ]);
    for (const e of sent) {
      expect(e.head?.some((l) => l.startsWith('Connection:'))).toBe(false);
      expect(wire(e.head ?? [])).toBe(e.bytes);
    }
    for (const e of requestEvents(trace, 'done')) expect(e.head).toContain('Connection: close');
  });
  it('HTTP/0.9 and HTTP/2 carry no HTTP/1.x head', () => {
    for (const version of ['0.9', '2'] as const) {
      const { trace } = simulate({
        seed: 1,
        network: { rttMs: 100, ...FAST },
        http: { version },
        page: { htmlBytes: 1000, objects: 1 },
      });
      expect(trace.some((e) => e.type === 'request' && e.head !== undefined)).toBe(false);
    }
  });
});
