/**
 * One mount per task (issue 14: a widget's first mount took one task of 100 to 200 ms on an
 * embed page, the whole of its Lighthouse blocking time): `Staged.svelte` asks for its turn here,
 * and the turns are given in the order asked, each in a task of its own, so that input and
 * painting get theirs between them.
 */
const waiting: (() => void)[] = [];
let scheduled = false;

function next(): void {
  scheduled = false;
  const turn = waiting.shift();
  if (turn === undefined) return;
  if (waiting.length > 0) schedule();
  turn();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(next, 0);
}

/** Calls `turn` in a task of its own, after those asked for before; returns a cancel. */
export function stage(turn: () => void): () => void {
  waiting.push(turn);
  schedule();
  return () => {
    const i = waiting.indexOf(turn);
    if (i >= 0) waiting.splice(i, 1);
  };
}
