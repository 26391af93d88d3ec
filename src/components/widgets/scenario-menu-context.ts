/**
 * The "Scenarios" menu the build renders beside a widget's title (`ScenarioMenu.astro`), handed
 * from the static figure's wrapper (`StaticWidget.svelte`) to its frame (`WidgetFrame.svelte`)
 * through Svelte context. Only the build sets it: the live frame adopts the static figure's menu.
 */
import { getContext, setContext, type Snippet } from 'svelte';

const KEY = Symbol('ka-scenario-menu');

/** Sets the menu for the widget rendered below (call during component init). */
export function setScenarioMenu(menu: Snippet | undefined): void {
  setContext(KEY, menu);
}

/** The menu set above this widget, if any. */
export function getScenarioMenu(): Snippet | undefined {
  return getContext<Snippet | undefined>(KEY);
}
