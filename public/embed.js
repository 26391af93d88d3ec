/*
 * Keep-Alive embed host script: sizes every <iframe data-keep-alive-embed> to the height its
 * embed page reports, so the widget shows without an inner scroll bar. Plain JavaScript, no
 * dependencies; include it once or many times (one copy runs).
 *
 * Messages (window.postMessage):
 *   embed -> host: { type: 'keep-alive:resize', version: 1, id: string, height: number }
 *                  (`id` is the embed's `embedId` query parameter, '' without one; the embed also
 *                  posts Canvas's { subject: 'lti.frameResize', height })
 *   host -> embed: { type: 'keep-alive:measure' }  asks the embed to post its height again
 *
 * A message is used only when it comes from one of the marked frames (event.source is the
 * frame's window), from the origin of the frame's src (or 'null' for a frame sandboxed without
 * allow-same-origin), with a finite height from 1 to 100,000 px. A frame that is hidden (in a
 * closed <details>, an inactive tab) is not resized while hidden; when it is shown, the script
 * asks its embed for the height again. Without this script the frame keeps its own height and
 * scrolls.
 *
 * A frame is asked for its height only once it is within 3,000 px of the viewport (beyond the
 * distance at which browsers start loading a lazy frame): the first reach into a frame's window
 * makes the browser build a script context for it, 3 to 25 ms each on a slow phone or a busy
 * machine, which for frames far down a page that has not loaded them buys nothing. A frame that
 * loads sooner reports its own height, and one that reported before this script ran is asked
 * when it comes near.
 */
(() => {
  'use strict';
  const FLAG = '__keepAliveEmbedHost';
  if (window[FLAG]) return;
  window[FLAG] = true;

  const ATTR = 'data-keep-alive-embed';
  const MAX_HEIGHT = 100000;
  /** Frames already watched for being shown. */
  const watched = new WeakSet();
  /** Frames within NEAR of the viewport (all of them without IntersectionObserver). */
  const near = new WeakSet();
  const NEAR = '3000px 0px';

  const frames = () => document.querySelectorAll(`iframe[${ATTR}]`);

  // The frames near the viewport first: reaching into a far frame's window is what costs.
  const frameOf = (source) => {
    if (!source) return undefined;
    const all = [...frames()];
    for (const frame of all) if (near.has(frame) && frame.contentWindow === source) return frame;
    for (const frame of all) if (!near.has(frame) && frame.contentWindow === source) return frame;
    return undefined;
  };

  const originOf = (frame) => {
    try {
      return new URL(frame.getAttribute('src') || '', document.baseURI).origin;
    } catch {
      return '';
    }
  };

  /** A frame sandboxed without allow-same-origin posts from the opaque origin 'null'. */
  const opaque = (frame) =>
    frame.hasAttribute('sandbox') && !/(^|\s)allow-same-origin(\s|$)/.test(frame.sandbox.value);

  /** Whether the frame is rendered (a hidden ancestor leaves it without boxes). */
  const shown = (frame) => frame.getClientRects().length > 0 && frame.offsetWidth > 0;

  // The request carries nothing, so any document in the frame may receive it ('*': a frame that
  // has not loaded yet, or is sandboxed to an opaque origin, would reject a named origin).
  const measure = (frame) => {
    if (near.has(frame)) frame.contentWindow?.postMessage({ type: 'keep-alive:measure' }, '*');
  };

  const nearObserver =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              nearObserver.unobserve(entry.target);
              near.add(entry.target);
              measure(entry.target);
            }
          },
          { rootMargin: NEAR },
        )
      : undefined;

  const apply = (frame, height) => {
    const style = getComputedStyle(frame);
    // With box-sizing: border-box, the height must also cover the frame's border and padding.
    const extra =
      style.boxSizing === 'border-box'
        ? parseFloat(style.borderTopWidth) +
          parseFloat(style.borderBottomWidth) +
          parseFloat(style.paddingTop) +
          parseFloat(style.paddingBottom)
        : 0;
    frame.style.height = `${Math.ceil(height + extra)}px`;
  };

  const shownObserver =
    'ResizeObserver' in window
      ? new ResizeObserver((entries) => {
          for (const entry of entries) {
            const frame = entry.target;
            if (shown(frame)) measure(frame);
          }
        })
      : undefined;

  const watch = (frame) => {
    if (watched.has(frame)) return;
    watched.add(frame);
    if (nearObserver) nearObserver.observe(frame);
    else near.add(frame);
    shownObserver?.observe(frame);
  };

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'keep-alive:resize') return;
    const frame = frameOf(event.source);
    if (!frame) return;
    if (event.origin !== originOf(frame) && !(event.origin === 'null' && opaque(frame))) return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height)) return;
    if (height < 1 || height > MAX_HEIGHT) return;
    watch(frame);
    // A hidden frame's report is measured at no width: skip it, and ask again once shown.
    if (shown(frame)) apply(frame, height);
  });

  // Frames that loaded before this script did have already reported: ask them again.
  const start = () => {
    for (const frame of frames()) {
      watch(frame);
      measure(frame);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
