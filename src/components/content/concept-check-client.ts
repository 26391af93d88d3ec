/**
 * Browser side of `ConceptCheck.astro`. The server renders the question, the options and a
 * <details> holding the answer and the explanations (enough without JavaScript). Here each
 * explanation moves under its option, hidden, the <details> goes away and the Check button
 * appears; Check grades the choice, shows every explanation, marks the reader's choice and
 * announces the result in the check's live region and to the page (`ka:answered`, for the
 * reader's progress). Try again clears it all.
 */
import { fill } from '../../i18n/fill';
import { announceAnswer } from '../progress/progress-store';
import { isRight } from './concept-check-answer';

/** Letters as the reader sees them: "A, C". */
const show = (letters: readonly string[], separator: string): string =>
  letters.map((l) => l.toUpperCase()).join(separator);

/** Wires one check (idempotent: a check already set up is left alone). */
function setUp(root: HTMLElement): void {
  if (root.dataset['ready'] !== undefined) return;
  const form = root.querySelector('form');
  const actions = root.querySelector<HTMLElement>('.ka-check-actions');
  const retry = root.querySelector<HTMLButtonElement>('.ka-check-retry');
  const result = root.querySelector<HTMLElement>('.ka-check-result');
  const details = root.querySelector<HTMLDetailsElement>('.ka-check-answer');
  if (!form || !actions || !retry || !result || !details) return;
  root.dataset['ready'] = '';

  const right = (root.dataset['answer'] ?? '').split(' ').filter(Boolean);
  const separator = root.dataset['separator'] ?? ', ';
  const options = [...root.querySelectorAll<HTMLElement>('.ka-check-option')];
  const inputs = options.map((o) => o.querySelector('input')).filter((i) => i !== null);

  for (const option of options) {
    const letter = option.dataset['option'] ?? '';
    const why = details.querySelector<HTMLElement>(`[data-why="${letter}"]`);
    if (!why) continue;
    // A <div> with the <li>'s attributes (its class, data-correct and the scoped-style marker).
    const holder = document.createElement('div');
    for (const { name, value } of why.attributes) {
      if (name !== 'data-why') holder.setAttribute(name, value);
    }
    holder.append(...why.childNodes);
    holder.hidden = true;
    option.append(holder);
    option.querySelector('input')?.setAttribute('aria-describedby', `${root.id}-${letter}-why`);
    holder.id = `${root.id}-${letter}-why`;
  }
  details.hidden = true;
  actions.hidden = false;

  const clear = (): void => {
    for (const option of options) {
      delete option.dataset['state'];
      delete option.dataset['chosen'];
      option.querySelector<HTMLElement>('.ka-check-why')?.toggleAttribute('hidden', true);
      option.querySelector<HTMLElement>('.ka-check-chosen')?.toggleAttribute('hidden', true);
    }
    retry.hidden = true;
    result.textContent = '';
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
    if (chosen.length === 0) {
      clear();
      result.textContent = root.dataset['msgEmpty'] ?? '';
      return;
    }
    for (const option of options) {
      const letter = option.dataset['option'] ?? '';
      option.dataset['state'] = right.includes(letter) ? 'correct' : 'incorrect';
      option.toggleAttribute('data-chosen', chosen.includes(letter));
      option.querySelector<HTMLElement>('.ka-check-why')?.toggleAttribute('hidden', false);
      option
        .querySelector<HTMLElement>('.ka-check-chosen')
        ?.toggleAttribute('hidden', !chosen.includes(letter));
    }
    const values = { answer: show(right, separator), chosen: show(chosen, separator) };
    const template = isRight(chosen, right) ? root.dataset['msgRight'] : root.dataset['msgWrong'];
    result.textContent = fill(template ?? '', values);
    root.dataset['result'] = isRight(chosen, right) ? 'right' : 'wrong';
    retry.hidden = false;
    // The table of contents records it in this browser's progress (`toc-progress.ts`).
    const id = root.dataset['conceptCheck'] || root.id;
    announceAnswer(root, { kind: 'concept-check', id, correct: isRight(chosen, right) });
  });

  retry.addEventListener('click', () => {
    clear();
    delete root.dataset['result'];
    for (const input of inputs) input.checked = false;
    inputs[0]?.focus();
  });
}

/** Sets up every concept check in `doc`. */
export function initConceptChecks(doc: Document): void {
  for (const root of doc.querySelectorAll<HTMLElement>('[data-concept-check]')) setUp(root);
}
