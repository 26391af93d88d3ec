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
 *   implements it); absent for widgets whose diagrams are not single runs (workload charts).
 */
import { getContext, setContext } from 'svelte';
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
}

/** Largest zoom factor: a 640 px ladder becomes 10,240 px. */
export const MAX_ZOOM = 16;

const KEY = Symbol('ka-view-state');

/** Gives the views below their shared state (call during the widget frame's init). */
export function setViewState(runs: Partial<RunDrops>): void {
  const state = $state<ViewState>({ zoom: 1, ...(runs.dropped ? { runs: runs as RunDrops } : {}) });
  setContext(KEY, state);
}

/** The shared state of the widget above, if any. */
export function getViewState(): ViewState | undefined {
  return getContext<ViewState | undefined>(KEY);
}
