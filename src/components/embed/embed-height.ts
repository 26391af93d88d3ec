/**
 * The height an embed snippet gives its frame: the widget's measured height for the language and
 * layout at a 700 px column (`heights.ts`, written by `npm run measure:embeds`), so the frame
 * shows the whole widget before the host script (`/embed.js`) runs, and without it. Unknown
 * combinations get `EMBED_DEFAULT_HEIGHT`.
 */
import { EMBED_HEIGHTS } from './heights';
import { EMBED_DEFAULT_HEIGHT } from './snippet';

/** Layouts an embed can take (`embed-query.ts`'s `EMBED_LAYOUTS`). */
export type EmbedLayoutName = 'full' | 'compact' | 'diagram';

/** The frame height (CSS px) for widget `name` in `lang` with `layout`. */
export function embedHeight(lang: string, name: string, layout: EmbedLayoutName): number {
  return EMBED_HEIGHTS[lang]?.[name]?.[layout] ?? EMBED_DEFAULT_HEIGHT;
}
