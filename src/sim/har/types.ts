/**
 * The HAR importer's output: a page (origins and objects with their sizes, start offsets, server
 * think times and discovery parents) and a report of what was read, ignored and guessed. Plain
 * data, ready for JSON. The rules behind every field are in `README.md`.
 */

/** Why a file could not be imported. The UI translates these; `error` carries English. */
export type HarErrorCode =
  'too-large' | 'not-json' | 'not-har' | 'no-entries' | 'no-usable-entries';

export const HAR_ERROR_CODES: readonly HarErrorCode[] = [
  'too-large',
  'not-json',
  'not-har',
  'no-entries',
  'no-usable-entries',
];

/** Files longer than this (in UTF-16 code units: `text.length`) are refused before parsing. */
export const HAR_MAX_CHARS = 20 * 1024 * 1024;

/** One plain-English sentence per error code (the `error` of a failed import). */
export const HAR_ERROR_MESSAGES: Readonly<Record<HarErrorCode, string>> = {
  'too-large':
    'The file is larger than 20 MB; save the HAR of a single page load, without response contents, and try again.',
  'not-json': 'The file is not valid JSON, so it cannot be a HAR file.',
  'not-har': 'The file is JSON but not a HAR file: it has no list of requests (log.entries).',
  'no-entries': 'The HAR file contains no requests: its list of entries is empty.',
  'no-usable-entries':
    'None of the requests in the HAR file can be replayed: each was served from a cache or a service worker, failed, used a data:, blob: or non-HTTP address, belonged to another page, or was malformed.',
};

/**
 * Why an entry was left out: one reason per entry, the first that applies in this order.
 * 1. `malformed`: not an object, no `request` object, or a `url` that is not a string;
 * 2. `data-url`, `blob-url`: a `data:` or `blob:` URL (nothing crossed the network);
 * 3. `not-http`: any other scheme than `http:` and `https:` (`ws:`, `chrome-extension:`, ...);
 *    `malformed` again for a URL with no scheme or one that does not parse;
 * 4. `other-page`: its `pageref` names a page other than `log.pages[0]`;
 * 5. `service-worker`: `response._fetchedViaServiceWorker` is true (Chrome), or `_fetchType` is
 *    'Service Worker' (Safari);
 * 6. `from-cache`: served by the browser's cache (rule in `README.md`);
 * 7. `malformed` again: no `response` with a numeric `status`;
 * 8. `failed`: `response.status` 0 or below, or a non-empty `response._error` (Chrome:
 *    `net::ERR_ABORTED`, ...);
 * 9. `redirect`: a redirect (301, 302, 303, 307, 308) before the document (`http://` to
 *    `https://`, say): the replay starts at the document.
 */
export type HarIgnoreReason =
  | 'malformed'
  | 'data-url'
  | 'blob-url'
  | 'not-http'
  | 'other-page'
  | 'service-worker'
  | 'from-cache'
  | 'failed'
  | 'redirect';

export const HAR_IGNORE_REASONS: readonly HarIgnoreReason[] = [
  'malformed',
  'data-url',
  'blob-url',
  'not-http',
  'other-page',
  'service-worker',
  'from-cache',
  'failed',
  'redirect',
];

/** Plain-English labels for the report's ignored counts ("3 served from the browser's cache"). */
export const HAR_IGNORE_LABELS: Readonly<Record<HarIgnoreReason, string>> = {
  malformed: 'malformed entries',
  'data-url': 'data: URLs',
  'blob-url': 'blob: URLs',
  'not-http': 'addresses other than http: and https:',
  'other-page': 'requests of other pages',
  'service-worker': "answered by the page's service worker",
  'from-cache': "served from the browser's cache",
  failed: 'failed or aborted requests',
  redirect: 'redirects before the document',
};

/** How the browser came to ask for an object. */
export type HarDiscovery =
  /** The page's HTML itself (object 0, parent null). */
  | 'document'
  /** Found by the HTML (its parent is the document). */
  | 'html'
  /** Found by another object, a stylesheet or a script, once that object arrived. */
  | 'subresource'
  /** Started after the network had been idle for `lateGapMs`: a timer, a scroll, the load event. */
  | 'late';

