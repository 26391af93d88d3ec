/**
 * The strings widgets, views and controls show, for one language at a time. The build registers
 * them for server rendering (`WidgetMount.astro`); in the browser a widget fetches its language's
 * strings (`/ui-strings/<lang>.json`) before it mounts (`mount-widget.ts`), so no page carries
 * the dictionary and this module holds none: importing it costs no bytes of text.
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

const registry: Partial<Record<Lang, UiStrings>> = {};

/** Registers a language's strings (server rendering, tests, and the browser once fetched). */
export function provideUiStrings(lang: Lang, strings: UiStrings): void {
  registry[lang] = strings;
}

/** Whether a language's strings are registered. */
export function hasUiStrings(lang: Lang): boolean {
  return registry[lang] !== undefined;
}

/** The UI strings of a language (registered first: see the header). */
export function ui(lang: Lang): UiStrings {
  const strings = registry[lang];
  if (!strings) {
    throw new Error(
      `No UI strings for language "${lang}": widgets mount through WidgetMount.astro, which provides them`,
    );
  }
  return strings;
}
