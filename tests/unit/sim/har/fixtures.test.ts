/**
 * The importer on hand-written HAR files (tests/fixtures/har). Every expected value is worked
 * out from the fixture by hand; the comments show the arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { HAR_IGNORE_REASONS } from '../../../../src/sim/har';
import { fixture, ok } from './helpers';

const none = Object.fromEntries(HAR_IGNORE_REASONS.map((r) => [r, 0]));

describe('a Chrome HAR: two origins, initiator chains', () => {
  const { page, report } = ok(fixture('chrome'));
  const byPath = (p: string) => page.objects.find((o) => o.path === p);

  it('orders objects by start time, the document first; the file order does not matter', () => {
    // logo.png is last in the file but starts at .262, between style.css (.260) and app.js (.265).
    expect(page.objects.map((o) => o.path)).toEqual([
      '/',
      '/style.css',
      '/logo.png',
      '/app.js?v=3',
      '/font.woff2',
      '/api/data?id=7',
      '/beacon',
    ]);
    expect(page.objects.map((o) => o.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(page.documentUrl).toBe('https://www.example.com/');
  });

  it('start offsets in ms from the document', () => {
    expect(page.objects.map((o) => o.startMs)).toEqual([0, 260, 262, 265, 340, 470, 1600]);
    expect(page.objects.map((o) => o.durationMs)).toEqual([250, 70, 50, 195, 60, 90, 50]);
  });

  it('parents from _initiator: HTML -> CSS -> font, HTML -> script -> XHR, a timer stack', () => {
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 0, 0, 1, 3, 3]);
    // The XHR's initiator is the first URL of its stack; the beacon's is in the stack's parent
    // (setTimeout), its top frame having an empty URL.
    expect(byPath('/api/data?id=7')?.parent).toBe(3);
    expect(byPath('/beacon')?.parent).toBe(3);
  });

  it('discovery: html, subresource, and late after 1,040 ms of idle network', () => {
    // Before the beacon (1600) the last end is the XHR's, 470 + 90 = 560: 1040 ms > 500.
    expect(page.objects.map((o) => o.discovery)).toEqual([
      'document',
      'html',
      'html',
      'html',
      'subresource',
      'subresource',
      'late',
    ]);
  });

  it('sizes: content.size, and 0 for a 204', () => {
    expect(page.objects.map((o) => o.bytes)).toEqual([12000, 8000, 5000, 30000, 20000, 512, 0]);
    expect(page.objects.map((o) => o.mime)).toEqual([
      'text/html',
      'text/css',
      'image/png',
      'application/javascript',
      'font/woff2',
      'application/json',
      undefined, // Chrome's placeholder x-unknown
    ]);
    expect(byPath('/beacon')?.method).toBe('POST');
  });

  it('round trips from connect minus ssl, per origin; think = wait - rtt', () => {
    // www: 80 - 40 = 40; cdn: 100 - 50 = 50; page: lower median of [40, 50] = 40.
    expect(report.rttMs).toBe(40);
    expect(report.rttSource).toBe('connect');
    // 120-40, 55-40, 40-40, 60-50, 52-50, 80-40, 45-40.
    expect(page.objects.map((o) => o.thinkMs)).toEqual([80, 15, 0, 10, 2, 40, 5]);
  });

  it('origins in first-seen order with their counts and bytes', () => {
    expect(page.origins).toEqual([
      {
        origin: 'https://www.example.com',
        host: 'www.example.com',
        scheme: 'https',
        port: 443,
        objects: 5,
        bytes: 12000 + 8000 + 5000 + 512 + 0,
        rttMs: 40,
      },
      {
        origin: 'https://cdn.example.net',
        host: 'cdn.example.net',
        scheme: 'https',
        port: 443,
        objects: 2,
        bytes: 30000 + 20000,
        rttMs: 50,
      },
    ]);
  });

  it('measured load from pages[0].pageTimings.onLoad; nothing guessed or ignored', () => {
    expect(page.measuredLoadMs).toBe(900);
    expect(report).toEqual({
      entries: 7,
      used: 7,
      ignored: none,
      version: '1.2',
      guessed: [],
      rttMs: 40,
      rttSource: 'connect',
      // Each host's first request looked its name up: www 20 ms, cdn 15 ms; lower median 15.
      dnsMs: 15,
      dnsSource: 'dns',
      loadSource: 'onLoad',
    });
  });

  it('DNS: each entry’s own lookup when it has one (-1 is none)', () => {
    // In start order: the document (20), style.css, logo.png, app.js (15, the CDN's first),
    // font.woff2, the XHR and the beacon (-1: their connections were open).
    expect(page.objects.map((o) => o.dnsMs)).toEqual([
      20,
      undefined,
      undefined,
      15,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('a Firefox HAR: Referer headers only', () => {
  const { page, report } = ok(fixture('firefox'));

  it('reads times with a UTC offset and orders by them', () => {
    expect(page.objects.map((o) => [o.path, o.startMs])).toEqual([
      ['/index.html', 0],
      ['/css/main.css', 310],
      ['/app.js', 315],
      ['/pic.jpg', 320], // the #hero fragment is dropped
      ['/fonts/a.woff2', 420],
      ['/api/cart', 600],
    ]);
  });

  it('parents from Referer; an origin-only Referer or none falls back to the document', () => {
    // The font's Referer is the stylesheet (header name in lower case); the image's Referer is
    // http://shop.test:8080/, not a request in the file; app.js has no Referer.
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 0, 0, 1, 0]);
    expect(page.objects.map((o) => o.discovery)).toEqual([
      'document',
      'html',
      'html',
      'html',
      'subresource',
      'html', // 600 - max end 490 (the font, 420 + 70) = 110 ms: not late
    ]);
    expect(report.guessed).toEqual([
      {
        field: 'parent',
        count: 1,
        why: 'no initiator and no Referer header: the document taken as the parent',
      },
      {
        field: 'parent',
        count: 1,
        why: 'the initiator or Referer is not an earlier request in the file: the document taken as the parent',
      },
    ]);
  });

  it('a non-default port is part of the origin; ssl inside connect is taken out', () => {
    expect(page.origins).toEqual([
      {
        origin: 'http://shop.test:8080',
        host: 'shop.test',
        scheme: 'http',
        port: 8080,
        objects: 5,
        bytes: 20000 + 4000 + 7000 + 9000 + 300,
        rttMs: 60, // connect 60, no ssl
      },
      {
        origin: 'https://img.test',
        host: 'img.test',
        scheme: 'https',
        port: 443,
        objects: 1,
        bytes: 15000,
        rttMs: 45, // connect 90 - ssl 45
      },
    ]);
    // Page: lower median of [45, 60] = 45. Think: 200-60, 80-60, 70-60, 30-45 -> 0, 62-60, 45-60 -> 0.
    expect(report.rttMs).toBe(45);
    expect(page.objects.map((o) => o.thinkMs)).toEqual([140, 20, 10, 0, 2, 0]);
    expect(page.measuredLoadMs).toBe(700);
  });

  it('DNS: the lower median of each host’s first lookup; Firefox’s 0 on later requests does not count', () => {
    // In start order: index.html (10), main.css, app.js, pic.jpg (20), a.woff2, cart; Firefox
    // writes 0, not -1, for the requests that looked nothing up.
    expect(page.objects.map((o) => o.dnsMs)).toEqual([10, 0, 0, 20, 0, 0]);
    // First per host: shop.test 10, img.test 20; lower median of [10, 20] = 10. Taking every
    // entry's instead would give the lower median of [10, 0, 0, 20, 0, 0] = 0.
    expect(report.dnsMs).toBe(10);
    expect(report.dnsSource).toBe('dns');
    expect(report.guessed.map((g) => g.field)).not.toContain('dns');
  });
});

describe('a HAR with entries to leave out', () => {
  const { page, report } = ok(fixture('ignored'));

  it('counts each left-out entry under one reason', () => {
    expect(report.entries).toBe(14);
    expect(report.used).toBe(3);
    expect(report.ignored).toEqual({
      ...none,
      redirect: 1, // http://a.test/ 301 before the document
      'data-url': 1,
      'blob-url': 1,
      'from-cache': 3, // _fromCache disk, _fromCache memory, time 0 with no timings and 0 bytes
      'service-worker': 1,
      failed: 2, // status 0 with net::ERR_ABORTED; 200 with net::ERR_CONTENT_LENGTH_MISMATCH
      'not-http': 2, // chrome-extension:, wss:
    });
  });

  it('the document is the first entry after the redirect; the zero is its start', () => {
    expect(page.documentUrl).toBe('https://a.test/');
    expect(page.objects.map((o) => [o.path, o.startMs])).toEqual([
      ['/', 0],
      ['/ok.css', 120],
      ['/late.js', 130],
    ]);
  });

  it('a 304 is a request with no body, whatever content.size says', () => {
    const css = page.objects[1];
    expect(css?.status).toBe(304);
    expect(css?.bytes).toBe(0);
    expect(page.origins[0]?.bytes).toBe(1000 + 0 + 600);
  });

  it('a child of a cached script takes the script’s own parent, and says so', () => {
    expect(page.objects[2]?.parent).toBe(0);
    expect(page.objects[2]?.discovery).toBe('html');
    expect(report.guessed).toContainEqual({
      field: 'parent',
      count: 1,
      why: 'the initiator was left out (cache, service worker, failed): its own parent taken',
    });
  });

  it('no pages: the load is the end of the last request; rtt from the document only', () => {
    // Ends: 0 + 100, 120 + 40, 130 + 30.
    expect(page.measuredLoadMs).toBe(160);
    expect(report.loadSource).toBe('entries');
    // The redirect's connect (20) is not counted: only used entries; the document: 30 - 10.
    expect(report.rttMs).toBe(20);
    expect(page.objects.map((o) => o.thinkMs)).toEqual([50 - 20, 38 - 20, 25 - 20]);
  });
});

describe('a HAR without sizes or connect times (Playwright-like)', () => {
  const { page, report } = ok(fixture('sizes'));

  it('sizes: content, body, transfer minus headers, transfer alone, none, HEAD', () => {
    expect(page.objects.map((o) => [o.path, o.bytes])).toEqual([
      ['/', 3000], // content.size -1: bodySize
      ['/a.js', 2300], // _transferSize 2500 - headersSize 200
      ['/b.css', 1800], // _transferSize, headers unknown: guessed
      ['/c.png', 0], // nothing: guessed
      ['/d.gif', 100],
      ['/e', 0], // HEAD
    ]);
    expect(page.origins).toEqual([
      {
        origin: 'https://p.test',
        host: 'p.test',
        scheme: 'https',
        port: 443,
        objects: 6,
        bytes: 7200,
        rttMs: null,
      },
    ]);
  });

  it('an unreadable start takes the previous entry’s; a missing method is GET', () => {
    // d.gif's start is "yesterday, around noon": it takes c.png's (110), after it (file order).
    expect(page.objects.map((o) => o.startMs)).toEqual([0, 100, 105, 110, 110, 200]);
    expect(page.objects[4]?.method).toBe('GET');
    expect(page.objects[5]?.method).toBe('HEAD');
    // d.gif has no time: its timings add up to 2 + 48 + 10.
    expect(page.objects[4]?.durationMs).toBe(60);
  });

  it('no connect time: the rtt is the smallest wait (30), think times are lower bounds', () => {
    expect(report.rttMs).toBe(30);
    expect(report.rttSource).toBe('min-wait');
    // 90-30, 40-30, 55-30, no wait, 48-30, 30-30.
    expect(page.objects.map((o) => o.thinkMs)).toEqual([60, 10, 25, 0, 18, 0]);
  });

  it('onLoad -1: the load is the end of the last request', () => {
    // Ends: 120, 150, 165, 130, 170, 230.
    expect(page.measuredLoadMs).toBe(230);
    expect(report.loadSource).toBe('entries');
  });

  it('reports every guess with its count', () => {
    const counts = Object.fromEntries(report.guessed.map((g) => [`${g.field}: ${g.why}`, g.count]));
    expect(counts).toEqual({
      'parent: no initiator and no Referer header: the document taken as the parent': 3,
      'rtt: no request opened a connection (no connect time): the round-trip time taken as the smallest wait, so think times are lower bounds': 1,
      'bytes: only the transfer size is known: body bytes taken as the transfer size, headers included': 1,
      'bytes: no content size, body size or transfer size: body bytes taken as 0': 1,
      'thinkMs: no wait time: think time taken as 0': 1,
      'startMs: no readable startedDateTime: the start of the request before it in the file taken': 1,
      'method: no request method: GET taken': 1,
      'measuredLoadMs: no onLoad time in the page: the end of the last request taken as the page load': 1,
      // Every timings.dns is -1.
      'dns: no DNS times (timings.dns) for the first request to any host: DNS lookups taken as 0 ms': 1,
    });
    expect(report.dnsMs).toBe(0);
    expect(report.dnsSource).toBe('none');
  });
});

describe('a HAR with two pages', () => {
  const { page, report } = ok(fixture('two-pages'));

  it('keeps the first page’s entries and those with no pageref', () => {
    expect(page.objects.map((o) => o.path)).toEqual(['/', '/favicon.ico', '/a.png']);
    expect(report.ignored['other-page']).toBe(3);
    expect(report.used).toBe(3);
    // cdn.two.test served only the second page.
    expect(page.origins.map((o) => o.origin)).toEqual(['https://two.test']);
    expect(page.origins[0]?.bytes).toBe(5000 + 300 + 700);
  });

  it('onLoad is moved from the page start to the document start', () => {
    // The page started 30 ms before the document's request: 400 - 30.
    expect(page.measuredLoadMs).toBe(370);
    expect(report.loadSource).toBe('onLoad');
  });

  it('rtt from the document’s connect (50 - ssl 25); think 120-25, 15-25 -> 0, 30-25', () => {
    expect(report.rttMs).toBe(25);
    expect(page.objects.map((o) => o.thinkMs)).toEqual([95, 0, 5]);
  });
});

describe('a Safari HAR: _fetchType', () => {
  const { page, report } = ok(fixture('safari'));

  it('Memory Cache and Disk Cache are from the cache; Service Worker is the service worker', () => {
    expect(report.ignored).toEqual({ ...none, 'from-cache': 2, 'service-worker': 1 });
    expect(page.objects.map((o) => o.path)).toEqual(['/', '/data.json']);
  });

  it('rtt from connect 70 minus ssl 35; think 80-35 and 50-35; parent from Referer', () => {
    expect(report.rttMs).toBe(35);
    expect(page.objects.map((o) => o.thinkMs)).toEqual([45, 15]);
    expect(page.objects.map((o) => [o.parent, o.discovery])).toEqual([
      [null, 'document'],
      [0, 'html'], // 400 - 180 = 220 ms after the document ended: not late
    ]);
    expect(page.objects.map((o) => o.startMs)).toEqual([0, 400]);
    expect(page.origins.map((o) => [o.origin, o.objects, o.bytes])).toEqual([
      ['https://safari.test', 2, 9000 + 1200],
    ]);
    expect(page.measuredLoadMs).toBe(350);
  });
});
