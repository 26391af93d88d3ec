import { en, type Dictionary } from './en';
import { zh } from './zh';
import type { UiStrings } from './ui';

/** The site's languages; English is served at `/`, Simplified Chinese at `/zh/`. */
export const languages = ['en', 'zh'] as const;
/** One of the site's languages. */
export type Lang = (typeof languages)[number];

const dictionaries: Record<Lang, Dictionary> = { en, zh };

/** The UI dictionary for a language. */
export function dict(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** BCP 47 tag for the `lang` attribute and `hreflang`. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

/** The other language (for the language switch). */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'zh' : 'en';
}

/** Path of a site-relative page in a language: `localePath('zh', 'http-0-9/')` is `/zh/http-0-9/`. */
export function localePath(lang: Lang, path = ''): string {
  const clean = path.replace(/^\/+/, '');
  return lang === 'en' ? `/${clean}` : `/zh/${clean}`;
}

/** Fills `{name}` slots in a UI string (re-exported from the dictionary-free `fill.ts`). */
export { fill } from './fill';

/** The strings a language's widgets need (server side: both dictionaries are in scope here). */
export function uiStringsOf(lang: Lang): UiStrings {
  const { views, widgets } = dictionaries[lang];
  const { gallery: _gallery, ...rest } = widgets;
  return { views, widgets: rest };
}
