/**
 * Reading a HAR file: the text to JSON, the JSON to the log's pages and entries, each entry to
 * a flat record of the fields the importer uses (or the reason it is left out). Every number is
 * read defensively: anything but a finite number in range is "not in the file".
 */
import type { HarErrorCode, HarIgnoreReason, HarImportOptions } from './types';
import { HAR_MAX_CHARS } from './types';

/** Sizes above 1 TiB and durations above 10^9 ms (11.6 days) are not believable: unknown. */
const MAX_BYTES = 2 ** 40;
const MAX_MS = 1e9;
/** How deep a Chrome initiator stack (`stack.parent.parent...`) is searched for a URL. */
const MAX_STACK_DEPTH = 32;

export interface ReadEntry {
  /** Position in `log.entries`. */
  readonly index: number;
  /** Set when the entry is left out; entries with an http(s) URL keep their fields regardless. */
  readonly ignored?: HarIgnoreReason;
  /** The URL as `URL.href` without its fragment (the key parents are matched on). */
  readonly url: string;
  readonly origin: string;
  readonly host: string;
  readonly scheme: 'http' | 'https';
  readonly port: number;
  readonly path: string;
  readonly method: string | undefined;
  readonly status: number;
  /** `Date.parse(startedDateTime)`, or undefined. */
  readonly startAbs: number | undefined;
  readonly time: number | undefined;
  readonly timings: Readonly<Partial<Record<TimingName, number>>>;
  readonly contentSize: number | undefined;
  readonly bodySize: number | undefined;
  readonly headersSize: number | undefined;
  readonly transferSize: number | undefined;
  readonly mime: string | undefined;
  readonly resourceType: string | undefined;
  /** Chrome's `_initiator` URL (or the first URL of its stack), normalized like `url`. */
  readonly initiatorUrl: string | undefined;
  /** The `Referer` request header, normalized like `url`. */
  readonly refererUrl: string | undefined;
  /**
   * The connection that carried it (HAR 1.2 `connection`, Chrome's socket id) when the response
   * came over HTTP/2 or HTTP/3 (`response.httpVersion`), else undefined.
   */
  readonly multiplexedOn: string | undefined;
}

export type TimingName = 'blocked' | 'dns' | 'connect' | 'ssl' | 'send' | 'wait' | 'receive';
const TIMING_NAMES: readonly TimingName[] = [
  'blocked',
  'dns',
  'connect',
  'ssl',
  'send',
  'wait',
  'receive',
];

export interface ReadLog {
  readonly version: string | null;
  /** `log.entries.length`. */
  readonly total: number;
  /** Entries with a URL that parses as http(s), in file order (ignored ones included). */
  readonly entries: readonly ReadEntry[];
  /** Left-out entries that have no record in `entries` (malformed, data:, blob:, other schemes). */
  readonly dropped: Readonly<Partial<Record<HarIgnoreReason, number>>>;
  /** `log.pages[0]`: its start and `pageTimings.onLoad`, when present. */
  readonly pageStartAbs: number | undefined;
  readonly onLoadMs: number | undefined;
}

export type ReadResult = { ok: true; log: ReadLog } | { ok: false; code: HarErrorCode };

type Obj = Readonly<Record<string, unknown>>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(o: unknown, key: string): unknown {
  return isObj(o) ? o[key] : undefined;
}

/** A finite number in [0, max], or undefined (HAR's -1 "does not apply" included). */
function nonNegative(v: unknown, max: number): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : undefined;
}

export const readBytes = (v: unknown): number | undefined => {
  const n = nonNegative(v, MAX_BYTES);
  return n === undefined ? undefined : Math.round(n);
};
export const readMs = (v: unknown): number | undefined => nonNegative(v, MAX_MS);

/**
 * An HTTP/2 or HTTP/3 response's connection id. Firefox writes the server's port there, which
 * names no connection: an id that is only the URL's port (or 443, 80) is no id.
 */
function multiplexedOn(connection: unknown, version: unknown, port: string): string | undefined {
  const id = nonEmptyString(connection);
  if (id === undefined || id.length > 64 || id === port || id === '443' || id === '80')
    return undefined;
  const v = typeof version === 'string' ? version.toLowerCase() : '';
  return /^(h2|h3|http\/2(\.0)?|http\/3(\.0)?)$/.test(v) ? id : undefined;
}

