/** The setup every widget repeats: its props, parameters, simulation runs and playback. */
import type { Lang } from '../../i18n';
import type { SimResult } from '../../sim';
import { ParamState } from '../controls/param-state.svelte';
import { withDefaults, type ParamSchema, type ParamValues } from '../controls/params';
import { Playback, setPlayback, timelineOf } from '../controls/playback.svelte';
import { Simulations } from './simulations.svelte';

/** Props of a widget whose parameter values are `V`. */
export interface WidgetProps<V> {
  lang: Lang;
  /** Instance id: URL namespace (`<id>.rtt=…`) and element id. */
  id?: string;
  /** Starting values set by the page (the URL still overrides them). */
  initial?: Partial<V>;
}

/** A widget's parameters (starting values applied) and simulation runs, both named by `id`. */
export function widgetState<S extends ParamSchema>(
  schema: S,
  id: string,
  initial: Partial<ParamValues<S>> | undefined,
): { params: ParamState<S>; sims: Simulations } {
  const sims = new Simulations(id);
  // Called while the widget initialises: the worker stops when the widget goes.
  $effect(() => () => sims.destroy());
  return { params: new ParamState(withDefaults(schema, initial), id), sims };
}

/** The widget's playback over the traces of `results()`, until `end(results)` (call during init). */
export function widgetPlayback(
  results: () => readonly SimResult[],
  end: (results: readonly SimResult[]) => number,
): Playback {
  return setPlayback(
    new Playback(() => {
      const rs = results();
      return timelineOf(
        rs.map((r) => r.trace),
        end(rs),
      );
    }),
  );
}
