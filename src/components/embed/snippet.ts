/**
 * The HTML an instructor pastes to embed a widget: an iframe (lazy, full width, as tall as the
 * widget measured for its layout at a 700 px column, `embed-height.ts`, so it shows whole without
 * the resize script; sandboxed, allowed to go full screen) and the host script that sizes it.
 * Pure TypeScript; the widget's Embed control fills it in with the current state.
 */

/**
 * Height of an embed frame (CSS px) when no measured height is known for its widget, language
 * and layout (`embed-height.ts`).
 */
export const EMBED_DEFAULT_HEIGHT = 640;

/** Attribute the host script (`/embed.js`) looks for on frames it should size. */
export const HOST_ATTR = 'data-keep-alive-embed';

/**
 * Sandbox of the snippet's frame: scripts and its own origin (the widget runs and can post its
 * height), and popups that leave the sandbox (the link back to the chapter opens a new tab).
 */
export const EMBED_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * Permissions policy of the snippet's frame: full screen, so that the widget's present mode can
 * fill the screen (without it, present mode fills the frame).
 */
export const EMBED_ALLOW = 'fullscreen';

/** Path of an embed page: `/embed/race/?rtt=200` or `/zh/embed/race/?rtt=200`. */
export function embedPath(lang: string, name: string, query: string): string {
  return `${lang === 'en' ? '' : `/${lang}`}/embed/${name}/${query}`;
}

/** Text made safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** The iframe and script lines for an embed at `origin` + `path`, titled `title`, `height` tall. */
export function embedSnippet(
  origin: string,
  path: string,
  title: string,
  height: number = EMBED_DEFAULT_HEIGHT,
): string {
  const src = escapeAttribute(origin + path);
  const script = escapeAttribute(`${origin}/embed.js`);
  return [
    `<iframe src="${src}" title="${escapeAttribute(title)}" loading="lazy" width="100%" height="${Math.round(height)}" style="width: 100%; border: 0;" sandbox="${EMBED_SANDBOX}" allow="${EMBED_ALLOW}" ${HOST_ATTR}></iframe>`,
    `<script src="${script}" async></script>`,
  ].join('\n');
}
