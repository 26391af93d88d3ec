/**
 * The query string of an embed page (`/embed/race/?rtt=200&theme=dark&embedId=lesson-3`): the
 * widget's parameters without a namespace, plus the keys the embed page itself reads. Pure
 * TypeScript, shared by the page's scripts, `ParamState` and the tests.
 */
import type { EnumParam } from '../controls/params';

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
