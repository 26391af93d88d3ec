import { describe, expect, it } from 'vitest';
import { widgets as en } from '../../../src/i18n/en/widgets';
import { widgets as zh } from '../../../src/i18n/zh/widgets';
import {
  mountNames,
  resolveWidget,
  widgetNames,
  widgetRegistry,
} from '../../../src/components/widgets/registry';
import { widgetParams } from '../../../src/components/widgets/schemas';

describe('widgetRegistry', () => {
  it('registers every widget that has a parameter schema, and no other', () => {
    expect([...widgetNames].sort()).toEqual(Object.keys(widgetParams).sort());
  });

  it.each(widgetNames)('%s has a title and gallery strings in both languages', (name) => {
    const entry = widgetRegistry[name];
    for (const w of [en, zh]) {
      expect(entry.title(w).length).toBeGreaterThan(0);
      expect(w.gallery[entry.gallery].length).toBeGreaterThan(0);
      expect(w.gallery[`${entry.gallery}About`].length).toBeGreaterThan(0);
    }
  });

  it('gives every name, alias and gallery id once', () => {
    const names = mountNames();
    expect(new Set(names).size).toBe(names.length);
    const ids = widgetNames.map((n) => widgetRegistry[n].galleryId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('resolveWidget', () => {
  it('resolves names and aliases', () => {
    expect(resolveWidget('keep-alive-race')).toBe('race');
    expect(resolveWidget('race')).toBe('race');
    expect(resolveWidget('page-load')).toBe('page-load');
  });

  it('rejects other names, listing the valid ones', () => {
    expect(() => resolveWidget('nope')).toThrow(
      /Unknown widget "nope": expected one of handshake, race, keep-alive-race, pipelining/,
    );
  });
});
