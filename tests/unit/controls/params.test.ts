import { describe, expect, it } from 'vitest';
import {
  defaults,
  defineSchema,
  parseParams,
  serializeParams,
  snap,
  urlKey,
  withDefaults,
} from '../../../src/components/controls/params';
import { bilingual } from '../../../src/components/widgets/bilingual';
import { handshakeSchema } from '../../../src/components/widgets/handshake-params';
import { raceSchema } from '../../../src/components/widgets/race-params';

const label = (): string => 'x';
const schema = defineSchema([
  { key: 'rtt', type: 'number', min: 10, max: 500, step: 10, default: 100, label },
  { key: 'loss', type: 'number', min: 0, max: 0.5, step: 0.01, default: 0, label },
  { key: 'tls', type: 'enum', options: ['none', 'tls1.2', 'tls1.3'], default: 'none', label },
  { key: 'pipe', type: 'boolean', default: false, label },
]);

describe('defaults', () => {
  it('defaults returns every default value by key', () => {
    expect(defaults(schema)).toEqual({ rtt: 100, loss: 0, tls: 'none', pipe: false });
  });
});

describe('serializeParams then parseParams', () => {
  it('round-trips state -> URL -> state in a namespace with no notices', () => {
    const state = { rtt: 250, loss: 0.05, tls: 'tls1.3', pipe: true } as const;
    const url = serializeParams(schema, state, '', 'race');
    expect(url).toBe('?race.rtt=250&race.loss=0.05&race.tls=tls1.3&race.pipe=1');
    expect(parseParams(schema, url, 'race')).toEqual({ values: state, notices: [] });
  });

  it('leaves default values out of the URL', () => {
    expect(serializeParams(schema, defaults(schema), '', 'race')).toBe('');
  });

  it('keeps other parameters and other namespaces untouched', () => {
    const url = serializeParams(
      schema,
      { ...defaults(schema), rtt: 40 },
      '?lang=en&hs.rtt=300&race.rtt=90&race.old=1',
      'race',
    );
    expect(new URLSearchParams(url).get('lang')).toBe('en');
    expect(new URLSearchParams(url).get('hs.rtt')).toBe('300');
    expect(new URLSearchParams(url).get('race.rtt')).toBe('40');
    expect(new URLSearchParams(url).has('race.old')).toBe(false);
  });

  it('round-trips without a namespace (embed form)', () => {
    const url = serializeParams(schema, { ...defaults(schema), tls: 'tls1.2' });
    expect(url).toBe('?tls=tls1.2');
    expect(parseParams(schema, url).values.tls).toBe('tls1.2');
  });
});

