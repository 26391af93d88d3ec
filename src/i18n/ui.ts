/**
 * The strings widgets, views and controls show, for one language at a time. The browser gets only
 * the page's language: `Widget.astro` and `WidgetGallery.astro` write it into the page once as
 * JSON (`UiStringsScript.astro`) and register it for server rendering; this module holds no
 * dictionary, so importing it costs no bytes of text.
 */
import type { Dictionary } from './en';
import type { Lang } from './lang';

/** The widget dictionary without the gallery page's text (rendered on the server only). */
export type WidgetStrings = Omit<Dictionary['widgets'], 'gallery'>;

/** What interactive components read: the shared views' and the widgets' strings. */
export interface UiStrings {
  readonly views: Dictionary['views'];
  readonly widgets: WidgetStrings;
}

/** Attribute that marks the JSON script holding a language's `UiStrings`. */
export const UI_STRINGS_ATTR = 'data-ka-ui-strings';

const registry: Partial<Record<Lang, UiStrings>> = {};

/** Registers a language's strings (server rendering and tests; the browser reads the page). */
export function provideUiStrings(lang: Lang, strings: UiStrings): void {
  registry[lang] = strings;
}

/** The UI strings of a language: registered, or read once from the page's JSON script. */
export function ui(lang: Lang): UiStrings {
  let strings = registry[lang];
  if (!strings && typeof document !== 'undefined') {
    const script = document.querySelector(`script[${UI_STRINGS_ATTR}="${lang}"]`);
    if (script?.textContent) {
      strings = JSON.parse(script.textContent) as UiStrings;
      registry[lang] = strings;
    }
  }
  if (!strings) {
    throw new Error(
      `No UI strings for language "${lang}": mount widgets with Widget.astro or WidgetGallery.astro, which provide them`,
    );
  }
  return strings;
}
