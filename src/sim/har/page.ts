/**
 * From the entries read (`read.ts`) to the page: the document, the order, parents, the
 * round-trip estimate, think times, sizes, discovery kinds, origins, the measured load and the
 * report. Every step is linear in the entries, or n log n (one sort, binary searches); the rules
 * are in `README.md`.
 */
import { percentile } from '../percentile';
import type { ReadEntry, ReadLog } from './read';
import type {
  HarDiscovery,
  HarGuess,
  HarGuessField,
  HarIgnoreReason,
  HarImport,
  HarImportOptions,
  HarObject,
  HarOrigin,
  HarReport,
} from './types';
import { HAR_ERROR_MESSAGES, HAR_IGNORE_REASONS, HAR_LATE_GAP_MS } from './types';

/** Status codes that send the browser elsewhere (a 304 is an answer, not a redirect). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Rounded to the microsecond, the engine's resolution (and free of float noise: 0.1 + 0.2). */
const us = (ms: number): number => Math.round(ms * 1000) / 1000;

const isHtml = (e: ReadEntry): boolean =>
  e.mime === 'text/html' || e.mime === 'application/xhtml+xml' || e.resourceType === 'document';

/** Responses that carry no body (RFC 9110 §6.4.1): 1xx, 204, 304, and any answer to HEAD. */
const bodiless = (e: ReadEntry): boolean =>
  (e.status >= 100 && e.status < 200) ||
  e.status === 204 ||
  e.status === 304 ||
  e.method === 'HEAD';

/** Counts guesses by (field, why), reported in order of first occurrence. */
class Guesses {
  private readonly rows = new Map<string, { field: HarGuessField; why: string; count: number }>();
  add(field: HarGuessField, why: string, count = 1): void {
    const key = `${field}\n${why}`;
    const row = this.rows.get(key);
    if (row === undefined) this.rows.set(key, { field, why, count });
    else row.count += count;
  }
  list(): HarGuess[] {
    return [...this.rows.values()].map(({ field, count, why }) => ({ field, count, why }));
  }
}

const WHY = {
  startMs: 'no readable startedDateTime: the start of the request before it in the file taken',
  durationMs: 'no time and no timings: duration taken as 0',
  method: 'no request method: GET taken',
  bytesTransfer:
    'only the transfer size is known: body bytes taken as the transfer size, headers included',
  bytesNone: 'no content size, body size or transfer size: body bytes taken as 0',
  parentNone: 'no initiator and no Referer header: the document taken as the parent',
  parentMissing:
    'the initiator or Referer is not an earlier request in the file: the document taken as the parent',
  parentIgnored: 'the initiator was left out (cache, service worker, failed): its own parent taken',
  thinkNoWait: 'no wait time: think time taken as 0',
  thinkNoRtt: 'no round-trip estimate: think time taken as 0',
  rttMinWait:
    'no request opened a connection (no connect time): the round-trip time taken as the smallest wait, so think times are lower bounds',
  rttNone: 'no connect or wait times: the round-trip time is unknown',
  dnsNone:
    'no DNS times (timings.dns) for the first request to any host: DNS lookups taken as 0 ms',
  dnsZero:
    'no first request to a host spent time on a DNS lookup (timings.dns 0: names the browser already knew): DNS lookups taken as 0 ms',
  load: 'no onLoad time in the page: the end of the last request taken as the page load',
};

/** Lower median (nearest-rank 50th percentile) of unsorted values, or null when empty. */
function lowerMedian(values: number[], meter: { steps: number }): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => {
    meter.steps++;
    return a - b;
  });
  return percentile(sorted, 50);
}

/**
 * The time the TCP (or QUIC) handshake took: one round trip. HAR counts `ssl` inside `connect`
 * (spec, Chrome); an exporter that reports them apart shows an `ssl` as long as `connect` or
 * longer, so `ssl` is subtracted only when it is shorter.
 */
