import { describe, expect, it } from 'vitest';
import { embedHeight } from '../../../src/components/embed/embed-height';
import { EMBED_LAYOUTS } from '../../../src/components/embed/embed-query';
import { EMBED_DEFAULT_HEIGHT } from '../../../src/components/embed/snippet';
import { widgetRegistry } from '../../../src/components/widgets/registry';

const names = Object.keys(widgetRegistry);

describe('embedHeight', () => {
  it('has a measured height for every widget, language and layout', () => {
    for (const lang of ['en', 'zh']) {
      for (const name of names) {
        for (const layout of EMBED_LAYOUTS) {
          const h = embedHeight(lang, name, layout);
          // Measured, not the fallback; whole multiples of 8 as the script rounds them.
          expect(h, `${lang} ${name} ${layout}`).not.toBe(EMBED_DEFAULT_HEIGHT);
          expect(h % 8, `${lang} ${name} ${layout}`).toBe(0);
          // Every widget shows at least its title (about 40 px), player and its hint (130), and one
          // diagram, at 700 px one view at a time (the shortest, the pool's lanes, 200 px, with
          // its metrics, 134): over 500 px.
          expect(h, `${lang} ${name} ${layout}`).toBeGreaterThan(500);
        }
      }
    }
  });
  it('orders the layouts: diagram ≤ compact ≤ full (each hides more than the next)', () => {
    for (const lang of ['en', 'zh']) {
      for (const name of names) {
        const [full, compact, diagram] = EMBED_LAYOUTS.map((l) => embedHeight(lang, name, l));
        expect(diagram, `${lang} ${name}`).toBeLessThanOrEqual(compact ?? 0);
        expect(compact, `${lang} ${name}`).toBeLessThanOrEqual(full ?? 0);
      }
    }
  });
  it('falls back to the default height for an unknown widget or language', () => {
    expect(embedHeight('en', 'nope', 'full')).toBe(EMBED_DEFAULT_HEIGHT);
    expect(embedHeight('fr', 'race', 'full')).toBe(EMBED_DEFAULT_HEIGHT);
  });
});
