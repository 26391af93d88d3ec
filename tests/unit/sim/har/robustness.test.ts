/**
 * Hostile input (strings for numbers, huge and negative numbers, initiator cycles), the rules'
 * edges (late gap, duplicate URLs, initiator over Referer), determinism, and work linear in the
 * entries, measured by counting steps rather than by the clock.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importHar } from '../../../../src/sim/har';
import { DOC, entry, expectFinitePage, har, ok, withDoc } from './helpers';

describe('hostile numbers', () => {
  it('strings, negatives, huge values and Infinity are "not in the file"', () => {
    const text = withDoc([
      entry('https://site.test/a', {
        startMs: 10,
        time: '100',
        size: 1e300,
        wait: -5,
        connect: 'abc',
        response: { bodySize: -3, _transferSize: 2 ** 41 },
      }),
      entry('https://site.test/b', { startMs: 20, time: -1, size: -7, wait: 1e12 }),
    ]).replace('"wait":50', '"wait":1e309'); // JSON.parse reads 1e309 as Infinity
    const { page, report } = ok(text);
    expectFinitePage(page);
    const [doc, a, b] = page.objects;
    expect(doc?.thinkMs).toBe(0); // wait Infinity: unknown
    expect(a?.bytes).toBe(0); // 1e300, -3 and 2^41 all unbelievable: guessed 0
    // time "100" is not a number: the timings add up, send 0 + receive 0 (wait -5, connect "abc"
    // and the -1s are not in the file).
    expect(a?.durationMs).toBe(0);
    expect(b?.bytes).toBe(0);
    expect(report.guessed.find((g) => g.why.startsWith('no content size'))?.count).toBe(2);
  });

  it('a start years away and an unreadable one stay finite', () => {
    const { page } = ok(
      withDoc([
        {
          ...entry('https://site.test/far', { startMs: 0 }),
          startedDateTime: '9999-12-31T23:59:59Z',
        },
        { ...entry('https://site.test/num', { startMs: 0 }), startedDateTime: 12345 },
      ]),
    );
    expectFinitePage(page);
    // /num's start (a number) is unreadable: it takes /far's, the entry before it in the file,
    // and follows it (file order breaks the tie).
    expect(page.objects.map((o) => o.path)).toEqual(['/', '/far', '/num']);
    const far = Date.parse('9999-12-31T23:59:59Z') - Date.parse('2024-06-01T00:00:00.000Z');
    expect(page.objects.map((o) => o.startMs)).toEqual([0, far, far]);
  });
});

describe('parents', () => {
  it('an initiator cycle A <-> B: the later one gets the earlier, the earlier the document', () => {
    const a = 'https://site.test/a.js';
    const b = 'https://site.test/b.js';
    const { page, report } = ok(
      withDoc([entry(a, { startMs: 100, initiator: b }), entry(b, { startMs: 200, initiator: a })]),
    );
    expect(page.objects.map((o) => [o.path, o.parent])).toEqual([
      ['/', null],
      ['/a.js', 0],
      ['/b.js', 1],
    ]);
    expect(report.guessed).toContainEqual(
      expect.objectContaining({
        field: 'parent',
        count: 1,
        why: expect.stringContaining('not an earlier request'),
      }),
    );
  });

  it('a cycle at the same start time and a self-initiator end at the document', () => {
    const a = 'https://site.test/a.js';
    const b = 'https://site.test/b.js';
    const c = 'https://site.test/c.js';
    const { page } = ok(
      withDoc([
        entry(a, { startMs: 100, initiator: b }),
        entry(b, { startMs: 100, initiator: a }),
        entry(c, { startMs: 150, initiator: c }),
      ]),
    );
    // Same start: file order decides; a (first) cannot have b as parent.
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 1, 0]);
  });

  it('a cycle through cached entries resolves to the document', () => {
    const x = 'https://site.test/x.js';
    const y = 'https://site.test/y.js';
    const cached = { extra: { _fromCache: 'disk' } };
    const { page, report } = ok(
      withDoc([
        entry(x, { startMs: 100, initiator: y, ...cached }),
        entry(y, { startMs: 110, initiator: x, ...cached }),
        entry('https://site.test/z.png', { startMs: 120, initiator: y }),
      ]),
    );
    expect(page.objects.map((o) => [o.path, o.parent])).toEqual([
      ['/', null],
      ['/z.png', 0],
    ]);
    expect(report.ignored['from-cache']).toBe(2);
  });

  it('a chain through a cached script keeps the nearest requested ancestor', () => {
    const css = 'https://site.test/s.css';
    const js = 'https://site.test/cached.js';
    const { page } = ok(
      withDoc([
        entry(css, { startMs: 100, initiator: DOC }),
        entry(js, { startMs: 150, initiator: css, extra: { _fromCache: 'memory' } }),
        entry('https://site.test/api', { startMs: 200, initiator: js }),
      ]),
    );
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 1]);
  });

  it('a repeated URL: the parent is the latest earlier request for it', () => {
    const js = 'https://site.test/x.js';
    const { page } = ok(
      withDoc([
        entry(js, { startMs: 100, initiator: DOC }),
        entry('https://site.test/one', { startMs: 150, initiator: js }),
        entry(js, { startMs: 300, initiator: DOC }),
        entry('https://site.test/two', { startMs: 350, initiator: js }),
      ]),
    );
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 1, 0, 3]);
  });

  it('the initiator wins over the Referer; URLs match without their fragment', () => {
    const css = 'https://site.test/s.css';
    const { page } = ok(
      withDoc([
        entry(css, { startMs: 100, initiator: DOC }),
        entry('https://site.test/f.woff2', { startMs: 150, initiator: css + '#x', referer: DOC }),
      ]),
    );
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0, 1]);
  });
});

describe('other browsers’ cache marks', () => {
  it('Firefox: cache.afterRequest with a body size of 0 is a cache hit, not with bytes or a 304', () => {
    const firefoxCache = (bodySize: number, status = 200) => ({
      status,
      response: { bodySize },
      extra: { cache: { afterRequest: null } },
    });
    const { page, report } = ok(
      withDoc([
        entry('https://site.test/hit.css', { startMs: 10, ...firefoxCache(0) }),
        entry('https://site.test/net.css', { startMs: 20, ...firefoxCache(5000) }),
        entry('https://site.test/revalidated.css', { startMs: 30, ...firefoxCache(0, 304) }),
      ]),
    );
    expect(report.ignored['from-cache']).toBe(1);
    expect(page.objects.map((o) => o.path)).toEqual(['/', '/net.css', '/revalidated.css']);
  });

  it('another page’s request is not an initiator', () => {
    const js = 'https://site.test/app.js';
    const { page, report } = ok(
      withDoc(
        [
          entry(js, { startMs: 10, extra: { pageref: 'p2' } }),
          entry('https://site.test/api', { startMs: 20, initiator: js, extra: { pageref: 'p1' } }),
        ],
        { pages: [{ id: 'p1' }, { id: 'p2' }] },
      ),
    );
    expect(report.ignored['other-page']).toBe(1);
    expect(page.objects.map((o) => o.parent)).toEqual([null, 0]);
    expect(report.guessed[0]?.why).toContain('not an earlier request');
  });
});

describe('late discovery', () => {
  // The document ends at 100 (time 100); b starts after it.
  const page = (bStart: number, lateGapMs?: number) =>
    ok(
      withDoc([entry('https://site.test/b', { startMs: bStart })]),
      lateGapMs === undefined ? {} : { lateGapMs },
    ).page;

  it('late when the idle gap exceeds 500 ms (strictly)', () => {
    expect(page(600).objects[1]?.discovery).toBe('html'); // gap 500
    expect(page(601).objects[1]?.discovery).toBe('late'); // gap 501
  });

  it('lateGapMs is an option; a bad value falls back to 500', () => {
    expect(page(201, 100).objects[1]?.discovery).toBe('late');
    expect(page(201, Number.NaN).objects[1]?.discovery).toBe('html');
    expect(page(201, -1).objects[1]?.discovery).toBe('html');
  });

  it('a request during a long one is not late', () => {
    const { page: p } = ok(
      withDoc([
        entry('https://site.test/long', { startMs: 100, time: 5000 }),
        entry('https://site.test/b', { startMs: 3000 }),
      ]),
    );
    expect(p.objects.map((o) => o.discovery)).toEqual(['document', 'html', 'html']);
  });
});

/**
 * n entries: a document, then a chain (each initiated by the one before), every 10th served
 * from the cache, every 7th the same URL, three origins, a connect on every 5th.
 */