describe('parseParams', () => {
  it('clamps out-of-range numbers and reports each one', () => {
    const r = parseParams(schema, 'race.rtt=9000&race.loss=-1', 'race');
    expect(r.values.rtt).toBe(500);
    expect(r.values.loss).toBe(0);
    expect(r.notices).toEqual([
      { urlKey: 'race.rtt', key: 'rtt', kind: 'clamped', raw: '9000', used: '500' },
      { urlKey: 'race.loss', key: 'loss', kind: 'clamped', raw: '-1', used: '0' },
    ]);
  });

  it('snaps numbers to the step grid and reports the correction', () => {
    const r = parseParams(schema, 'rtt=123');
    expect(r.values.rtt).toBe(120);
    expect(r.notices).toHaveLength(1);
  });

  it('falls back to the default for wrong types and reports them', () => {
    const r = parseParams(schema, 'rtt=fast&tls=ssl3&pipe=maybe&loss=1e999');
    expect(r.values).toEqual(defaults(schema));
    expect(r.notices.map((n) => [n.key, n.kind, n.used])).toEqual([
      ['rtt', 'invalid', '100'],
      ['tls', 'invalid', 'none'],
      ['pipe', 'invalid', '0'],
      ['loss', 'invalid', '0'],
    ]);
  });

  it('keeps URL text as plain data in notices', () => {
    const r = parseParams(schema, `rtt=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(r.notices[0]?.raw).toBe('<img src=x onerror=alert(1)>');
    expect(r.values.rtt).toBe(100);
  });

  it('reports unknown keys inside its namespace and ignores other namespaces', () => {
    const r = parseParams(schema, 'race.bogus=1&other.rtt=5&rtt=7', 'race');
    expect(r.values).toEqual(defaults(schema));
    expect(r.notices).toEqual([{ urlKey: 'race.bogus', kind: 'unknown', raw: '1' }]);
  });

  it('ignores unknown keys without a namespace', () => {
    expect(parseParams(schema, 'lang=zh&theme=dark').notices).toEqual([]);
  });

  it('keeps two widgets on one page apart by namespace', () => {
    const query = 'a.rtt=200&b.rtt=300';
    expect(parseParams(schema, query, 'a').values.rtt).toBe(200);
    expect(parseParams(schema, query, 'b').values.rtt).toBe(300);
  });

  it('reads booleans written as true/false or 1/0', () => {
    expect(parseParams(schema, 'pipe=true').values.pipe).toBe(true);
    expect(parseParams(schema, 'pipe=0').values.pipe).toBe(false);
  });
});

describe('snap and urlKey', () => {
  it('snap rounds decimals without float noise', () => {
    const loss = schema[1];
    expect(snap(loss, 0.07000000001)).toBe(0.07);
    expect(snap(loss, 0.3)).toBe(0.3);
  });

  it('urlKey prefixes the namespace', () => {
    expect(urlKey('rtt', 'race')).toBe('race.rtt');
    expect(urlKey('rtt')).toBe('rtt');
  });
});

describe('defineSchema', () => {
  it('rejects a default outside the range, naming the values', () => {
    expect(() =>
      defineSchema([{ key: 'x', type: 'number', min: 1, max: 2, step: 1, default: 5, label }]),
    ).toThrow(/min 1, default 5, max 2/);
  });

  it('rejects duplicate keys', () => {
    expect(() =>
      defineSchema([
        { key: 'x', type: 'boolean', default: false, label },
        { key: 'x', type: 'boolean', default: true, label },
      ]),
    ).toThrow(/duplicate/);
  });

  it('the widget schemas are valid and bilingual', () => {
    for (const s of [handshakeSchema, raceSchema]) {
      for (const p of s) {
        const { en, zh } = bilingual(p.label);
        expect(en.length).toBeGreaterThan(0);
        expect(zh.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('withDefaults', () => {
  const base = defineSchema([
    {
      key: 'rtt',
      type: 'number',
      min: 10,
      max: 500,
      step: 10,
      default: 100,
      label: () => 'RTT',
    },
    {
      key: 'tls',
      type: 'enum',
      options: ['none', 'tls1.3'],
      default: 'none',
      label: () => 'TLS',
    },
    { key: 'slow', type: 'boolean', default: false, label: () => 'Slow' },
  ]);

  it('replaces the defaults it is given and keeps the others', () => {
    const s = withDefaults(base, { rtt: 200, slow: true });
    expect(defaults(s)).toEqual({ rtt: 200, tls: 'none', slow: true });
  });

  it('makes the URL override the new defaults and leaves them out when serialising', () => {
    const s = withDefaults(base, { rtt: 200 });
    expect(parseParams(s, '?w.tls=tls1.3', 'w').values).toEqual({
      rtt: 200,
      tls: 'tls1.3',
      slow: false,
    });
    expect(serializeParams(s, { rtt: 200, tls: 'none', slow: false }, '', 'w')).toBe('');
  });

  it('throws on a value out of range, off the step grid, of the wrong type or unknown', () => {
    expect(() => withDefaults(base, { rtt: 5 })).toThrow(/"rtt": expected a number from 10 to 500/);
    expect(() => withDefaults(base, { rtt: 105 })).toThrow(/steps of 10/);
    expect(() => withDefaults(base, { tls: 'ssl3' as 'none' })).toThrow(/one of none, tls1.3/);
    expect(() => withDefaults(base, { nope: 1 } as never)).toThrow(/unknown parameter "nope"/);
  });
});
