/**
 * The widgets' UI strings of a language (`/ui-strings/<lang>.json`), fetched once per page and
 * handed to `ui()`; the browser caches the file across pages. Used by every live widget
 * (`mount-widget.ts`) and by the replay page's views (`mount-replay.ts`).
 */
import type { Lang } from '../../i18n/lang';
import { hasUiStrings, provideUiStrings, type UiStrings } from '../../i18n/ui';

const fetching = new Map<Lang, Promise<void>>();

/** Resolves when `ui(lang)` has its strings. */
export function loadUiStrings(lang: Lang): Promise<void> {
  if (hasUiStrings(lang)) return Promise.resolve();
  let pending = fetching.get(lang);
  if (!pending) {
    pending = fetch(new URL(`/ui-strings/${lang}.json`, document.baseURI))
      .then((response) => {
        if (!response.ok) throw new Error(`UI strings: HTTP ${response.status}`);
        return response.json() as Promise<UiStrings>;
      })
      .then((strings) => provideUiStrings(lang, strings));
    fetching.set(lang, pending);
  }
  return pending;
}
