/**
 * The embed page's half of auto-resize: it measures its document with a ResizeObserver and
 * posts the height to the parent window whenever it changes (while the static figure waits for
 * the live widget, only when the frame is too short for it: the snippet's frame already has the
 * live widget's measured height, `embed-height.ts`), as our own message and as Canvas's
 * `lti.frameResize` (so Canvas sizes the frame with no script of ours). A parent may ask for the
 * height again with `{ type: 'keep-alive:measure' }` (the host script does when a frame that
 * was hidden is shown). `public/embed.js` is the host's half; the message shapes are its
 * contract, documented in the README.
 */

/** `EMBED_ID_KEY` of `embed-query.ts`, copied so this script shares no chunk with the widget. */
export const EMBED_ID_KEY = 'embedId';

/** `EMBED_ID_MAX` of `embed-query.ts` (copied likewise). */
export const EMBED_ID_MAX = 200;

/** `PENDING_ATTR` of `island-attrs.ts` (copied likewise): set on a widget until it is live. */
export const PENDING_ATTR = 'data-ka-pending';

/** `type` of the message the embed posts: `{ type, version: 1, id, height }`. */
export const RESIZE_MESSAGE = 'keep-alive:resize';
/** `type` of the message a parent posts to ask for the height again. */
export const MEASURE_MESSAGE = 'keep-alive:measure';

/** The message an embed posts: `id` is the page's `embedId` parameter ('' without one). */
export interface ResizeMessage {
  readonly type: typeof RESIZE_MESSAGE;
  readonly version: 1;
  readonly id: string;
  /** Height of the embed document in CSS pixels (whole, rounded up). */
  readonly height: number;
}

/** The embed's `embedId`: the last one in the query, cut to `EMBED_ID_MAX` characters. */
export function embedIdOf(search: string): string {
  const all = new URLSearchParams(search).getAll(EMBED_ID_KEY);
  return (all[all.length - 1] ?? '').slice(0, EMBED_ID_MAX);
}

/** Starts reporting the document's height to `window.parent` (nothing when not framed). */
export function reportHeight(): void {
  if (window.parent === window) return;
  const root = document.documentElement;
  const id = embedIdOf(window.location.search);
  let last = -1;
  const post = (force: boolean): void => {
    const height = Math.ceil(root.getBoundingClientRect().height);
    // Until the widget is live, only grow a frame too short for the static figure (a hand-written
    // height): the snippet gives the frame the live widget's measured height, and shrinking it to
    // the static figure's (often much shorter) would make it jump twice.
    const pending = document.querySelector(`[${PENDING_ATTR}]`) !== null;
    if (pending && height <= window.innerHeight) return;
    if (height === last && !force) return;
    last = height;
    const message: ResizeMessage = { type: RESIZE_MESSAGE, version: 1, id, height };
    window.parent.postMessage(message, '*');
    window.parent.postMessage({ subject: 'lti.frameResize', height }, '*');
  };
  new ResizeObserver(() => post(false)).observe(root);
  // A widget going live replaces its static figure, which changes the height; if it happened not
  // to, the frame already has that height (the snippet's, or the static figure's it grew to).
  window.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (
      event.source === window.parent &&
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === MEASURE_MESSAGE
    ) {
      post(true);
    }
  });
}