export interface HarOrigin {
  /** `scheme://host` plus `:port` when not the scheme's default (as `URL.origin`). */
  readonly origin: string;
  readonly host: string;
  readonly scheme: 'http' | 'https';
  readonly port: number;
  /** Objects fetched from this origin and the sum of their `bytes`. */
  readonly objects: number;
  readonly bytes: number;
  /** Round-trip estimate from this origin's own connects (ms), or null (the page's is used). */
  readonly rttMs: number | null;
}

export interface HarObject {
  /** 0 for the document, then in order of start time (ties: file order). A parent's id is smaller. */
  readonly id: number;
  readonly origin: string;
  /** Path and query string (no fragment). */
  readonly path: string;
  readonly method: string;
  readonly status: number;
  /** Response body bytes (rule in `README.md`). */
  readonly bytes: number;
  /** Start (`startedDateTime`) in ms after the document's start. */
  readonly startMs: number;
  /** The entry's whole duration (`time`) in ms. */
  readonly durationMs: number;
  /** Server think time: `max(0, timings.wait - rtt)` in ms. */
  readonly thinkMs: number;
  /** The entry's DNS lookup (`timings.dns`) in ms, when the file gives one (0 or more). */
  readonly dnsMs?: number;
  /** The object that led the browser to this one, or null for the document. */
  readonly parent: number | null;
  readonly discovery: HarDiscovery;
  /** `content.mimeType` without parameters, lower case, when the file has one. */
  readonly mime?: string;
}

export interface HarPage {
  readonly documentUrl: string;
  /** In order of first appearance among the objects (the document's origin first). */
  readonly origins: readonly HarOrigin[];
  readonly objects: readonly HarObject[];
  /** The page load the HAR measured, in ms after the document's start (rule in `README.md`). */
  readonly measuredLoadMs: number;
  /**
   * Origins the recording sent over another origin's HTTP/2 or HTTP/3 connection (entries of
   * both with one `connection` id): coalesced, so the two share an address and a certificate.
   */
  readonly coalesced: readonly { readonly origin: string; readonly with: string }[];
}

/** A field the importer had to guess for some objects. */
export type HarGuessField =
  | 'bytes'
  | 'parent'
  | 'startMs'
  | 'durationMs'
  | 'thinkMs'
  | 'rtt'
  | 'dns'
  | 'method'
  | 'document'
  | 'measuredLoadMs';

export interface HarGuess {
  readonly field: HarGuessField;
  /** How many objects (1 for page-wide guesses: `rtt`, `dns`, `document`, `measuredLoadMs`). */
  readonly count: number;
  /** Plain English: what was missing and what was taken instead. */
  readonly why: string;
}

export interface HarReport {
  /** Entries in `log.entries`. */
  readonly entries: number;
  /** Entries that became objects (= `page.objects.length`). */
  readonly used: number;
  /** Entries left out, by reason (every reason present, 0 when none). */
  readonly ignored: Readonly<Record<HarIgnoreReason, number>>;
  readonly guessed: readonly HarGuess[];
  /** `log.version` as written, or null. */
  readonly version: string | null;
  /** The page's round-trip estimate (ms) and where it came from; null when none could be made. */
  readonly rttMs: number | null;
  readonly rttSource: 'connect' | 'min-wait' | 'none';
  /**
   * The time one DNS lookup took (ms): the lower median of the positive `timings.dns` of each
   * host's first request; 0 when none is positive (`dnsSource` 'none', guessed).
   */
  readonly dnsMs: number;
  readonly dnsSource: 'dns' | 'none';
  /** Where `measuredLoadMs` came from. */
  readonly loadSource: 'onLoad' | 'entries';
}

export type HarImport =
  | { readonly ok: true; readonly page: HarPage; readonly report: HarReport }
  | {
      readonly ok: false;
      readonly code: HarErrorCode;
      /** One plain-English sentence. */
      readonly error: string;
      /** With `no-usable-entries`: what was read and why each entry was left out. */
      readonly report?: HarReport;
    };

export interface HarImportOptions {
  /** Idle gap (ms) after which a request counts as `late` (default `HAR_LATE_GAP_MS`). */
  readonly lateGapMs?: number;
  /**
   * A work counter the importer increments once per elementary step (loop turn, comparison,
   * binary-search probe): the tests hold it to a bound linear (or n log n) in the entries.
   */
  readonly meter?: { steps: number };
}

/**
 * 500 ms: the quiet period of Puppeteer's and Playwright's `networkidle0` ("no network
 * connections for at least 500 ms"), the usual sign that a page load has settled.
 */
export const HAR_LATE_GAP_MS = 500;
