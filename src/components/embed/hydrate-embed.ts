/**
 * Hydrates the one widget of an embed page. The page renders the widget on the server as a plain
 * component (no Astro island), and its hydrator (`hydrators/<Widget>.astro`, one per widget, whose
 * script imports that widget alone) calls this at once: an embed is the widget alone, always on
 * screen, so it needs neither Astro's island loader nor its when-visible directive, about 2 KB
 * gzip of inline script the page does not load.
 */
import { hydrate, type Component } from 'svelte';
import type { Lang } from '../../i18n';

/** The root element: `data-ka-widget` (name), `data-ka-lang`, `data-ka-id`. */
export const EMBED_ROOT_ATTR = 'data-ka-embed-root';
/** Present on the root until the widget has hydrated (tests wait for it to go). */
export const PENDING_ATTR = 'data-ka-pending';

/** Hydrates the page's widget with `Widget` (once); a page without one is left as it is. */
export function hydrateEmbed(Widget: Component<{ lang: Lang; id: string }>): void {
  const root = document.querySelector<HTMLElement>(`[${EMBED_ROOT_ATTR}][${PENDING_ATTR}]`);
  if (!root) return;
  const lang: Lang = root.dataset['kaLang'] === 'zh' ? 'zh' : 'en';
  hydrate(Widget, { target: root, props: { lang, id: root.dataset['kaId'] ?? '' } });
  root.removeAttribute(PENDING_ATTR);
}