function nonEmptyString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function parseTime(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}

function parseUrl(s: string): URL | undefined {
  try {
    return new URL(s);
  } catch {
    return undefined;
  }
}

/** `URL.href` without the fragment; undefined when the string is not an absolute URL. */
export function normalizeUrl(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const u = parseUrl(s);
  if (u === undefined) return undefined;
  u.hash = '';
  return u.href;
}

function schemeOf(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trimStart());
  return m === null ? '' : (m[1] as string).toLowerCase();
}

/** `text/html; charset=utf-8` -> `text/html`; Chrome's placeholder `x-unknown` -> none. */
function mimeOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const m = (v.split(';')[0] as string).trim().toLowerCase();
  return m.length > 0 && m !== 'x-unknown' ? m : undefined;
}

function initiatorUrl(initiator: unknown, meter: { steps: number }): string | undefined {
  const direct = nonEmptyString(field(initiator, 'url'));
  if (direct !== undefined) return direct;
  let stack = field(initiator, 'stack');
  for (let depth = 0; depth < MAX_STACK_DEPTH && isObj(stack); depth++) {
    const frames = stack['callFrames'];
    if (Array.isArray(frames)) {
      for (const frame of frames) {
        meter.steps++;
        const url = nonEmptyString(field(frame, 'url'));
        if (url !== undefined) return url;
      }
    }
    stack = stack['parent'];
  }
  return undefined;
}

function refererOf(headers: unknown, meter: { steps: number }): string | undefined {
  if (!Array.isArray(headers)) return undefined;
  for (const h of headers) {
    meter.steps++;
    const name = field(h, 'name');
    if (typeof name === 'string' && name.toLowerCase() === 'referer') {
      return nonEmptyString(field(h, 'value'));
    }
  }
  return undefined;
}

/** Safari's (CFNetwork's) `_fetchType` values for a response that did not cross the network. */
const SAFARI_CACHE = new Set(['Memory Cache', 'Disk Cache']);

/**
 * Served by the browser's cache: Chrome's `_fromCache` ('memory' | 'disk'); Safari's `_fetchType`
 * 'Memory Cache' or 'Disk Cache'; Firefox's `cache.afterRequest` (set only for cache hits) with
 * a `response.bodySize` of 0 and a status other than 304; or an entry that took no time at all:
 * `time` 0, every timing -1, 0 or absent, and no bytes transferred (`_transferSize` 0 or absent).
 */
function fromCache(entry: Obj, response: unknown): boolean {
  const flag = entry['_fromCache'];
  if (typeof flag === 'string' && flag.length > 0) return true;
  const fetchType = entry['_fetchType'];
  if (typeof fetchType === 'string' && SAFARI_CACHE.has(fetchType)) return true;
  const cache = entry['cache'];
  if (
    isObj(cache) &&
    'afterRequest' in cache &&
    field(response, 'bodySize') === 0 &&
    field(response, 'status') !== 304
  ) {
    return true;
  }
  if (entry['time'] !== 0) return false;
  const timings = entry['timings'];
  for (const name of TIMING_NAMES) {
    const t = field(timings, name);
    if (t !== undefined && t !== -1 && t !== 0) return false;
  }
  const transfer = field(response, '_transferSize');
  return transfer === undefined || transfer === 0;
}

