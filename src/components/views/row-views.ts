/**
 * The row views (the waterfall and the connection lanes) load on demand: a widget names them
 * (`'waterfall'`, `'lanes'`) instead of importing them, so a narrow widget, which draws one view
 * at a time and starts with its ladder, loads their code only when the reader picks their tab
 * (issue 14: 45 KB of JavaScript up front on a phone). The build, which renders the waterfall
 * in every static figure, hands the components themselves through context (`StaticWidget`, a
 * server-only component); the browser imports them here, each widget's view when first shown.
 */
import { getContext, setContext, type Component } from 'svelte';
import type { RowsViewProps } from './view-props';

/** A row view by name. */
export type RowViewName = 'waterfall' | 'lanes';

/** A row view's props (the waterfall's wide label column among them). */
export type RowView = Component<RowsViewProps & { wideLabels?: boolean }>;

/** The browser's way to each row view: a chunk of its own, loaded when first shown. */
export const loadRowView: Record<RowViewName, () => Promise<{ default: RowView }>> = {
  waterfall: () => import('./Waterfall.svelte'),
  lanes: () => import('./ConnectionLanes.svelte'),
};

const KEY = Symbol('ka-row-views');

/** Server side: the row views themselves, for the static figure (`StaticWidget.svelte`). */
export function provideRowViews(views: Record<RowViewName, RowView>): void {
  setContext(KEY, views);
}

/** The row views the build provided; undefined in the browser. */
export function providedRowViews(): Record<RowViewName, RowView> | undefined {
  return getContext<Record<RowViewName, RowView> | undefined>(KEY);
}
