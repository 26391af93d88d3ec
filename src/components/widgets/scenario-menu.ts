/**
 * What the "Scenarios" menu (`ScenarioMenu.astro`) does once JavaScript runs, loaded when the
 * reader first opens it (`WidgetFrame.svelte`): a chosen scenario is applied in place through the
 * widget's parameters (so the URL, "Copy link" and "Embed" carry its values) instead of
 * reloading the page; the links keep the page's other keys (an embed's `theme`, other widgets'
 * values) for opening in a new tab; Escape or a click outside closes the menu, and Escape or a
 * choice returns the focus to its button.
 */
import type { ParamState } from '../controls/param-state.svelte';
import { parseParams, serializeParams, type ParamSchema } from '../controls/params';

/** Gives the menu its behaviour (once per menu). */
export function attachScenarioMenu(
  menu: HTMLDetailsElement,
  params: ParamState<ParamSchema>,
): void {
  const summary = menu.querySelector('summary');
  const links = [...menu.querySelectorAll<HTMLAnchorElement>('a[href]')];
  /** Each link's values, read once from the address the build wrote. */
  const values = new Map(
    links.map((a) => [
      a,
      parseParams(params.schema, new URL(a.href).search, params.namespace).values,
    ]),
  );

  const close = (focus: boolean): void => {
    menu.open = false;
    if (focus) summary?.focus();
  };

  /** The links as addresses of this page: the page's other keys kept, this widget's replaced. */
  const refresh = (): void => {
    const { search, hash } = window.location;
    for (const [a, v] of values) {
      const hashPart = new URL(a.href).hash || hash;
      a.href = `${serializeParams(params.schema, v, search, params.namespace) || '?'}${hashPart}`;
    }
  };
  refresh();

  menu.addEventListener('toggle', () => {
    if (menu.open) refresh();
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !menu.open) return;
    // Handled here: in present mode Escape would otherwise leave the presentation.
    e.stopPropagation();
    e.preventDefault();
    close(true);
  });
  document.addEventListener('pointerdown', (e) => {
    if (menu.open && !menu.contains(e.target as Node)) close(false);
  });
  menu.addEventListener('click', (e) => {
    const a = (e.target as Element).closest('a');
    const v = a && values.get(a);
    if (!v || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    for (const p of params.schema) params.set(p.key, (v as Record<string, unknown>)[p.key]);
    close(true);
  });
  // The menu is ready (tests wait for this before choosing in place).
  menu.setAttribute('data-ka-menu-ready', '');
}
