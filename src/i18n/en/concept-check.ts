/** English strings of the concept checks (`ConceptCheck.astro`): multiple-choice questions on misconceptions. */
export const conceptCheck = {
  /** Label above the question. */
  heading: 'Concept check',
  /** Hint under the question for a single-choice check. */
  single: 'Choose one answer.',
  /** Hint under the question for a multiple-choice check. */
  multiple: 'Choose every answer that applies.',
  check: 'Check',
  retry: 'Try again',
  /** Summary of the disclosure that holds the answer (and, without JavaScript, the explanations). */
  reveal: 'Show the answer and the explanations',
  /** `{answer}`: the letters of the right options. */
  answer: 'Answer: {answer}.',
  /** Verdict in front of an option's explanation. */
  correct: 'Right.',
  incorrect: 'Wrong.',
  /** Tag on the option(s) the reader picked. */
  chosen: 'Your choice',
  /** Announced when the reader presses Check with nothing picked. */
  empty: 'Choose an answer first.',
  /** Announced after a right answer. */
  right: 'Right: {answer}. Each option now shows why it is right or wrong.',
  /** Announced after a wrong answer; `{chosen}`: what the reader picked. */
  wrong:
    'Not quite: you chose {chosen}, the answer is {answer}. Each option now shows why it is right or wrong.',
  /** Joins option letters: “A, C”. */
  separator: ', ',
};
