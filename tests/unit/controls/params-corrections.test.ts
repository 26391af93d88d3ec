import { describe, expect, it } from 'vitest';
import { noticeReason } from '../../../src/components/controls/notice-reason';
import {
  baseSchema,
  defineSchema,
  parseParams,
  withDefaults,
} from '../../../src/components/controls/params';

const label = (): string => 'x';
const schema = defineSchema([
  { key: 'rtt', type: 'number', min: 10, max: 500, step: 10, default: 100, label },
  { key: 'loss', type: 'number', min: 0, max: 0.5, step: 0.01, default: 0, label },
  { key: 'tls', type: 'enum', options: ['none', 'tls1.2', 'tls1.3'], default: 'none', label },
  { key: 'pipe', type: 'boolean', default: false, label },
]);

/** The reason of each notice for a query, as [urlKey, reason, limit]. */
function reasons(query: string): (string | undefined)[][] {
  return parseParams(schema, query, '', { reportUnknown: true }).notices.map((n) => {
    const r = noticeReason(schema, n);
    return [n.urlKey, r.reason, r.limit];
  });
}

describe('noticeReason', () => {
  it('says whether a clamped number was above the maximum, below the minimum or off the step', () => {
    expect(reasons('rtt=99999')).toEqual([['rtt', 'above-max', '500']]);
    expect(reasons('rtt=-5')).toEqual([['rtt', 'below-min', '10']]);
    expect(reasons('rtt=123')).toEqual([['rtt', 'off-step', '10']]);
    expect(reasons('loss=0.333')).toEqual([['loss', 'off-step', '0.01']]);
  });

  it('says which kind of value was expected when the text has the wrong type', () => {
    expect(reasons('rtt=fast&tls=ssl3&pipe=maybe&loss=Infinity')).toEqual([
      ['rtt', 'not-a-number', undefined],
      ['tls', 'not-an-option', 'none, tls1.2, tls1.3'],
      ['pipe', 'not-a-boolean', undefined],
      ['loss', 'not-a-number', undefined],
    ]);
  });

  it('names unknown keys', () => {
    expect(reasons('bogus=1')).toEqual([['bogus', 'unknown', undefined]]);
  });
});

describe('parseParams corrections', () => {
  it('reads the last of repeated values and reports the repetition once, with the count', () => {
    const r = parseParams(schema, 'rtt=1&rtt=200&rtt=300');
    expect(r.values.rtt).toBe(300);
    expect(r.notices).toEqual([
      { urlKey: 'rtt', key: 'rtt', kind: 'repeated', raw: '1, 200, 300', used: '300', count: 3 },
    ]);
    expect(noticeReason(schema, r.notices[0]!)).toEqual({ reason: 'repeated', count: 3 });
  });

  it('checks the last repeated value like any other', () => {
    const r = parseParams(schema, 'rtt=200&rtt=abc');
    expect(r.values.rtt).toBe(100);
    expect(r.notices.map((n) => n.kind)).toEqual(['repeated', 'invalid']);
  });

  it('reports unknown keys without a namespace when asked, except reserved ones', () => {
    const r = parseParams(schema, 'bogus=%3Cb%3E&embedId=x&rtt=200', '', {
      reportUnknown: true,
      reserved: ['embedId'],
    });
    expect(r.values.rtt).toBe(200);
    expect(r.notices).toEqual([{ urlKey: 'bogus', kind: 'unknown', raw: '<b>' }]);
  });

  it('reports a repeated unknown key once with every value', () => {
    const r = parseParams(schema, 'x=1&x=2', '', { reportUnknown: true });
    expect(r.notices).toEqual([{ urlKey: 'x', kind: 'unknown', raw: '1, 2', count: 2 }]);
  });

  it('treats object-prototype names as unknown keys, not parameters', () => {
    const r = parseParams(schema, '__proto__=1&constructor=2&toString=3', '', {
      reportUnknown: true,
    });
    expect(r.values).toEqual({ rtt: 100, loss: 0, tls: 'none', pipe: false });
    expect(r.notices.map((n) => n.urlKey)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('trims spaces around a value and accepts it without a notice', () => {
    expect(parseParams(schema, 'rtt=%20200%20&tls=%20tls1.3')).toEqual({
      values: { rtt: 200, loss: 0, tls: 'tls1.3', pipe: false },
      notices: [],
    });
  });
});

describe('baseSchema', () => {
  it('returns the schema a withDefaults schema was made from, and a schema itself otherwise', () => {
    const chapter = withDefaults(schema, { rtt: 200 });
    expect(chapter).not.toBe(schema);
    expect(baseSchema(chapter)).toBe(schema);
    expect(baseSchema(withDefaults(chapter, { tls: 'tls1.3' }))).toBe(schema);
    expect(baseSchema(schema)).toBe(schema);
  });
});
