/**
 * The query string of an embed page (`/embed/race/?rtt=200&theme=dark&embedId=lesson-3`): the
 * widget's parameters without a namespace, plus the keys the embed page itself reads. Pure
 * TypeScript, shared by the page's scripts, `ParamState` and the tests.
 */
import type { BooleanParam, EnumParam, ParamSchema } from '../controls/params';

/** Attribute on `<html>` that marks an embed page (URL keys carry no widget namespace there). */
export const EMBED_ATTR = 'data-ka-embed';

/** Embed colour themes: `auto` follows the reader's system setting. */
export const EMBED_THEMES = ['auto', 'light', 'dark'] as const;

/** The `theme` key, read before first paint and checked like a widget parameter. */
export const embedThemeParam: EnumParam<'theme', (typeof EMBED_THEMES)[number]> = {
  key: 'theme',
  type: 'enum',
  options: EMBED_THEMES,
  default: 'auto',
  label: (w) => w.embed.theme,
};

/**
 * Embed layouts: `full` (everything), `compact` (the parameters in one row) and `diagram` (the
 * figure and the player only). Applied before first paint by the page (`embed-head.ts`), which
 * reads the query as `parseParams` does; this entry checks it and lists a wrong value.
 */
export const EMBED_LAYOUTS = ['full', 'compact', 'diagram'] as const;

/** The `layout` key. */
export const embedLayoutParam: EnumParam<'layout', (typeof EMBED_LAYOUTS)[number]> = {
  key: 'layout',
  type: 'enum',
  options: EMBED_LAYOUTS,
  default: 'full',
  label: (w) => w.embed.layout,
};

/** `present=1`: the embed opens in present mode (`present.ts`). */
export const embedPresentParam: BooleanParam<'present'> = {
  key: 'present',
  type: 'boolean',
  default: false,
  label: (w) => w.present.button,
};

/** `events=1`: the embed tells its host page what the reader does (`host-events.ts`). */
export const embedEventsParam: BooleanParam<'events'> = {
  key: 'events',
  type: 'boolean',
  default: false,
  label: (w) => w.embed.events,
};

/** The keys every embed page reads besides its widget's, checked with them (`ParamState`). */
export const EMBED_PARAMS = [
  embedThemeParam,
  embedLayoutParam,
  embedPresentParam,
  embedEventsParam,
] as const satisfies ParamSchema;

/**
 * `embedId`: any text the host page chooses, echoed in the resize messages so it can tell its
 * frames apart. Never shown, never checked, at most `EMBED_ID_MAX` characters are sent.
 * (`resize.ts` keeps its own copy of both constants, so the page's resize script shares no
 * chunk with the widget's code; a unit test holds them equal.)
 */
export const EMBED_ID_KEY = 'embedId';

/** Longest `embedId` the embed echoes (longer ones are cut). */
export const EMBED_ID_MAX = 200;

/** Keys of the embed page that are not widget parameters. */
export const EMBED_RESERVED: readonly string[] = [EMBED_ID_KEY];

/** Whether this document is an embed page (false on the server). */
export function isEmbedPage(): boolean {
  return typeof document !== 'undefined' && document.documentElement.hasAttribute(EMBED_ATTR);
}
