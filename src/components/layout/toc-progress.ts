/**
 * Progress marks in the table of contents (`Toc.astro`): each question on the page belongs to
 * the last listed heading before it; each heading with questions shows how many are answered.
 * Answers arrive as `ka:answered` events and are kept in this browser (`progress-store.ts`).
 */
import {
  ANSWERED_EVENT,
  isAnsweredDetail,
  pageProgress,
  questionKey,
  recordAnswer,
  resetProgress,
} from '../progress/progress-store';

/** The progress key of a question root, or undefined when it has no id. */
function keyOf(el: HTMLElement): string | undefined {
  if (el.hasAttribute('data-exercise')) {
    const id = el.dataset['exercise'] || el.id;
    return id ? questionKey('exercise', id) : undefined;
  }
  const id = el.dataset['conceptCheck'] || el.id;
  return id ? questionKey('concept-check', id) : undefined;
}

/** Wires the progress marks of the page's table of contents. */
export function setupTocProgress(): void {
  const toc = document.querySelector<HTMLElement>('[data-toc]');
  if (!toc || toc.dataset['progressReady'] === '1') return;
  toc.dataset['progressReady'] = '1';
  const marks = new Map(
    [...toc.querySelectorAll<HTMLElement>('[data-progress-for]')].map((m) => [
      m.dataset['progressFor'] ?? '',
      m,
    ]),
  );
  const headings = [...marks.keys()]
    .map((slug) => document.getElementById(slug))
    .filter((h): h is HTMLElement => h !== null);
  const questions = [
    ...document.querySelectorAll<HTMLElement>('[data-exercise], [data-concept-check]'),
  ];
  // Section of each question: the last listed heading that precedes it in the document.
  const bySection = new Map<string, string[]>();
  for (const q of questions) {
    const key = keyOf(q);
    if (!key) continue;
    let section: string | undefined;
    for (const h of headings)
      if (h.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING) section = h.id;
    if (section === undefined) continue;
    bySection.set(section, [...(bySection.get(section) ?? []), key]);
  }
  const tools = toc.querySelector<HTMLElement>('[data-progress-tools]');
  const status = toc.querySelector<HTMLElement>('[data-progress-status]');
  const template = toc.dataset['answered'] ?? '{done}/{total}';
  const path = window.location.pathname;

  const all = [...bySection.values()].flat();
  // Marks and tools appear once the reader has answered a question on this page: a first
  // visit's table of contents keeps the height it was drawn with, so nothing below it moves.
  const render = (): void => {
    const done = pageProgress(path);
    const started = all.some((k) => done.has(k));
    if (tools) tools.hidden = !started;
    for (const [slug, mark] of marks) {
      const keys = bySection.get(slug) ?? [];
      if (keys.length === 0) continue;
      const answered = keys.filter((k) => done.has(k)).length;
      mark.hidden = !started;
      mark.dataset['answered'] = String(answered);
      mark.dataset['total'] = String(keys.length);
      mark.classList.toggle('complete', answered === keys.length);
      mark.textContent = `${answered === keys.length ? '✓ ' : ''}${template.replace('{done}', String(answered)).replace('{total}', String(keys.length))}`;
    }
  };

  if (bySection.size === 0) return;
  render();
  document.addEventListener(ANSWERED_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (!isAnsweredDetail(detail)) return;
    recordAnswer(path, detail);
    render();
  });
  toc.querySelector('[data-progress-reset]')?.addEventListener('click', () => {
    resetProgress();
    render();
    if (status) status.textContent = toc.dataset['cleared'] ?? '';
  });
}
