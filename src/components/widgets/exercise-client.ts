/**
 * The page side of "predict, then play" (`Exercise.astro`): the reader enters a prediction,
 * the answer opens only after it is checked, and the feedback sets it beside the simulated
 * value with the stated tolerance. "New numbers" draws a seeded variation (kept in the URL as
 * `?ex-<id>=<seed>`), loads the simulation on first use and computes the answer in the browser.
 * Every answer is announced with `ka:answered` and recorded in this browser's progress.
 */
import { announceAnswer, recordAnswer } from '../progress/progress-store';
import { drawScenario, nextSeed, parseSeed, seedKey, type DrawRange } from './exercise-draw';
import { metricOf, withinTolerance } from './exercise-metric';
import { playgroundQuery } from './exercise-playground';
import {
  answerSegments,
  drawnSentence,
  fill,
  feedbackLine,
  toleranceSentence,
  type Checked,
  type ExerciseStrings,
} from './exercise-text';
import { mergeScenario, type Plain } from './merge';
import type { SimResult } from '../../sim/simulate';
import type { ScenarioInput } from '../../sim/scenario';

/**
 * The simulation worker's client, loaded on the first "New numbers": a page with exercises loads
 * none of the widgets' code until the reader asks for a drawn problem (or a widget comes on
 * screen).
 */
async function simulateLater(scenario: ScenarioInput): Promise<SimResult> {
  const { simulateOffThread } = await import('../sim-worker/client');
  return simulateOffThread(scenario);
}

/** The numbers an exercise is currently about. */
interface Numbers {
  readonly seed: number | undefined;
  readonly scenario: Plain;
  readonly expected: Promise<readonly number[]>;
}

