import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../src/components/controls/params';
import { EMBED_HEAD_SCRIPT } from '../../../src/components/embed/embed-head';
import { EMBED_PARAMS } from '../../../src/components/embed/embed-query';

/** What the head script writes on `<html data-…>` for a query (run as the browser would). */
function runHead(search: string): Record<string, string> {
  const dataset: Record<string, string> = {};
  const run = new Function('location', 'document', EMBED_HEAD_SCRIPT) as (
    location: { search: string },
    document: { documentElement: { dataset: Record<string, string> } },
  ) => void;
  run({ search }, { documentElement: { dataset } });
  return dataset;
}

/**
 * What the head script should write: the values `parseParams` reads, as attributes, and the mark
 * of a page running scripts (`kaJs`, always).
 */
function expected(search: string): Record<string, string> {
  const { values } = parseParams(EMBED_PARAMS, search);
  const out: Record<string, string> = { kaJs: '' };
  if (values.theme !== 'auto') out['theme'] = values.theme;
  if (values.layout !== 'full') out['kaLayout'] = values.layout;
  return out;
}

describe('EMBED_HEAD_SCRIPT', () => {
  it.each([
    ['', { kaJs: '' }],
    ['?theme=dark&layout=diagram', { theme: 'dark', kaLayout: 'diagram', kaJs: '' }],
    ['?layout=compact&present=1&events=true', { kaLayout: 'compact', kaJs: '' }],
    ['?layout=full&theme=auto', { kaJs: '' }],
    ['?layout=diagram&layout=nonsense', { kaJs: '' }],
    ['?layout=%20diagram%20&theme=light', { kaLayout: 'diagram', theme: 'light', kaJs: '' }],
    ['?layout=<script>&theme=dark"', { kaJs: '' }],
  ])('writes the attributes for %j', (search, attrs) => {
    expect(runHead(search)).toEqual(attrs);
    expect(runHead(search)).toEqual(expected(search));
  });

  it('applies exactly what parseParams reads, for any values of its keys', () => {
    const keys = ['theme', 'layout', 'present', 'rtt'];
    const value = fc.oneof(
      fc.constantFrom('light', 'dark', 'auto', 'full', 'compact', 'diagram', '1'),
      fc.constantFrom(' compact', 'diagram ', 'Compact', 'DARK', '', '\u00a0dark', 'compact\n'),
      fc.string(),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 8 }),
        (pairs) => {
          const search = `?${new URLSearchParams(pairs).toString()}`;
          expect(runHead(search)).toEqual(expected(search));
        },
      ),
    );
  });
});
