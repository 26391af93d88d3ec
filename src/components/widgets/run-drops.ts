/**
 * "Drop this packet": what a widget's runs offer the packet inspector (`Simulations` implements
 * it), handed from the widget's frame to the views below it through Svelte context. Widgets whose
 * diagrams are not single runs (the workload charts) set none, and the inspector then offers no
 * drop.
 */
import { getContext, setContext } from 'svelte';
import type { DropRule } from '../../sim/link';
import type { Trace } from '../../sim/trace';

/** Re-running a run with packets lost. */
export interface RunDrops {
  /** Runs the run showing `trace` again with one more packet lost. */
  drop(trace: Trace, rule: DropRule): void;
  /** Runs it again without the packets the reader dropped. */
  restore(trace: Trace): void;
  /** The packets the reader dropped in the run showing `trace`. */
  dropped(trace: Trace): readonly DropRule[];
}

const KEY = Symbol('ka-run-drops');

/** Offers `drops` to the views below (call during component init). */
export function setRunDrops(drops: RunDrops | undefined): void {
  setContext(KEY, drops);
}

/** The drops offered above this view, if any. */
export function getRunDrops(): RunDrops | undefined {
  return getContext<RunDrops | undefined>(KEY);
}
