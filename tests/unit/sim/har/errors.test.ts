/** Files the importer refuses, each with its own code and one plain sentence; malformed entries. */
import { describe, expect, it } from 'vitest';
import type { HarErrorCode, HarImport } from '../../../../src/sim/har';
import {
  HAR_ERROR_CODES,
  HAR_ERROR_MESSAGES,
  HAR_IGNORE_LABELS,
  HAR_IGNORE_REASONS,
  HAR_MAX_CHARS,
  importHar,
} from '../../../../src/sim/har';
import { DOC, entry, har, ok, withDoc } from './helpers';

function fails(text: string, code: HarErrorCode): Extract<HarImport, { ok: false }> {
  const r = importHar(text);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('imported');
  expect(r.code).toBe(code);
  expect(r.error).toBe(HAR_ERROR_MESSAGES[code]);
  return r;
}

describe('error codes and messages', () => {
  it('every code has one plain-English sentence, no stack trace', () => {
    expect([...HAR_ERROR_CODES].sort()).toEqual(
      ['no-entries', 'no-usable-entries', 'not-har', 'not-json', 'too-large'].sort(),
    );
    for (const code of HAR_ERROR_CODES) {
      const m = HAR_ERROR_MESSAGES[code];
      expect(m).toMatch(/^[A-Z][^\n]*\.$/);
      expect(m).not.toMatch(/\bat .*:\d+|Error:|SyntaxError|undefined/);
    }
  });

  it('every ignore reason has an English label', () => {
    expect(Object.keys(HAR_IGNORE_LABELS).sort()).toEqual([...HAR_IGNORE_REASONS].sort());
    for (const label of Object.values(HAR_IGNORE_LABELS))
      expect(label).toMatch(/^[a-z][^\n]*[^.]$/);
  });

  it('too-large: over 20 MB, refused before parsing', () => {
    // Not even JSON: the size is judged first.
    fails('x'.repeat(HAR_MAX_CHARS + 1), 'too-large');
    fails(' '.repeat(HAR_MAX_CHARS) + withDoc([]), 'too-large');
    // Exactly 20 MB passes the size check (and is a JSON string, not a HAR).
    fails(`"${'a'.repeat(HAR_MAX_CHARS - 2)}"`, 'not-har');
    expect(HAR_ERROR_MESSAGES['too-large']).toContain('20 MB');
  });

  it('not-json: malformed JSON, empty text, not a string', () => {
    fails('', 'not-json');
    fails('{"log": {"entries": [', 'not-json');
    fails('{log: {entries: []}}', 'not-json');
    fails('undefined', 'not-json');
    fails(42 as unknown as string, 'not-json');
  });

  it('not-har: JSON without a log.entries array', () => {
    for (const text of [
      '[]',
      '[{"log":{"entries":[]}}]',
      '{}',
      'null',
      '42',
      '"a HAR"',
      '{"log":{}}',
      '{"log":[]}',
      '{"log":{"entries":{}}}',
      '{"log":{"entries":"none"}}',
      '{"entries":[{}]}',
    ]) {
      fails(text, 'not-har');
    }
  });

  it('no-entries: an empty list', () => {
    fails(
      '{"log":{"version":"1.2","creator":{"name":"x","version":"1"},"entries":[]}}',
      'no-entries',
    );
  });

  it('no-usable-entries: every entry left out; the report says why', () => {
    const r = fails(
      har([
        entry('data:text/css,body{}'),
        entry('https://site.test/a.js', { extra: { _fromCache: 'memory' } }),
        entry('https://site.test/b.js', { status: 0, response: { _error: 'net::ERR_FAILED' } }),
        entry(42),
      ]),
      'no-usable-entries',
    );
    expect(r.report?.entries).toBe(4);
    expect(r.report?.used).toBe(0);
    expect(r.report?.ignored).toEqual({
      ...Object.fromEntries(HAR_IGNORE_REASONS.map((k) => [k, 0])),
      'data-url': 1,
      'from-cache': 1,
      failed: 1,
      malformed: 1,
    });
  });

  it('no-usable-entries: only a redirect', () => {
    const r = fails(har([entry('http://site.test/', { status: 301 })]), 'no-usable-entries');
    expect(r.report?.ignored.redirect).toBe(1);
  });

  it('a byte-order mark before the JSON is accepted', () => {
    expect(ok('\uFEFF' + withDoc([])).page.objects).toHaveLength(1);
  });
});

describe('malformed entries are left out and counted', () => {
  it('a non-string URL, no request, not an object, no status, an unparseable URL', () => {
    const { page, report } = ok(
      withDoc([
        entry(42),
        entry(null),
        entry({ href: 'https://site.test/x' }),
        { startedDateTime: '2024-06-01T00:00:00.000Z', response: { status: 200 } },
        'an entry',
        null,
        [],
        entry('https://site.test/nostatus', { status: '200' }),
        entry('https://site.test/nostatus2', { response: { status: undefined } }),
        entry('https://'),
        entry('site.test/relative.png'),
        entry('https://site.test/fine.png', { startMs: 5 }),
      ]),
    );
    expect(report.ignored.malformed).toBe(11);
    expect(report.entries).toBe(13);
    expect(report.used).toBe(2);
    expect(page.objects.map((o) => o.path)).toEqual(['/', '/fine.png']);
  });

  it('the document is the first HTTP entry even when it is not HTML, and that is reported', () => {
    const { page, report } = ok(
      har([entry('https://api.test/data.json', { mime: 'application/json' })]),
    );
    expect(page.documentUrl).toBe('https://api.test/data.json');
    expect(report.guessed).toContainEqual({
      field: 'document',
      count: 1,
      why: 'the first request is not an HTML page (application/json): taken as the document anyway',
    });
  });

  it('a 304 document is a document, not a redirect', () => {
    const { page, report } = ok(har([entry(DOC, { status: 304, mime: 'text/html' })]));
    expect(page.objects[0]?.bytes).toBe(0);
    expect(report.ignored.redirect).toBe(0);
  });
});