function generated(n: number): string {
  const entries = [entry(DOC, { mime: 'text/html', connect: 40, wait: 60 })];
  for (let i = 1; i < n; i++) {
    const host = ['site.test', 'cdn.test', 'img.test'][i % 3] as string;
    const url = i % 7 === 0 ? 'https://cdn.test/dup.js' : `https://${host}/r${i}.js`;
    const prev = entries[i - 1]?.['request'] as { url: string };
    entries.push(
      entry(url, {
        startMs: i * 3,
        initiator: prev.url,
        connect: i % 5 === 0 ? 30 + (i % 11) : -1,
        wait: 20 + (i % 13),
        size: 1000 + i,
        ...(i % 10 === 0 ? { extra: { _fromCache: 'disk' } } : {}),
      }),
    );
  }
  return har(entries);
}

describe('many entries', () => {
  it('300 entries: deterministic, consistent, and in linear work', () => {
    const text = generated(300);
    const first = ok(text);
    const second = ok(text);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const { page, report } = first;
    // 29 of entries 1..299 are multiples of 10.
    expect(report.ignored['from-cache']).toBe(29);
    expect(report.used).toBe(271);
    expect(page.objects).toHaveLength(271);
    expectFinitePage(page);
    expect(page.origins.map((o) => o.origin)).toEqual([
      'https://site.test',
      'https://cdn.test',
      'https://img.test',
    ]);
    expect(page.origins.reduce((s, o) => s + o.objects, 0)).toBe(271);
    // The chain: each object's parent is the object before it, or, after a cached entry, the
    // one before that (its own parent).
    for (const o of page.objects.slice(1)) expect(o.parent).toBe(o.id - 1);
  });

  it('steps grow linearly (n log n at most): 600 entries take about twice 300’s', () => {
    const steps = (n: number): number => {
      const meter = { steps: 0 };
      ok(generated(n), { meter });
      return meter.steps;
    };
    const s300 = steps(300);
    const s600 = steps(600);
    const s1200 = steps(1200);
    // Quadratic work would be 4x per doubling; n log n is 2 x log(2n)/log(n) = 2.24x at 300.
    expect(s600 / s300).toBeLessThan(2.3);
    expect(s1200 / s600).toBeLessThan(2.3);
    // And a small constant per entry (a quadratic pass alone would be 300 * 299 / 2 = 44,850).
    expect(s300).toBeLessThan(300 * 30);
  });

  it('one URL requested 300 times, each initiated by it: binary searches, not scans', () => {
    const url = 'https://site.test/same';
    const meter = { steps: 0 };
    const entries = [entry(DOC, { mime: 'text/html' })];
    for (let i = 1; i < 300; i++) entries.push(entry(url, { startMs: i, initiator: url }));
    const { page } = ok(har(entries), { meter });
    expect(page.objects.map((o) => o.parent)).toEqual([
      null,
      0,
      ...page.objects.slice(2).map((o) => o.id - 1),
    ]);
    expect(meter.steps).toBeLessThan(300 * 30);
  });
});

