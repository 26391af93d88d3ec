/**
 * One signal per item of a list that is made again in every animation frame (a waterfall's rows
 * at time t): `itemCells(values).at(i)` reads item i, and a new list wakes only the readers of
 * items whose value changed (by identity). Read as `values()[i]`, every row of a view depended on
 * the whole list, so every frame woke and checked every row's marks, settled rows included: with
 * 120 rows on screen, most of a frame's work (issue 15's frame budget).
 */
import { untrack } from 'svelte';

class Cell<T> {
  value = $state.raw() as T;
  constructor(value: T) {
    this.value = value;
  }
}

/** Per-item signals fed from `values` (read once now, then in an effect before each redraw). */
export function itemCells<T>(values: () => readonly T[]): { at(i: number): T | undefined } {
  let plain: Cell<T>[] = [];
  /** The cells themselves: a new array only when the list's length changes. */
  let cells = $state.raw<Cell<T>[]>([]);
  const sync = (vs: readonly T[]): void => {
    if (vs.length !== plain.length) {
      plain = vs.map((v) => new Cell(v));
      cells = plain;
      return;
    }
    for (let i = 0; i < vs.length; i++) (plain[i] as Cell<T>).value = vs[i] as T;
  };
  sync(untrack(values));
  $effect.pre(() => sync(values()));
  return { at: (i) => cells[i]?.value };
}
