/**
 * HTTP/1.x message heads as the model writes them on the wire (RFC 9112 §3, §4, §9; RFC 9110
 * §8.6 for Content-Length; Keep-Alive as Apache and nginx send it, RFC 2068 §19.7.1): the
 * request or status line, then the header lines that carry what the simulation decides
 * (Host, Connection, Keep-Alive, Content-Length, Content-Type), then typical headers a browser or
 * server adds (User-Agent, Accept…, Server, Cache-Control), and last a `Cookie` (requests) or an
 * `ETag` (responses) whose value tops the head up to the scenario's head size
 * (`http.requestHeaderBytes`, `http.responseHeaderBytes`), so the head shown has exactly the
 * bytes the simulation sent. A head size too small for the lines that matter keeps those lines
 * and sheds the typical ones; `bytes` then says how long the lines are.
 *
 * Deterministic: the filler digits depend only on their length (computed once per length), never
 * on the scenario's random generator (which would change every later draw).
 */
import type { HttpVersion } from '../scenario';
import type { HttpMethod } from '../trace';

/** A head as written: its lines without CRLFs, and its size with them (and the blank line). */
export interface MessageHead {
  readonly lines: readonly string[];
  /** Bytes on the wire: every line plus CRLF, plus the CRLF that ends the head. */
  readonly bytes: number;
}

/** What a request head says. */
export interface RequestHeadFields {
  readonly version: HttpVersion;
  readonly method: HttpMethod;
  readonly path: string;
  readonly host: string;
  readonly keepAlive: boolean;
  readonly bodyBytes: number;
  readonly requestId: number;
  /** The scenario's request head size (bytes). */
  readonly size: number;
}

/** What a response head says. */
export interface ResponseHeadFields {
  readonly version: HttpVersion;
  readonly path: string;
  readonly method: HttpMethod;
  readonly bodyBytes: number;
  /** The server closes after this response. */
  readonly close: boolean;
  /** The server's keep-alive timeout (ms), sent as `Keep-Alive: timeout=` in seconds. */
  readonly keepAliveTimeoutMs: number;
  /** Requests the server still takes on the connection after this one (undefined: no limit). */
  readonly remaining: number | undefined;
  /** The request carried a keep-alive token (HTTP/1.0 answers in kind). */
  readonly requestKeepAlive: boolean;
  readonly requestId: number;
  /** The scenario's response head size (bytes). */
  readonly size: number;
}

/** Filler digits by length: one xorshift sequence, computed once per length and reused. */
const fillers = new Map<number, string>();

/** `length` hex digits (a 32-bit xorshift; not random, and not the scenario's generator). */
function hexOf(length: number): string {
  let out = fillers.get(length);
  if (out !== undefined) return out;
  out = '';
  let x = 0x9e3779b1;
  while (out.length < length) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += x.toString(16).padStart(8, '0');
  }
  out = out.slice(0, length);
  fillers.set(length, out);
  return out;
}

/**
 * `needed` lines, then as many `typical` lines as fit, then a `filler` line (`name: prefix` and
 * hex digits) that makes the head exactly `size` bytes when there is room for one.
 */
function fit(
  needed: string[],
  typical: readonly string[],
  filler: Filler,
  size: number,
): MessageHead {
  const lines = needed;
  let bytes = 2;
  for (const l of lines) bytes += l.length + 2;
  const fillerMin = filler.name.length + 2 + filler.prefix.length + filler.suffix.length + 1 + 2;
  for (const t of typical) {
    if (bytes + t.length + 2 + fillerMin > size) continue;
    lines.push(t);
    bytes += t.length + 2;
  }
  const room = size - bytes;
  if (room >= fillerMin) {
    lines.push(fillerLine(filler, room - (fillerMin - 1)));
    bytes = size;
  }
  return { lines, bytes };
}