function readEntry(
  raw: unknown,
  index: number,
  firstPageId: string | undefined,
  meter: { steps: number },
): ReadEntry | HarIgnoreReason {
  if (!isObj(raw)) return 'malformed';
  const request = raw['request'];
  const rawUrl = field(request, 'url');
  if (!isObj(request) || typeof rawUrl !== 'string') return 'malformed';
  const scheme = schemeOf(rawUrl);
  if (scheme === 'data') return 'data-url';
  if (scheme === 'blob') return 'blob-url';
  if (scheme !== 'http' && scheme !== 'https') return scheme === '' ? 'malformed' : 'not-http';
  const u = parseUrl(rawUrl);
  if (u === undefined || u.hostname === '') return 'malformed';
  u.hash = '';
  const response = raw['response'];
  const status = field(response, 'status');
  let ignored: HarIgnoreReason | undefined;
  const pageref = raw['pageref'];
  if (firstPageId !== undefined && typeof pageref === 'string' && pageref !== firstPageId) {
    ignored = 'other-page';
  } else if (
    field(response, '_fetchedViaServiceWorker') === true ||
    raw['_fetchType'] === 'Service Worker'
  ) {
    ignored = 'service-worker';
  } else if (fromCache(raw, response)) {
    ignored = 'from-cache';
  } else if (typeof status !== 'number' || !Number.isFinite(status)) {
    return 'malformed';
  } else if (status <= 0 || nonEmptyString(field(response, '_error')) !== undefined) {
    ignored = 'failed';
  }
  const timingsRaw = raw['timings'];
  const timings: Partial<Record<TimingName, number>> = {};
  for (const name of TIMING_NAMES) {
    const t = readMs(field(timingsRaw, name));
    if (t !== undefined) timings[name] = t;
  }
  const content = field(response, 'content');
  const method = nonEmptyString(request['method']);
  const port = u.port === '' ? (u.protocol === 'https:' ? 443 : 80) : Number(u.port);
  return {
    index,
    url: u.href,
    origin: u.origin,
    host: u.hostname,
    scheme: u.protocol === 'https:' ? 'https' : 'http',
    port,
    path: u.pathname + u.search,
    method: method !== undefined && method.length <= 64 ? method : undefined,
    status: typeof status === 'number' && Number.isFinite(status) ? status : 0,
    startAbs: parseTime(raw['startedDateTime']),
    time: readMs(raw['time']),
    timings,
    contentSize: readBytes(field(content, 'size')),
    bodySize: readBytes(field(response, 'bodySize')),
    headersSize: readBytes(field(response, 'headersSize')),
    transferSize: readBytes(field(response, '_transferSize')),
    mime: mimeOf(field(content, 'mimeType')),
    resourceType: nonEmptyString(raw['_resourceType']),
    initiatorUrl: normalizeUrl(initiatorUrl(raw['_initiator'], meter)),
    refererUrl: normalizeUrl(refererOf(request['headers'], meter)),
    multiplexedOn: multiplexedOn(raw['connection'], field(response, 'httpVersion'), u.port),
    ...(ignored === undefined ? {} : { ignored }),
  };
}

/** The text to a `ReadLog`, or the error code that stops the import. */
export function readHar(text: unknown, options: HarImportOptions = {}): ReadResult {
  const meter = options.meter ?? { steps: 0 };
  if (typeof text !== 'string') return { ok: false, code: 'not-json' };
  if (text.length > HAR_MAX_CHARS) return { ok: false, code: 'too-large' };
  let json: unknown;
  try {
    // A byte-order mark (some Windows tools write one) is not JSON.
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, code: 'not-json' };
  }
  const log = field(json, 'log');
  const rawEntries = field(log, 'entries');
  if (!Array.isArray(rawEntries)) return { ok: false, code: 'not-har' };
  if (rawEntries.length === 0) return { ok: false, code: 'no-entries' };
  const pages = field(log, 'pages');
  const firstPage: unknown = Array.isArray(pages) ? pages[0] : undefined;
  const firstPageId = nonEmptyString(field(firstPage, 'id'));
  const entries: ReadEntry[] = [];
  const dropped: Partial<Record<HarIgnoreReason, number>> = {};
  rawEntries.forEach((raw, index) => {
    meter.steps++;
    const r = readEntry(raw, index, firstPageId, meter);
    if (typeof r === 'string') dropped[r] = (dropped[r] ?? 0) + 1;
    else entries.push(r);
  });
  const version = field(log, 'version');
  return {
    ok: true,
    log: {
      version: typeof version === 'string' ? version : null,
      total: rawEntries.length,
      entries,
      dropped,
      pageStartAbs: parseTime(field(firstPage, 'startedDateTime')),
      onLoadMs: readMs(field(field(firstPage, 'pageTimings'), 'onLoad')),
    },
  };
}
