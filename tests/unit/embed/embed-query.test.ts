import { describe, expect, it } from 'vitest';
import { noticeReason } from '../../../src/components/controls/notice-reason';
import { parseParams } from '../../../src/components/controls/params';
import {
  EMBED_LAYOUTS,
  EMBED_PARAMS,
  EMBED_RESERVED,
} from '../../../src/components/embed/embed-query';

/** An embed's own keys as `ParamState.load` reads them on an embed page. */
function parseEmbed(search: string) {
  return parseParams(EMBED_PARAMS, search, '', { reportUnknown: true, reserved: EMBED_RESERVED });
}

describe('parseParams with EMBED_PARAMS', () => {
  it('defaults to full layout, present and events off, and reports nothing', () => {
    const { values, notices } = parseEmbed('');
    expect(values).toEqual({ theme: 'auto', layout: 'full', present: false, events: false });
    expect(notices).toEqual([]);
  });

  it.each(EMBED_LAYOUTS)('reads layout=%s without a notice', (layout) => {
    const { values, notices } = parseEmbed(`?layout=${layout}`);
    expect(values.layout).toBe(layout);
    expect(notices).toEqual([]);
  });

  it.each([
    ['?present=1&events=1', true, true],
    ['?present=true&events=TRUE', true, true],
    ['?present=%201%20&events=0', true, false],
    ['?present=0&events=false', false, false],
  ])('reads %s as present %s, events %s', (search, present, events) => {
    const { values, notices } = parseEmbed(search);
    expect([values.present, values.events]).toEqual([present, events]);
    expect(notices).toEqual([]);
  });

  it.each([
    'Compact',
    'diagram ',
    'slides',
    '',
    '<img src=x onerror=alert(1)>',
    '"><script>alert(1)</script>',
    'full\u0000',
    'compact;diagram',
    'ｃｏｍｐａｃｔ',
  ])('falls back to full for layout=%j and says why', (raw) => {
    const { values, notices } = parseEmbed(`?layout=${encodeURIComponent(raw)}`);
    // Surrounding spaces are trimmed, as for every parameter: "diagram " is diagram.
    const expected = raw.trim() === 'diagram' ? 'diagram' : 'full';
    expect(values.layout).toBe(expected);
    if (expected === 'diagram') return;
    expect(notices).toEqual([
      { urlKey: 'layout', key: 'layout', kind: 'invalid', raw, used: 'full' },
    ]);
    expect(noticeReason(EMBED_PARAMS, notices[0]!)).toEqual({
      reason: 'not-an-option',
      limit: 'full, compact, diagram',
    });
  });

  it.each(['yes', 'on', '2', '-1', '1.0', 'javascript:alert(1)', 'x'.repeat(10_000)])(
    'keeps present and events off for %j and says why',
    (raw) => {
      const { values, notices } = parseEmbed(
        `?present=${encodeURIComponent(raw)}&events=${encodeURIComponent(raw)}`,
      );
      expect([values.present, values.events]).toEqual([false, false]);
      expect(notices.map((n) => [n.key, n.kind, n.used])).toEqual([
        ['present', 'invalid', '0'],
        ['events', 'invalid', '0'],
      ]);
      expect(noticeReason(EMBED_PARAMS, notices[0]!).reason).toBe('not-a-boolean');
    },
  );

  it('uses the last of repeated values and reports the repetition', () => {
    const { values, notices } = parseEmbed('?layout=diagram&layout=compact&present=1&present=0');
    expect(values.layout).toBe('compact');
    expect(values.present).toBe(false);
    expect(notices.map((n) => [n.key, n.kind, n.count])).toEqual([
      ['layout', 'repeated', 2],
      ['present', 'repeated', 2],
    ]);
  });
});