function handshakeMs(e: ReadEntry): number | undefined {
  const connect = e.timings.connect;
  if (connect === undefined || connect <= 0) return undefined;
  const ssl = e.timings.ssl;
  const tcp = ssl !== undefined && ssl > 0 && ssl < connect ? connect - ssl : connect;
  return tcp > 0 ? tcp : undefined;
}

/** The last position < `before` in an ascending list, or -1 (binary search). */
function lastBefore(list: readonly number[], before: number, meter: { steps: number }): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    meter.steps++;
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < before) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? -1 : (list[lo - 1] as number);
}

function emptyIgnored(): Record<HarIgnoreReason, number> {
  const out = {} as Record<HarIgnoreReason, number>;
  for (const r of HAR_IGNORE_REASONS) out[r] = 0;
  return out;
}

export function buildPage(log: ReadLog, options: HarImportOptions = {}): HarImport {
  const meter = options.meter ?? { steps: 0 };
  const lateGapMs =
    options.lateGapMs !== undefined && Number.isFinite(options.lateGapMs) && options.lateGapMs >= 0
      ? options.lateGapMs
      : HAR_LATE_GAP_MS;
  const guesses = new Guesses();
  const ignored = emptyIgnored();
  for (const r of HAR_IGNORE_REASONS) ignored[r] += log.dropped[r] ?? 0;

  // Start times: an unreadable one takes the start of the entry before it in the file.
  const entries = log.entries;
  const start: number[] = [];
  const firstKnown = entries.find((e) => e.startAbs !== undefined)?.startAbs ?? 0;
  const startGuessed: boolean[] = [];
  let prev = firstKnown;
  for (const e of entries) {
    meter.steps++;
    startGuessed.push(e.startAbs === undefined);
    prev = e.startAbs ?? prev;
    start.push(prev);
  }

  // Order: by start, ties in file order (positions into `entries`).
  const order = entries.map((_, i) => i);
  order.sort((a, b) => {
    meter.steps++;
    return (start[a] as number) - (start[b] as number) || a - b;
  });

  // The document: the first entry still in, skipping redirects before it.
  const reason: (HarIgnoreReason | undefined)[] = entries.map((e) => e.ignored);
  let docRank = -1;
  for (let rank = 0; rank < order.length; rank++) {
    meter.steps++;
    const pos = order[rank] as number;
    if (reason[pos] !== undefined) continue;
    if (REDIRECTS.has((entries[pos] as ReadEntry).status)) {
      reason[pos] = 'redirect';
      continue;
    }
    docRank = rank;
    break;
  }
  for (const r of reason) if (r !== undefined) ignored[r]++;
  const used = reason.filter((r) => r === undefined).length;
  const report = (
    extra: Omit<HarReport, 'entries' | 'used' | 'ignored' | 'version'>,
  ): HarReport => ({
    entries: log.total,
    used,
    ignored,
    version: log.version,
    ...extra,
  });
  if (docRank < 0) {
    return {
      ok: false,
      code: 'no-usable-entries',
      error: HAR_ERROR_MESSAGES['no-usable-entries'],
      report: report({
        guessed: [],
        rttMs: null,
        rttSource: 'none',
        dnsMs: 0,
        dnsSource: 'none',
        loadSource: 'entries',
      }),
    };
  }

  // Ids: the used entries from the document on, in order. `idAt[rank]`: the object an entry
  // stands for as a parent: its own id, or (left out) the object its own parent resolved to.
  const doc = entries[order[docRank] as number] as ReadEntry;
  const docStart = start[order[docRank] as number] as number;
  const idAt: number[] = new Array<number>(order.length).fill(0);
  const byUrl = new Map<string, number[]>();
  const objectsIn: { e: ReadEntry; rank: number; parent: number | null }[] = [];
  for (let rank = 0; rank < order.length; rank++) {
    meter.steps++;
    const pos = order[rank] as number;
    const e = entries[pos] as ReadEntry;
    const isUsed = reason[pos] === undefined;
    let parent: number | null = null;
    if (rank > docRank) {
      // The latest earlier entry with the initiator's (or Referer's) URL; the document if none.
      const key = e.initiatorUrl ?? e.refererUrl;
      const list = key === undefined ? undefined : byUrl.get(key);
      const q = list === undefined ? -1 : lastBefore(list, rank, meter);
      if (q >= 0) {
        parent = idAt[q] as number;
        if (isUsed && q > docRank && reason[order[q] as number] !== undefined) {
          guesses.add('parent', WHY.parentIgnored);
        }
      } else {
        parent = 0;
        if (isUsed) guesses.add('parent', key === undefined ? WHY.parentNone : WHY.parentMissing);
      }
    }
    if (isUsed) {
      idAt[rank] = objectsIn.length;
      objectsIn.push({ e, rank, parent: rank === docRank ? null : parent });
    } else {
      idAt[rank] = parent ?? 0;
    }
    // Another page's requests are no one's initiator here.
    if (reason[pos] === 'other-page') continue;
    const list = byUrl.get(e.url);
    if (list === undefined) byUrl.set(e.url, [rank]);
    else list.push(rank);
  }

  // Round trips: per origin and for the page, from the handshakes of connections opened.
  const connects = new Map<string, number[]>();
  const all: number[] = [];
  let minWait: number | null = null;
  for (const { e } of objectsIn) {
    meter.steps++;
    const h = handshakeMs(e);
    if (h !== undefined) {
      all.push(h);
      const list = connects.get(e.origin);
      if (list === undefined) connects.set(e.origin, [h]);
      else list.push(h);
    }
    const w = e.timings.wait;
    if (w !== undefined && w > 0 && (minWait === null || w < minWait)) minWait = w;
  }
  let rttMs = lowerMedian(all, meter);
  let rttSource: HarReport['rttSource'] = 'connect';
  if (rttMs === null) {
    rttMs = minWait;
    rttSource = minWait === null ? 'none' : 'min-wait';
    guesses.add('rtt', rttSource === 'none' ? WHY.rttNone : WHY.rttMinWait);
  }
  const originRtt = new Map<string, number | null>();
  for (const [origin, list] of connects) {
    const m = lowerMedian(list, meter);
    originRtt.set(origin, m === null ? null : us(m));
  }
  if (rttMs !== null) rttMs = us(rttMs);

  // DNS: a browser looks a hostname up once, for its first request (later ones show -1 or 0),
  // so the lookups are the first requests' per host; names it already knew took 0 ms and say
  // nothing of the resolver: the positive ones are the sample.
  const firstDns = new Map<string, number | undefined>();
  for (const { e } of objectsIn) {
    meter.steps++;
    if (!firstDns.has(e.host)) firstDns.set(e.host, e.timings.dns);
  }
  const lookups = [...firstDns.values()].filter((d): d is number => d !== undefined && d > 0);
  const dnsMedian = lowerMedian(lookups, meter);
  const dnsMs = dnsMedian === null ? 0 : us(dnsMedian);
  const dnsSource: HarReport['dnsSource'] = dnsMedian === null ? 'none' : 'dns';
  if (dnsMedian === null) {
    const known = [...firstDns.values()].some((d) => d !== undefined);
    guesses.add('dns', known ? WHY.dnsZero : WHY.dnsNone);
  }

  // Objects.
  const objects: HarObject[] = [];
  let maxEnd = -Infinity;
  const origins = new Map<string, HarOrigin & { objects: number; bytes: number }>();
  for (const { e, rank, parent } of objectsIn) {
    meter.steps++;
    const id = objects.length;
    const pos = order[rank] as number;
    if (startGuessed[pos] === true) guesses.add('startMs', WHY.startMs);
    const startMs = us((start[pos] as number) - docStart);
    let durationMs = e.time;
    if (durationMs === undefined) {
      const t = e.timings;
      const parts = [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive];
      if (parts.every((p) => p === undefined)) {
        durationMs = 0;
        guesses.add('durationMs', WHY.durationMs);
      } else durationMs = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    }
    durationMs = us(durationMs);
    const method = e.method ?? 'GET';
    if (e.method === undefined) guesses.add('method', WHY.method);
    let bytes: number;
    if (bodiless(e)) bytes = 0;
    else if (e.contentSize !== undefined) bytes = e.contentSize;
    else if (e.bodySize !== undefined) bytes = e.bodySize;
    else if (e.transferSize !== undefined && e.headersSize !== undefined)
      bytes = Math.max(0, e.transferSize - e.headersSize);
    else if (e.transferSize !== undefined) {
      bytes = e.transferSize;
      guesses.add('bytes', WHY.bytesTransfer);
    } else {
      bytes = 0;
      guesses.add('bytes', WHY.bytesNone);
    }
    const rtt = originRtt.get(e.origin) ?? rttMs;
    let thinkMs = 0;
    if (e.timings.wait === undefined) guesses.add('thinkMs', WHY.thinkNoWait);
    else if (rtt === null) guesses.add('thinkMs', WHY.thinkNoRtt);
    else thinkMs = us(Math.max(0, e.timings.wait - rtt));
    let discovery: HarDiscovery;
    if (id === 0) discovery = 'document';
    else if (startMs - maxEnd > lateGapMs) discovery = 'late';
    else discovery = parent === 0 ? 'html' : 'subresource';
    maxEnd = Math.max(maxEnd, startMs + durationMs);
    const o: HarObject = {
      id,
      origin: e.origin,
      path: e.path,
      method,
      status: e.status,
      bytes,
      startMs,
      durationMs,
      thinkMs,
      parent,
      discovery,
      ...(e.timings.dns === undefined ? {} : { dnsMs: us(e.timings.dns) }),
      ...(e.mime === undefined ? {} : { mime: e.mime }),
    };
    objects.push(o);
    const origin = origins.get(e.origin);
    if (origin === undefined) {
      origins.set(e.origin, {
        origin: e.origin,
        host: e.host,
        scheme: e.scheme,
        port: e.port,
        objects: 1,
        bytes,
        rttMs: originRtt.get(e.origin) ?? null,
      });
    } else {
      origin.objects++;
      origin.bytes += bytes;
    }
  }
  if (!isHtml(doc)) {
    guesses.add(
      'document',
      `the first request is not an HTML page (${doc.mime ?? 'no MIME type'}): taken as the document anyway`,
    );
  }

  // The measured load: onLoad, moved from the page's start to the document's.
  let measuredLoadMs: number;
  let loadSource: HarReport['loadSource'];
  if (log.onLoadMs !== undefined) {
    loadSource = 'onLoad';
    const shift = log.pageStartAbs === undefined ? 0 : log.pageStartAbs - docStart;
    measuredLoadMs = us(Math.max(0, log.onLoadMs + shift));
  } else {
    loadSource = 'entries';
    measuredLoadMs = us(Math.max(0, maxEnd));
    guesses.add('measuredLoadMs', WHY.load);
  }

  // Coalescing the recording did: an origin's entries on a connection another origin opened.
  const firstOn = new Map<string, string>();
  const coalesced = new Map<string, string>();
  for (const { e } of objectsIn) {
    meter.steps++;
    if (e.multiplexedOn === undefined) continue;
    const first = firstOn.get(e.multiplexedOn);
    if (first === undefined) firstOn.set(e.multiplexedOn, e.origin);
    else if (first !== e.origin && !coalesced.has(e.origin)) coalesced.set(e.origin, first);
  }

  return {
    ok: true,
    page: {
      documentUrl: doc.url,
      origins: [...origins.values()],
      objects,
      measuredLoadMs,
      coalesced: [...coalesced].map(([origin, w]) => ({ origin, with: w })),
    },
    report: report({
      guessed: guesses.list(),
      rttMs,
      rttSource,
      dnsMs,
      dnsSource,
      loadSource,
    }),
  };
}
