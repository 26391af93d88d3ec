/**
 * What a reader does with a widget, told to its own page as a `ka:widget` DOM event on `window`:
 * Play pressed (`played`) and a parameter changed (`parameter-changed`). Nothing leaves the page
 * here: an embed forwards these to its host page only when its address says `events=1`
 * (`embed/host-events.ts`), and the site's own pages never listen.
 */

/** Name of the DOM event. */
export const WIDGET_EVENT = 'ka:widget';

/** The `detail` of a `ka:widget` event: what happened, and its own small detail. */
export type WidgetEvent =
  | { readonly event: 'played'; readonly detail: { readonly atMs: number } }
  | {
      readonly event: 'parameter-changed';
      readonly detail: { readonly name: string; readonly value: number | string | boolean };
    };

/** Dispatches one `ka:widget` event on `window` (nothing outside a browser). */
export function widgetEvent(detail: WidgetEvent): void {
  if (typeof window !== 'undefined')
    window.dispatchEvent(new CustomEvent(WIDGET_EVENT, { detail }));
}
