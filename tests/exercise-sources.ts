/**
 * The exercises of the chapters as written in the MDX (`<Exercise id ask scenario compare>`),
 * read from the sources for the tests: each one's id, ask, scenario and comparison.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plain } from '../src/components/widgets/merge';

/** One exercise as a chapter writes it. */
export interface ExerciseSource {
  readonly file: string;
  readonly id: string;
  readonly ask: string;
  readonly scenario: Plain;
  readonly compare?: Plain;
}

const CHAPTERS = join(process.cwd(), 'src/content/chapters');

/** The JavaScript expression of an MDX attribute `name={…}` (balanced braces), if present. */
function expression(tag: string, name: string): string | undefined {
  const start = tag.search(new RegExp(`\\b${name}=\\{`));
  if (start < 0) return undefined;
  let i = tag.indexOf('{', start);
  const from = i + 1;
  let depth = 0;
  for (; i < tag.length; i++) {
    if (tag[i] === '{') depth++;
    else if (tag[i] === '}' && --depth === 0) return tag.slice(from, i);
  }
  throw new Error(`unbalanced ${name} in ${tag.slice(0, 80)}`);
}

/** Evaluates an object literal written in a chapter (trusted project source). */
const evaluate = (code: string): Plain => new Function(`return (${code});`)() as Plain;

/** Every exercise in every chapter, both languages. */
export function exerciseSources(): ExerciseSource[] {
  const out: ExerciseSource[] = [];
  for (const lang of readdirSync(CHAPTERS)) {
    for (const name of readdirSync(join(CHAPTERS, lang)).filter((n) => n.endsWith('.mdx'))) {
      const file = `${lang}/${name}`;
      const text = readFileSync(join(CHAPTERS, lang, name), 'utf8');
      for (const m of text.matchAll(/<Exercise\b/g)) {
        // The opening tag ends at the first `>` outside braces.
        let depth = 0;
        let end = m.index;
        for (; end < text.length; end++) {
          const c = text[end];
          if (c === '{') depth++;
          else if (c === '}') depth--;
          else if (c === '>' && depth === 0) break;
        }
        const tag = text.slice(m.index, end);
        const id = /\bid="([^"]+)"/.exec(tag)?.[1];
        const ask = /\bask="([^"]+)"/.exec(tag)?.[1];
        const scenario = expression(tag, 'scenario');
        const compare = expression(tag, 'compare');
        if (!id || !ask || !scenario)
          throw new Error(`${file}: an Exercise without id, ask or scenario`);
        out.push({
          file,
          id,
          ask,
          scenario: evaluate(scenario),
          ...(compare ? { compare: evaluate(compare) } : {}),
        });
      }
    }
  }
  return out;
}
