/**
 * How many of a view's items (waterfall rows, connection lanes) to draw: after a new trace, a
 * first `step` of them in the task that lays the trace out, then `step` more in each task after
 * it (issue 14: the Playground's 150 waterfall rows or 100 lanes made in one task took over 50
 * ms). Until all are drawn, the widget counts the view as laying out (`laying`), so it says it is
 * computing and does not claim to show what it has not drawn. The first trace, and any list of at
 * most `step` items, is drawn whole at once.
 */
import { untrack } from 'svelte';
import { getViewState, layingOut } from './view-state.svelte';

export function progressive(
  /** The value that changes with each new trace (the view's laid-out geometry). */
  key: () => unknown,
  /** How many items there are to draw. */
  length: () => number,
  step: number,
): { take<T>(items: readonly T[]): readonly T[] } {
  const state = getViewState();
  let count = $state(Infinity);
  let first = true;
  $effect.pre(() => {
    key();
    const total = length();
    if (first) {
      first = false;
      return;
    }
    if (total <= step) {
      count = Infinity;
      return;
    }
    untrack(() => (count = step));
    const finish = layingOut(state);
    const grow = (): void => {
      count += step;
      if (count >= total) {
        count = Infinity;
        finish();
      } else timer = setTimeout(grow, 0);
    };
    let timer = setTimeout(grow, 0);
    return () => {
      clearTimeout(timer);
      finish();
    };
  });
  return {
    /** The items drawn so far: all of them, or the first `count`. */
    take<T>(items: readonly T[]): readonly T[] {
      return count >= items.length ? items : items.slice(0, count);
    },
  };
}
