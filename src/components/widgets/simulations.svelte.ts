/**
 * The simulation, loaded when a reader first changes a scenario. A widget's first picture is the
 * one the build rendered, so the browser does not need the simulator to show it: the server
 * writes the results it computed into the widget as JSON (`Simulations.script()`), hydration
 * reads them back, and `src/sim/simulate` is imported on the first run the page does not hold
 * (or when the reader reaches for the controls). This keeps about 14 KB gzip of simulation code
 * out of what a page loads up front (DESIGN.md "Budgets").
 */
import type { ScenarioInput } from '../../sim/scenario';
import type { SimResult, SimulateOptions } from '../../sim/simulate';

/** `simulate` from `src/sim/simulate`, as provided or loaded. */
export type Simulate = (input: ScenarioInput, options?: SimulateOptions) => SimResult;

const ATTR = 'data-ka-sim';

/** The simulator once provided (server) or loaded (browser); reading it is reactive. */
let engine = $state.raw<Simulate>();
let loading: Promise<void> | undefined;

/** Server side: gives widgets the simulator for the build (Widget.astro, WidgetGallery.astro). */
export function provideSimulate(simulate: Simulate): void {
  engine = simulate;
}

/** The simulator provided for the build (server rendering), if any. */
export function providedSimulate(): Simulate | undefined {
  return engine;
}

/** Loads the simulator (once); widgets re-run their scenarios when it arrives. */
export function loadSimulation(): Promise<void> {
  loading ??= import('../../sim/simulate').then((m) => {
    engine = m.simulate;
  });
  return loading;
}

/** One widget's simulation runs: the results the page holds, then the simulator. */
export class Simulations {
  readonly #id: string;
  readonly #server = typeof document === 'undefined';
  /** Results by scenario (`JSON.stringify` of the input): recorded on the server, read in the browser. */
  // Plain maps on purpose: caches, never read for reactivity (`engine` is the reactive input).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #known = new Map<string, SimResult>();
  /** The last result of each run, shown while the simulator loads. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #last = new Map<string, SimResult>();
  readonly #html: string = '';

  constructor(id: string) {
    this.#id = id;
    if (this.#server) return;
    const script = document.querySelector(`script[${ATTR}="${CSS.escape(id)}"]`);
    if (!script) return;
    this.#html = script.outerHTML;
    for (const [key, result] of JSON.parse(script.textContent ?? '[]') as [string, SimResult][])
      this.#known.set(key, result);
  }

  /**
   * The result of `input` for the run named `run` ("result", "http10"…). Before the simulator
   * has loaded, a scenario the page does not hold returns the run's last result and starts the
   * load; the caller's `$derived` runs again when it arrives.
   */
  run(run: string, input: ScenarioInput): SimResult {
    const key = JSON.stringify(input);
    const simulate = engine;
    let result = this.#known.get(key);
    if (this.#server) {
      if (!simulate)
        throw new Error(
          'Widgets render on the server through Widget.astro, which provides the simulator',
        );
      result ??= simulate(input);
      this.#known.set(key, result);
    } else if (!result) {
      if (simulate) result = simulate(input);
      else {
        void loadSimulation();
        result = this.#last.get(run);
        if (!result) {
          throw new Error(
            `Widget "${this.#id}" has no result for run "${run}" in the page and the simulator has not loaded`,
          );
        }
      }
    }
    this.#last.set(run, result);
    return result;
  }

  /**
   * The results as a JSON script for the page: on the server, those computed while rendering
   * (render it after everything that runs a scenario); in the browser, the same markup read from
   * the page, so hydration keeps it as it is.
   */
  script(): string {
    if (!this.#server) return this.#html;
    // `<` is escaped so the JSON can never close its script element.
    const json = JSON.stringify([...this.#known]).replace(/</g, '\\u003c');
    return `<script type="application/json" ${ATTR}="${this.#id}">${json}</script>`;
  }
}
