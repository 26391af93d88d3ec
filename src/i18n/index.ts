import { en, type Dictionary } from './en';
import { zh } from './zh';
import type { Lang } from './lang';
import type { UiStrings } from './ui';

export { languages, htmlLang, localePath, otherLang, type Lang } from './lang';

const dictionaries: Record<Lang, Dictionary> = { en, zh };

/** The UI dictionary for a language. */
export function dict(lang: Lang): Dictionary {
  return dictionaries[lang];
}

/** Fills `{name}` slots in a UI string (re-exported from the dictionary-free `fill.ts`). */
export { fill } from './fill';

/** The strings a language's widgets need (server side: both dictionaries are in scope here). */
export function uiStringsOf(lang: Lang): UiStrings {
  const { views, widgets } = dictionaries[lang];
  const { gallery: _gallery, ...rest } = widgets;
  return { views, widgets: rest };
}
