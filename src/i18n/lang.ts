/**
 * The site's languages and the paths and tags derived from them: no dictionary, so both the
 * dictionaries' module (`index.ts`) and the browser's string lookup (`ui.ts`) can import it.
 */

/** The site's languages; English is served at `/`, Simplified Chinese at `/zh/`. */
export const languages = ['en', 'zh'] as const;
/** One of the site's languages. */
export type Lang = (typeof languages)[number];

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