describe('any input', () => {
  const value = fc.oneof(
    fc.constant(-1),
    fc.integer({ min: -10, max: 1e6 }),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.constant(null),
    fc.boolean(),
  );
  const url = fc.oneof(
    fc.constantFrom(
      DOC,
      'https://site.test/a',
      'https://cdn.test/b',
      'data:,x',
      'blob:x',
      'ftp://x/',
    ),
    value,
  );
  const anEntry = fc.oneof(
    fc
      .record({
        url,
        startMs: fc.integer({ min: 0, max: 5000 }),
        time: value,
        status: fc.oneof(fc.constantFrom(200, 204, 301, 304, 0, 404), value),
        size: value,
        wait: value,
        connect: value,
        ssl: value,
        initiator: fc.constantFrom(DOC, 'https://site.test/a', 'https://cdn.test/b', 'nope'),
      })
      .map(({ url: u, ...o }) => entry(u, o)),
    fc.anything(),
  );

  it('never throws; imports or refuses with a code; parents precede children', () => {
    fc.assert(
      fc.property(fc.array(anEntry, { maxLength: 12 }), (entries) => {
        const r = importHar(har(entries));
        if (r.ok) {
          expectFinitePage(r.page);
          expect(r.page.objects[0]?.parent).toBeNull();
          expect(r.report.used).toBe(r.page.objects.length);
          const ignored = Object.values(r.report.ignored).reduce((s, n) => s + n, 0);
          expect(r.report.used + ignored).toBe(r.report.entries);
        } else {
          expect(['no-entries', 'no-usable-entries']).toContain(r.code);
        }
        expect(JSON.stringify(importHar(har(entries)))).toBe(JSON.stringify(r));
      }),
      { numRuns: 300 },
    );
  });
});
