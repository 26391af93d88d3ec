/**
 * What a widget's views share beyond their props, handed from the widget's frame to the views
 * below it through Svelte context (issue 15):
 * - `zoom`: the ladders' zoom, a factor on their height, so time is drawn that many times larger
 *   and back-to-back packets that shared a band separate into their own lines; every ladder of the
 *   widget reads it, so the panes of a comparison stay on one scale. The controls that change it
 *   load with the packet inspector (`ladder/Inspector.svelte`);
 * - `hideAcks`, `conn`, `request`: the inspector's filters (bare ACKs hidden; one connection,
 *   or the packets of one request (its stream over HTTP/2 and HTTP/3), shown over the rest dimmed);
 * - `window`: while zoomed, the span of time the ladders show, which the trace table follows;
 * - `runs`: "drop this packet", what the widget's runs offer the inspector (`Simulations`
 *   implements it); absent for widgets whose diagrams are not single runs (workload charts);
 * - `narrow`, `tab`: a widget narrower than `NARROW_BELOW_PX` (a course page's column, a phone)
 *   shows one of its views at a time, the one the reader picks above them (`ViewTabs`), in every
 *   pane of a comparison, draws its ladders at most `NARROW_LADDER_PX` tall (zoom and the
 *   overview strip open them up) and starts with its parameters collapsed to a line of values.
 */
import { getContext, setContext, untrack } from 'svelte';
import type { DropRule } from '../../sim/link';
import type { Trace } from '../../sim/trace';

/** Re-running a run with packets lost. */
export interface RunDrops {
  /**
   * The packets the reader dropped in the run showing `trace`; given `rules`, the run goes again
   * with those lost instead (an empty list restores it).
   */
  dropped(trace: Trace, rules?: readonly DropRule[]): readonly DropRule[];
}

/** The views' shared state (reactive). */
export interface ViewState {
  /** The ladders' zoom factor, 1 to `MAX_ZOOM`. */
  zoom: number;
  /** The ladders draw no bare ACKs (the inspector's filter). */
  hideAcks?: boolean;
  /** The one connection the ladders show; the others are dimmed (the inspector's filter). */
  conn?: number | undefined;
  /** The path of the one request whose packets the ladders show over the others, dimmed. */
  request?: string | undefined;
  /** While zoomed, the times the ladders' scrolling window shows (the table follows it). */
  window?: { readonly fromMs: number; readonly toMs: number } | undefined;
  readonly runs?: RunDrops | undefined;
  /** The widget is narrower than `NARROW_BELOW_PX`: one time view at a time. */
  narrow?: boolean;
  /** In a narrow widget, the view shown (a `ViewKey`, or a chart's); default the first. */
  tab?: string | undefined;
  /** Views making their geometry in a task of their own (`deferred.svelte.ts`) right now. */
  laying?: number;
}

/** A time view a narrow widget can show: the ladder, the waterfall or the connection lanes. */
export type ViewKey = 'packets' | 'requests' | 'connections';

/** Widgets narrower than this (px) show one time view at a time. */
export const NARROW_BELOW_PX = 800;

/** Tallest ladder (px, at zoom 1) of a narrow widget. */
export const NARROW_LADDER_PX = 440;

/** The view a widget with these views shows: all (undefined) when wide, else the chosen one. */
export function shownView<K extends string>(
  state: Pick<ViewState, 'narrow' | 'tab'> | undefined,
  keys: readonly K[],
): K | undefined {
  if (!state?.narrow || keys.length < 2) return undefined;
  return keys.find((k) => k === state.tab) ?? keys[0];
}

/** Largest zoom factor: a 640 px ladder becomes 10,240 px. */
export const MAX_ZOOM = 16;

const KEY = Symbol('ka-view-state');

/**
 * Gives the views below their shared state (call during the widget frame's init), narrow when
 * the widget's element `island` is; returns it for the frame to update `narrow` on resize.
 */
export function setViewState(runs: Partial<RunDrops>, island?: Element | null): ViewState {
  const state = $state<ViewState>({
    zoom: 1,
    narrow: narrowAt(island?.clientWidth ?? 0),
    ...(runs.dropped ? { runs: runs as RunDrops } : {}),
  });
  setContext(KEY, state);
  return state;
}

/** A widget this wide (px) is narrow; false at 0, when it is not laid out. */
export function narrowAt(width: number): boolean {
  return width > 0 && width < NARROW_BELOW_PX;
}

/**
 * Counts a view as laying out (`laying`: the widget says it is computing, and is not shown before
 * its first drawing) until the returned release is called; a second call does nothing. Reads and
 * writes the count untracked, so an effect that calls it does not depend on it.
 */
export function layingOut(state: ViewState | undefined): () => void {
  untrack(() => {
    if (state) state.laying = (state.laying ?? 0) + 1;
  });
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    untrack(() => {
      if (state) state.laying = (state.laying ?? 1) - 1;
    });
  };
}

/** The shared state of the widget above, if any. */
export function getViewState(): ViewState | undefined {
  return getContext<ViewState | undefined>(KEY);
}
