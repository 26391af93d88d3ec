/**
 * The answer key of a concept check: which option letters exist, how the `answer` prop is read,
 * and whether a reader's choice is right. Shared by the component (build time), its client
 * script and the tests.
 */

/** The option slots a check may use, in order. */
export const OPTION_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;

/** One option slot name. */
export type OptionLetter = (typeof OPTION_LETTERS)[number];

/**
 * The right letters of `answer` ("b", "a c"), checked against the options that exist: every
 * letter must name an option, none may repeat, and a single-choice check has exactly one.
 * Throws an error naming `where` and what was received otherwise.
 */
export function parseAnswer(
  answer: string,
  options: readonly string[],
  multiple: boolean,
  where: string,
): string[] {
  const letters = answer.trim().split(/\s+/).filter(Boolean);
  if (letters.length === 0) throw new Error(`${where}: "answer" is empty`);
  for (const l of letters) {
    if (!options.includes(l)) {
      throw new Error(`${where}: answer "${l}" is not an option (options: ${options.join(', ')})`);
    }
  }
  if (new Set(letters).size !== letters.length) {
    throw new Error(`${where}: answer "${answer}" repeats a letter`);
  }
  if (!multiple && letters.length !== 1) {
    throw new Error(`${where}: a single-choice check needs one answer, got "${answer}"`);
  }
  return [...letters].sort();
}

/** True when the reader chose exactly the right options (order does not matter). */
export function isRight(chosen: readonly string[], right: readonly string[]): boolean {
  return chosen.length === right.length && right.every((l) => chosen.includes(l));
}
