/**
 * Build-time only: the embed page's inline script, run in `<head>` before first paint (its hash
 * goes into the page's CSP). It applies the keys that decide how the page looks, so nothing moves
 * when the widget arrives: `theme` (`data-theme`, as on the rest of the site) and `layout`
 * (`data-ka-layout="compact" | "diagram"`, which the page's CSS lays out). It reads them exactly
 * as `parseParams` does (the last value of a key counts, trimmed; an option by exact match), so
 * what the page applies is what the widget's notice reports (`tests/unit/embed/embed-head.test.ts`);
 * anything else leaves the default (`auto`, `full`). It also marks the page as running scripts
 * (`data-ka-js`): in a narrow frame the static figure then shows only what the live widget starts
 * with (`WidgetFrame.svelte`), so the frame does not grow and shrink back as the widget goes live.
 * Hand-written and short: it is inline in every embed page, unminified. (`present` and `events`
 * wait for the widget: `embed-options.ts`.)
 */
export const EMBED_HEAD_SCRIPT = `(() => {
  const q = new URLSearchParams(location.search);
  const last = (key) => (q.getAll(key).pop() || '').trim();
  const d = document.documentElement.dataset;
  const theme = last('theme');
  const layout = last('layout');
  if (theme === 'light' || theme === 'dark') d.theme = theme;
  if (layout === 'compact' || layout === 'diagram') d.kaLayout = layout;
  d.kaJs = '';
})();`;
