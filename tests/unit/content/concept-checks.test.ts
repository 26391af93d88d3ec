/**
 * Concept checks in the chapters: chapters 1–9 carry at least three `<ConceptCheck>` each in
 * both languages; the English and Chinese files have the same checks in the same order, with the
 * same ids, right answers and kind (single or multiple choice); every check has a question and
 * options with an explanation each, and every explanation cites a section of the chapter or one
 * of its sources through a link that resolves.
 */
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_LETTERS, parseAnswer } from '../../../src/components/content/concept-check-answer';

const chapters = join(import.meta.dirname, '../../../src/content/chapters');
const files = readdirSync(join(chapters, 'en')).filter((f) => /^0[1-9]-.*\.mdx$/.test(f));

/** One `<ConceptCheck>` as written in a chapter. */
interface Check {
  readonly id: string;
  readonly answer: readonly string[];
  readonly multiple: boolean;
  /** Slot name → its content (`question`, `a`, `why-a`…). */
  readonly slots: ReadonlyMap<string, string>;
}

const read = (lang: string, file: string): string =>
  readFileSync(join(chapters, lang, file), 'utf8');

/** Every concept check in an MDX text, in order. */
function checksIn(text: string): Check[] {
  const blocks = text.match(/<ConceptCheck\b[^>]*>[\s\S]*?<\/ConceptCheck>/g) ?? [];
  return blocks.map((block) => {
    const open = /^<ConceptCheck\b([^>]*)>/.exec(block)?.[1] ?? '';
    const id = /\bid="([^"]+)"/.exec(open)?.[1] ?? '';
    const multiple = /\bmultiple\b/.test(open);
    const answerText = /\banswer="([^"]+)"/.exec(open)?.[1] ?? '';
    const slots = new Map<string, string>();
    for (const m of block.matchAll(/<Fragment slot="([^"]+)">([\s\S]*?)<\/Fragment>/g)) {
      slots.set(m[1] ?? '', m[2] ?? '');
    }
    const options = OPTION_LETTERS.filter((l) => slots.has(l));
    return { id, multiple, slots, answer: parseAnswer(answerText, options, multiple, id) };
  });
}

/** Anchors a link inside the chapter may point at: its headings' ids and its sources' `ref-` ids. */
function anchorsOf(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const m of text.matchAll(/^#{2,6} (.+)$/gm)) {
    anchors.add(slugger.slug((m[1] ?? '').replace(/`/g, '')));
  }
  const frontmatter = text.split(/^---$/m)[1] ?? '';
  for (const m of frontmatter.matchAll(/^\s+- id: (\S+)$/gm)) anchors.add(`ref-${m[1] ?? ''}`);
  return anchors;
}

describe.each(files)('%s', (file) => {
  const en = read('en', file);
  const zh = read('zh', file);
  const enChecks = checksIn(en);
  const zhChecks = checksIn(zh);

  it('has at least three concept checks in each language', () => {
    expect(enChecks.length).toBeGreaterThanOrEqual(3);
    expect(zhChecks.length).toBeGreaterThanOrEqual(3);
  });

  it('has the same checks in English and Chinese: ids, right options and kind', () => {
    const shape = (c: Check) => ({ id: c.id, answer: c.answer, multiple: c.multiple });
    expect(zhChecks.map(shape)).toEqual(enChecks.map(shape));
    expect(zhChecks.map((c) => [...c.slots.keys()])).toEqual(
      enChecks.map((c) => [...c.slots.keys()]),
    );
  });

  for (const [lang, text, checks] of [
    ['en', en, enChecks],
    ['zh', zh, zhChecks],
  ] as const) {
    it(`(${lang}) gives every option an explanation that cites a section or a source`, () => {
      const anchors = anchorsOf(text);
      for (const check of checks) {
        expect(check.slots.get('question')?.trim(), `${check.id}: question`).toBeTruthy();
        const options = OPTION_LETTERS.filter((l) => check.slots.has(l));
        expect(options.length, `${check.id}: options`).toBeGreaterThanOrEqual(2);
        for (const letter of options) {
          const why = check.slots.get(`why-${letter}`) ?? '';
          const links = [...why.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] ?? '');
          expect(links.length, `${check.id}: why-${letter} cites nothing`).toBeGreaterThan(0);
          for (const link of links) {
            expect(anchors.has(link), `${check.id}: why-${letter} links to missing #${link}`).toBe(
              true,
            );
          }
        }
      }
    });
  }
});

describe('the concept checks of the whole book', () => {
  it('have ids unique across chapters, so a check can be linked to and tracked', () => {
    const ids = files.flatMap((f) => checksIn(read('en', f)).map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
