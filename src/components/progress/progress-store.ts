/**
 * The reader's progress: which exercises and concept checks they have answered, per page, kept
 * in this browser's localStorage only (nothing is sent anywhere). Questions announce an answer
 * with a bubbling `ka:answered` event; `listenForAnswers` records them.
 */

/** The event a question dispatches (bubbling) when the reader has answered it. */
export const ANSWERED_EVENT = 'ka:answered';

/** What an answered question reports. */
export interface AnsweredDetail {
  readonly kind: 'exercise' | 'concept-check';
  readonly id: string;
  readonly correct: boolean;
}

/** localStorage key of the whole record. */
export const PROGRESS_KEY = 'ka-progress';

/** Version 1: `{ v: 1, pages: { "/http-1-1/": { "exercise:h11-idle-timeout": 1 } } }` (1 = right, 0 = not). */
interface Stored {
  readonly v: 1;
  readonly pages: Record<string, Record<string, 0 | 1>>;
}

const empty = (): Stored => ({ v: 1, pages: {} });

/** The key of one question on a page. */
export const questionKey = (kind: AnsweredDetail['kind'], id: string): string => `${kind}:${id}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: progress simply is not kept
  }
}

function read(): Stored {
  try {
    const raw = storage()?.getItem(PROGRESS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      (parsed as Stored).v === 1 &&
      typeof (parsed as Stored).pages === 'object'
    )
      return parsed as Stored;
  } catch {
    // a damaged record is replaced on the next answer
  }
  return empty();
}

/** The answered questions of a page: key → whether the last answer was right. */
export function pageProgress(path: string): ReadonlyMap<string, boolean> {
  const page = read().pages[path] ?? {};
  return new Map(Object.entries(page).map(([k, v]) => [k, v === 1]));
}

/** Records an answer on a page. */
export function recordAnswer(path: string, detail: AnsweredDetail): void {
  const s = read();
  const page = {
    ...(s.pages[path] ?? {}),
    [questionKey(detail.kind, detail.id)]: detail.correct ? 1 : 0,
  } as Record<string, 0 | 1>;
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify({ v: 1, pages: { ...s.pages, [path]: page } }));
  } catch {
    // storage full or disabled: nothing to do
  }
}

/** Forgets every recorded answer, on every page. */
export function resetProgress(): void {
  try {
    storage()?.removeItem(PROGRESS_KEY);
  } catch {
    // nothing stored
  }
}

/** Whether a value is an `AnsweredDetail`. */
export function isAnsweredDetail(v: unknown): v is AnsweredDetail {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return (
    (d['kind'] === 'exercise' || d['kind'] === 'concept-check') &&
    typeof d['id'] === 'string' &&
    d['id'] !== '' &&
    typeof d['correct'] === 'boolean'
  );
}

/** Dispatches `ka:answered` from a question's root (it bubbles to the document). */
export function announceAnswer(root: Element, detail: AnsweredDetail): void {
  root.dispatchEvent(new CustomEvent<AnsweredDetail>(ANSWERED_EVENT, { detail, bubbles: true }));
}
