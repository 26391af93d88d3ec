import { describe, expect, it } from 'vitest';
import { commonRows, widgetTables } from '../../../src/components/guide/param-rows';
import { EMBED_THEMES } from '../../../src/components/embed/embed-query';
import { formatValue, type ParamSpec } from '../../../src/components/controls/params';
import { bilingual } from '../../../src/components/widgets/bilingual';
import { widgetParams, type WidgetName } from '../../../src/components/widgets/schemas';
import { languages } from '../../../src/i18n';

const names = Object.keys(widgetParams) as WidgetName[];
const schemaOf = (name: WidgetName): readonly ParamSpec[] => widgetParams[name].schema;

/** What the guide must say about a parameter's values, written out per language. */
const expectedValues = {
  en: (p: ParamSpec): string[] =>
    p.type === 'number'
      ? [`${p.min} to ${p.max}, in steps of ${p.step}`]
      : p.type === 'boolean'
        ? ['1 (on) or 0 (off)']
        : p.options.map((o) => {
            const label = p.optionLabels?.[o];
            return label ? `${o}: ${bilingual(label).en}` : o;
          }),
  zh: (p: ParamSpec): string[] =>
    p.type === 'number'
      ? [`${p.min} 至 ${p.max}，步长 ${p.step}`]
      : p.type === 'boolean'
        ? ['1（开）或 0（关）']
        : p.options.map((o) => {
            const label = p.optionLabels?.[o];
            return label ? `${o}：${bilingual(label).zh}` : o;
          }),
};

describe.each(languages)('widgetTables(%s)', (lang) => {
  const tables = widgetTables(lang);

  it('has one table per widget with a schema, and no other', () => {
    expect(tables.map((t) => t.name).sort()).toEqual([...names].sort());
  });

  it.each(names)('lists every parameter of %s once, in schema order', (name) => {
    const table = tables.find((t) => t.name === name);
    expect(table?.rows.map((r) => r.key)).toEqual(schemaOf(name).map((p) => p.key));
  });

  it.each(names)('describes every parameter of %s from its schema', (name) => {
    const rows = tables.find((t) => t.name === name)?.rows ?? [];
    for (const p of schemaOf(name)) {
      const row = rows.find((r) => r.key === p.key);
      expect(row?.label, `${name}.${p.key} label`).toBe(bilingual(p.label)[lang]);
      expect(row?.label.trim().length, `${name}.${p.key} label`).toBeGreaterThan(0);
      expect(row?.default, `${name}.${p.key} default`).toBe(formatValue(p, p.default));
      expect(row?.values, `${name}.${p.key} values`).toEqual(expectedValues[lang](p));
      const unit = p.type === 'number' && p.unit ? bilingual(p.unit)[lang] : '—';
      expect(row?.unit, `${name}.${p.key} unit`).toBe(unit);
      const description = p.description ? bilingual(p.description)[lang] : '—';
      expect(row?.description, `${name}.${p.key} description`).toBe(description);
    }
  });

  it('links each widget to its embed page in the same language', () => {
    const prefix = lang === 'en' ? '' : `/${lang}`;
    for (const t of tables) expect(t.embedPath).toBe(`${prefix}/embed/${t.name}/`);
  });

  it('also lists theme, layout, present, events and embedId for every embed', () => {
    const rows = commonRows(lang);
    expect(rows.map((r) => r.key)).toEqual(['theme', 'layout', 'present', 'events', 'embedId']);
    expect(rows[0]?.values).toEqual([...EMBED_THEMES]);
    expect(rows[0]?.default).toBe('auto');
  });

  it('gives layout its three values with their labels, present and events as on/off', () => {
    const [, layout, present, events] = commonRows(lang);
    expect(layout?.values.map((v) => v.split(/[:：]/)[0])).toEqual(['full', 'compact', 'diagram']);
    expect(layout?.values.every((v) => /[:：]\s?\S/.test(v))).toBe(true);
    expect(layout?.default).toBe('full');
    for (const row of [present, events]) {
      expect(row?.default).toBe('0');
      expect(row?.description).not.toBe('—');
    }
  });
});

describe('widgetTables', () => {
  it('writes the handshake round-trip time row in English and Chinese', () => {
    const en = widgetTables('en').find((t) => t.name === 'handshake')?.rows;
    const zh = widgetTables('zh').find((t) => t.name === 'handshake')?.rows;
    expect(en?.find((r) => r.key === 'rtt')).toMatchObject({
      type: 'number',
      values: ['10 to 500, in steps of 10'],
      default: '100',
      unit: 'ms',
    });
    expect(zh?.find((r) => r.key === 'rtt')).toMatchObject({
      type: '数值',
      values: ['10 至 500，步长 10'],
      default: '100',
      unit: 'ms',
    });
  });
});