/** The header that tops a head up to its size: `name: prefix`, hex digits, `suffix`. */
interface Filler {
  readonly name: string;
  readonly prefix: string;
  readonly suffix: string;
  /** Its lines by digit count, built once each (most heads of a run have the same size). */
  readonly lines: Map<number, string>;
}

/** The filler line with `digits` hex digits. */
function fillerLine(filler: Filler, digits: number): string {
  let line = filler.lines.get(digits);
  if (line === undefined) {
    line = `${filler.name}: ${filler.prefix}${hexOf(digits)}${filler.suffix}`;
    filler.lines.set(digits, line);
  }
  return line;
}

const COOKIE: Filler = { name: 'Cookie', prefix: 'sid=', suffix: '', lines: new Map() };
const ETAG: Filler = { name: 'ETag', prefix: '"', suffix: '"', lines: new Map() };

/** The content type a path is served as (HTML for pages, PNG for the model's images). */
function contentType(path: string, method: HttpMethod): string {
  if (method === 'POST') return 'text/plain; charset=utf-8';
  if (path.endsWith('.png')) return 'image/png';
  return 'text/html; charset=utf-8';
}

/** Seconds as the Keep-Alive header writes them: whole seconds, else up to 3 decimals. */
function seconds(ms: number): string {
  return String(Math.round(ms) / 1000);
}

/** The typical request headers a browser adds, for an image and for a page. */
const TYPICAL_IMAGE_REQUEST = typicalRequest('Accept: image/avif,image/webp,image/png,*/*;q=0.8');
const TYPICAL_PAGE_REQUEST = typicalRequest('Accept: text/html,application/xhtml+xml,*/*;q=0.8');

function typicalRequest(accept: string): readonly string[] {
  return [
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64) KeepAliveSim/1.0',
    accept,
    'Accept-Language: en-US,en;q=0.9,zh-CN;q=0.8',
    'Accept-Encoding: gzip, deflate, br',
  ];
}

/** The typical response headers a server adds. */
const TYPICAL_RESPONSE: readonly string[] = ['Server: Apache/2.4', 'Cache-Control: max-age=3600'];

/** The request head the client writes (HTTP/1.0 and 1.1; 0.9 has none). */
export function requestHead(f: RequestHeadFields): MessageHead {
  const needed = [`${f.method} ${f.path} HTTP/${f.version}`, `Host: ${f.host}`];
  // HTTP/1.0 asks for persistence with a token; 1.1 has it by default and browsers still say so.
  if (f.version === '1.0' && f.keepAlive) needed.push('Connection: Keep-Alive');
  if (f.version === '1.1')
    needed.push(f.keepAlive ? 'Connection: keep-alive' : 'Connection: close');
  if (f.method === 'POST') {
    needed.push('Content-Type: application/x-www-form-urlencoded');
    needed.push(`Content-Length: ${f.bodyBytes}`);
  }
  const typical = f.path.endsWith('.png') ? TYPICAL_IMAGE_REQUEST : TYPICAL_PAGE_REQUEST;
  return fit(needed, typical, COOKIE, f.size);
}

/** The response head the server writes (HTTP/1.0 and 1.1; 0.9 has none). */
export function responseHead(f: ResponseHeadFields): MessageHead {
  const needed = [
    `HTTP/${f.version} 200 OK`,
    `Content-Type: ${contentType(f.path, f.method)}`,
    `Content-Length: ${f.bodyBytes}`,
  ];
  if (f.close) {
    needed.push('Connection: close');
  } else {
    // 1.0 keeps a connection only when asked, and says so; both send Keep-Alive's parameters.
    if (f.version === '1.0' && f.requestKeepAlive) needed.push('Connection: Keep-Alive');
    const max = f.remaining === undefined ? '' : `, max=${f.remaining}`;
    needed.push(`Keep-Alive: timeout=${seconds(f.keepAliveTimeoutMs)}${max}`);
  }
  return fit(needed, TYPICAL_RESPONSE, ETAG, f.size);
}
