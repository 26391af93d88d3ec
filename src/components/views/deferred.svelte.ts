/**
 * A view's costly geometry made in a task of its own when its trace changes (issue 14: no
 * main-thread task over 50 ms while a widget recomputes). When a widget's runs arrive, each
 * ladder would otherwise lay itself out in the one task that shows them, all panes together;
 * deferred, every view takes its own task after that, so input and painting get their turn
 * between them.
 *
 * `deferred(inputs, compute)`: `inputs` reads the reactive values the geometry depends on, the
 * trace first; `compute` makes the geometry from them. A change of the other inputs (a zoom, a
 * width, a filter) is laid out at once, as the reader acts; a new trace waits for a task of its
 * own, and until then the view keeps what it drew (`stale`). Meanwhile the widget's view state
 * counts the view as `laying`, and the widget as computing, so what the widget says it shows
 * (`data-ka-computing`, "Computing…") never runs ahead of what is drawn. On the server, and for
 * the first trace, nothing waits.
 *
 * A view whose layout is too long for one task chains stages (`after`): each is keyed by the
 * view's trace and reads the stage before it, and takes its task only once that one has made its
 * part for the trace, so a new trace's layout runs in one task per stage, in order.
 */
import { untrack } from 'svelte';
import { getViewState, layingOut } from './view-state.svelte';

/** A value made from reactive inputs, a new trace's in a task of its own. */
export interface Deferred<T> {
  readonly current: T;
  /** A new trace waits for its task: `current` is still the previous trace's. */
  readonly stale: boolean;
}

export function deferred<I extends readonly [unknown, ...unknown[]], T>(
  inputs: () => I,
  compute: (inputs: I) => T,
  after?: Deferred<unknown>,
): Deferred<T> {
  const state = getViewState();
  /** The trace whose geometry may be made now. */
  let ready = $state.raw(untrack(inputs)[0]);
  let last: T;
  const value = $derived.by(() => {
    const i = inputs();
    if (i[0] === ready) last = compute(i);
    return last;
  });
  // The trace alone: the effect below runs again when it changes, not when another input does.
  const key = $derived(inputs()[0]);
  const stale = $derived(key !== ready);
  $effect.pre(() => {
    const trace = key;
    if (trace === ready) return;
    const finish = layingOut(state);
    const turn = (): void => {
      // The stage before this one has not made its part yet: wait for a later task.
      if (after?.stale) {
        timer = setTimeout(turn, 0);
        return;
      }
      ready = trace;
      finish();
    };
    let timer = setTimeout(turn, 0);
    return () => {
      clearTimeout(timer);
      finish();
    };
  });
  return {
    get current() {
      return value;
    },
    get stale() {
      return stale;
    },
  };
}

/**
 * What a view draws at playback time t from a deferred value (`frame()` reads both), except
 * while a new trace waits: then the frame it drew last. The playback's clock already follows the
 * new runs, and the old geometry sliced at their times would draw a moment of neither (and cost
 * a redraw of its own).
 */
export function held<F>(laid: Deferred<unknown>, frame: () => F): { readonly current: F } {
  let last: { frame: F } | undefined;
  const value = $derived.by(() => {
    if (laid.stale && last) return last.frame;
    last = { frame: frame() };
    return last.frame;
  });
  return {
    get current() {
      return value;
    },
  };
}
