/**
 * Views that load on demand: a widget names them (`'waterfall'`, `'lanes'`, the Image host's
 * `'latency'` and `'sweep'` charts) instead of importing them, so a narrow widget, which draws
 * one view at a time and starts with its first, loads the others' code only when the reader
 * picks their tab (issue 14: 45 KB of JavaScript up front on a phone). The build, which renders
 * some of them in the static figures, hands the components themselves through context
 * (`StaticWidget`, a server-only component); the browser imports them here, each when first
 * shown (`LazyView.svelte`).
 */
import { getContext, setContext, type Component, type ComponentProps } from 'svelte';
import type ConnectionLanes from './ConnectionLanes.svelte';
import type LatencyHistogram from './LatencyHistogram.svelte';
import type SweepChart from './SweepChart.svelte';
import type Waterfall from './Waterfall.svelte';

/** Each view's props, by name. */
export interface LazyViewProps {
  waterfall: ComponentProps<typeof Waterfall>;
  lanes: ComponentProps<typeof ConnectionLanes>;
  latency: ComponentProps<typeof LatencyHistogram>;
  sweep: ComponentProps<typeof SweepChart>;
}

/** A view loaded on demand, by name. */
export type LazyViewName = keyof LazyViewProps;

/** The views themselves (`Component` of each view's props). */
export type LazyViews = { [N in LazyViewName]: Component<LazyViewProps[N]> };

/** The browser's way to each view: a chunk of its own, loaded when first shown. */
export const loadLazyView: { [N in LazyViewName]: () => Promise<{ default: LazyViews[N] }> } = {
  waterfall: () => import('./Waterfall.svelte'),
  lanes: () => import('./ConnectionLanes.svelte'),
  latency: () => import('./LatencyHistogram.svelte'),
  sweep: () => import('./SweepChart.svelte'),
};

const KEY = Symbol('ka-lazy-views');

/** Server side: the views themselves, for the static figures (`StaticWidget.svelte`). */
export function provideLazyViews(views: LazyViews): void {
  setContext(KEY, views);
}

/** The views the build provided; undefined in the browser. */
export function providedLazyViews(): LazyViews | undefined {
  return getContext<LazyViews | undefined>(KEY);
}
