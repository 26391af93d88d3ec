import { en, type Dictionary } from './en';
import { zh } from './zh';

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

/** Fills `{name}` slots in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