const json = <T>(text: string | undefined, fallback: T): T => {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

const rttOf = (scenario: Plain): number => {
  const n = (scenario['network'] as Plain | undefined)?.['rttMs'];
  return typeof n === 'number' ? n : 100;
};

/** Wires one exercise root. */
function setup(root: HTMLElement): void {
  const id = root.dataset['exercise'] ?? '';
  const s = json<ExerciseStrings | undefined>(root.dataset['strings'], undefined);
  const base = json<Plain>(root.dataset['scenario'], {});
  const compare = json<Plain | undefined>(root.dataset['compare'], undefined);
  const builtExpected = json<number[]>(root.dataset['expected'], []);
  const ranges = json<DrawRange[]>(root.dataset['draws'], []);
  const playground = root.dataset['playground'];
  const form = root.querySelector<HTMLFormElement>('[data-predict]');
  const feedback = root.querySelector<HTMLElement>('[data-feedback]');
  const reveal = root.querySelector<HTMLDetailsElement>('[data-reveal]');
  const answerLine = root.querySelector<HTMLElement>('[data-answer-line]');
  const drawnLine = root.querySelector<HTMLElement>('[data-drawn]');
  const toleranceLine = root.querySelector<HTMLElement>('[data-tolerance]');
  const explainNote = root.querySelector<HTMLElement>('[data-explain-note]');
  const tools = root.querySelector<HTMLElement>('[data-tools]');
  const again = root.querySelector<HTMLButtonElement>('[data-new-numbers]');
  const original = root.querySelector<HTMLButtonElement>('[data-original]');
  const links = [...root.querySelectorAll<HTMLAnchorElement>('[data-open]')];
  if (!s || !form || !feedback || !reveal || !answerLine || builtExpected.length === 0) return;

  const inputs = [...form.querySelectorAll<HTMLInputElement>('input')];
  let current: Numbers = {
    seed: undefined,
    scenario: base,
    expected: Promise.resolve(builtExpected),
  };
  let generation = 0;

  // Before a prediction nothing is revealed: the answer's disclosure waits for the check.
  form.hidden = false;
  reveal.hidden = true;
  reveal.open = false;
  if (tools && ranges.length > 0) tools.hidden = false;

  const scenarios = (scenario: Plain): Plain[] =>
    compare ? [scenario, mergeScenario(scenario, compare)] : [scenario];

  const showAnswer = (values: readonly number[]): void => {
    const parts = answerSegments(s, values[0] ?? 0, values[1]);
    answerLine.replaceChildren(
      ...parts.map((p) => {
        if (typeof p === 'string') return p;
        const strong = document.createElement('strong');
        strong.textContent = p.text;
        strong.setAttribute(p.slot === 'a' ? 'data-answer' : 'data-answer-compare', '');
        return strong;
      }),
    );
  };

  const showLinks = (scenario: Plain): void => {
    if (!playground) return;
    const [ns, path] = [root.dataset['playgroundNs'] ?? 'playground', playground];
    scenarios(scenario).forEach((sc, i) => {
      const link = links[i];
      const query = playgroundQuery(sc, ns);
      if (!link) return;
      link.hidden = query === undefined;
      if (query) link.href = `${path}${query}#ka-${ns}`;
    });
  };

  const resetFeedback = (): void => {
    feedback.replaceChildren();
    reveal.hidden = true;
    reveal.open = false;
  };

  const writeSeed = (seed: number | undefined): void => {
    const url = new URL(window.location.href);
    if (seed === undefined) url.searchParams.delete(seedKey(id));
    else url.searchParams.set(seedKey(id), String(seed));
    window.history.replaceState(window.history.state, '', url);
  };

  /** Moves the exercise to a seed's numbers (undefined: the question's own). */
  const useSeed = (seed: number | undefined): void => {
    const mine = ++generation;
    resetFeedback();
    if (toleranceLine) toleranceLine.textContent = toleranceSentence(s, rttOf(base));
    if (seed === undefined) {
      current = { seed, scenario: base, expected: Promise.resolve(builtExpected) };
      if (drawnLine) {
        drawnLine.hidden = true;
        drawnLine.textContent = '';
      }
      if (explainNote) explainNote.hidden = true;
      if (original) original.hidden = true;
      showAnswer(builtExpected);
      showLinks(base);
      return;
    }
    const drawn = drawScenario(ranges, base, seed);
    const expected = Promise.all(
      scenarios(drawn.scenario).map(async (sc) => metricOf(await simulateLater(sc), s.ask)),
    );
    current = { seed, scenario: drawn.scenario, expected };
    if (drawnLine) {
      drawnLine.hidden = false;
      drawnLine.textContent = drawnSentence(s, seed, drawn.values);
    }
    if (toleranceLine) toleranceLine.textContent = toleranceSentence(s, rttOf(drawn.scenario));
    if (explainNote) {
      explainNote.hidden = false;
      explainNote.textContent = fill(s.explainNote, { seed });
    }
    if (original) original.hidden = false;
    answerLine.textContent = s.computing;
    showLinks(drawn.scenario);
    expected.then(
      (values) => {
        if (mine === generation) showAnswer(values);
      },
      () => {
        if (mine === generation) answerLine.textContent = s.failed;
      },
    );
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const predicted = inputs.map((i) => (i.value.trim() === '' ? NaN : Number(i.value)));
    if (predicted.some((n) => !Number.isFinite(n))) {
      feedback.textContent = s.invalid;
      return;
    }
    const mine = generation;
    const numbers = current;
    feedback.textContent = s.computing;
    numbers.expected.then(
      (expected) => {
        if (mine !== generation) return;
        const all = scenarios(numbers.scenario);
        const checked: Checked[] = predicted.map((p, i) => {
          const e = expected[i] ?? NaN;
          const rttMs = rttOf(all[i] ?? numbers.scenario);
          return {
            label: i === 0 ? s.asDescribed : s.withChange,
            predicted: p,
            expected: e,
            rttMs,
            right: withinTolerance(s.ask, p, e, rttMs),
          };
        });
        const correct = checked.every((c) => c.right);
        const verdict = document.createElement('p');
        verdict.className = correct ? 'verdict right' : 'verdict wrong';
        verdict.setAttribute('data-verdict', correct ? 'right' : 'wrong');
        verdict.textContent = correct ? s.allRight : s.someWrong;
        const lines = checked.map((c) => {
          const p = document.createElement('p');
          p.setAttribute('data-check', c.right ? 'right' : 'wrong');
          p.textContent = feedbackLine(s, c);
          return p;
        });
        feedback.replaceChildren(verdict, ...lines);
        reveal.hidden = false;
        reveal.open = true;
        const path = window.location.pathname;
        recordAnswer(path, { kind: 'exercise', id, correct });
        announceAnswer(root, { kind: 'exercise', id, correct });
      },
      () => {
        if (mine === generation) feedback.textContent = s.failed;
      },
    );
  });

  const clearInputs = (): void => {
    for (const input of inputs) input.value = '';
  };
  again?.addEventListener('click', () => {
    const seed = nextSeed(current.seed);
    clearInputs();
    writeSeed(seed);
    useSeed(seed);
    inputs[0]?.focus();
  });
  original?.addEventListener('click', () => {
    clearInputs();
    writeSeed(undefined);
    useSeed(undefined);
    again?.focus();
  });

  const fromUrl =
    ranges.length > 0
      ? parseSeed(new URL(window.location.href).searchParams.get(seedKey(id)))
      : undefined;
  useSeed(fromUrl);
}

/** Wires every exercise on the page (once each). */
export function setupExercises(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-exercise]')) {
    if (root.dataset['ready'] === '1') continue;
    root.dataset['ready'] = '1';
    setup(root);
  }
}
