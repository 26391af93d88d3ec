/**
 * The packet inspector's styles, added to the page by the inspector when it first starts: as a
 * component's own styles they would be inlined in the HTML of every page with a widget, and as
 * Svelte's injected styles they would bring its style helper into the code every widget loads.
 * Scoped under `.ka-inspect`, the element wrapping the inspector's output; `.ka-inspect-mark` is
 * the outline it draws over the diagram, `.ka-inspect-req` the packets of the request the
 * "Show" filter picked (the others dimmed while the root has `data-ka-req`).
 */
const CSS = `
.ka-inspect .zoom, .ka-inspect .filters { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem; margin: 0.35rem 0; }
.ka-inspect .filters { gap: 0.25rem 1rem; font-size: 0.9rem; }
.ka-inspect .overview { flex: none; touch-action: none; cursor: crosshair; border-radius: 2px; }
.ka-inspect .overview:focus-visible { outline: 2px solid var(--ka-accent); outline-offset: 2px; }
.ka-inspect .overview .track { fill: var(--ka-bg-soft); stroke: var(--ka-border); }
.ka-inspect .overview .bar { fill: var(--ka-fg-muted); }
.ka-inspect .overview .window { fill: var(--ka-accent); fill-opacity: 0.18; stroke: var(--ka-accent); stroke-width: 1.5; cursor: grab; }
.ka-inspect .overview .brush { fill: var(--ka-accent); fill-opacity: 0.3; }
.ka-inspect .factor { color: var(--ka-fg-muted); font-size: 0.85rem; font-variant-numeric: tabular-nums; }
.ka-inspect .inspector { margin: 0.5rem 0; padding: 0.6rem 0.75rem; border: 1px solid var(--ka-border); border-left: 4px solid var(--ka-accent); border-radius: 4px; background: var(--ka-bg-soft); font-size: 0.9rem; scroll-margin-top: 11rem; }
.ka-inspect .inspector:focus-visible { outline: 2px solid var(--ka-accent); outline-offset: 2px; }
.ka-inspect .top { display: flex; justify-content: space-between; align-items: baseline; gap: 0.5rem; }
.ka-inspect .top > strong, .ka-inspect code { font-family: var(--ka-font-mono); overflow-wrap: anywhere; }
.ka-inspect p { margin: 0.4rem 0; }
.ka-inspect .members { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; padding: 0; margin: 0.25rem 0; }
.ka-inspect .members [aria-pressed='true'] { outline: 2px solid var(--ka-accent); }
.ka-inspect dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; margin: 0.4rem 0; }
.ka-inspect dt, .ka-inspect .note { color: var(--ka-fg-muted); }
.ka-inspect dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.ka-inspect .head-title { font-weight: 600; }
.ka-inspect .head { margin: 0.25rem 0; padding: 0.4rem 0.5rem; font-size: 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; background: var(--ka-bg); border: 1px solid var(--ka-border); }
.ka-inspect .note { font-size: 0.85rem; }
.ka-inspect .dropped { font-size: 0.9rem; }
[data-ka-req] .ladder .packets > g, [data-ka-req] .ladder .labels { opacity: 0.15; }
.ka-inspect-req { fill: none; stroke: var(--ka-accent); stroke-width: 2.5; pointer-events: none; }
.ka-inspect-mark { fill: none; stroke: var(--ka-accent); stroke-width: 5; stroke-opacity: 0.55; stroke-linecap: round; pointer-events: none; }
@media (max-width: 30rem) { .ka-inspect dl { grid-template-columns: minmax(0, 9em) minmax(0, 1fr); } }
/* Present mode: the player is outside the scrolling diagrams, and the panel (given their height
   as its max-height when it opens) scrolls inside itself. */
.ka-live[data-ka-present] .ka-inspect .inspector { scroll-margin-top: 0.25rem; box-sizing: border-box; overflow: auto; overscroll-behavior: contain; }
`;

/** Adds the inspector's styles to the page, once. */
export function injectInspectorCss(): void {
  if (document.getElementById('ka-inspect-css')) return;
  const style = document.createElement('style');
  style.id = 'ka-inspect-css';
  style.textContent = CSS;
  document.head.append(style);
}
