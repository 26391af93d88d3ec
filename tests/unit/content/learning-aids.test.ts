/**
 * The reading aids in the chapters: every chapter, in both languages, ends with a "Key takeaways"
 * (en) / "要点" (zh) section of 3–5 bullets; every widget placed in a chapter is followed, within
 * its section and before the next widget, by a `<WhatToNotice>`; every `<Myth>` callout has its
 * three slots; the English chapters never mention Wikipedia outside a Myth callout; both languages
 * have the same number of each aid per chapter; and the page "What the Wikipedia article gets
 * wrong" links every corrected claim to a chapter section that exists.
 */
import GithubSlugger from 'github-slugger';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../src/content');
const chapters = join(root, 'chapters');
const files = readdirSync(join(chapters, 'en')).filter((f) => /^\d\d-.*\.mdx$/.test(f));
const LANGS = ['en', 'zh'] as const;
const TAKEAWAYS = { en: 'Key takeaways', zh: '要点' } as const;

const read = (lang: string, file: string): string =>
  readFileSync(join(chapters, lang, file), 'utf8');

/** The MDX body, after the frontmatter. */
const body = (text: string): string => text.split(/^---$/m).slice(2).join('---');

/** The text with every `<Myth>…</Myth>` callout removed. */
const withoutMyths = (text: string): string => text.replace(/<Myth>[\s\S]*?<\/Myth>/g, '');

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** Heading anchors of a chapter, as the site's Markdown renderer makes them. */
function anchorsOf(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  for (const m of body(text).matchAll(/^#{2,6} (.+)$/gm)) {
    anchors.add(slugger.slug((m[1] ?? '').replace(/`/g, '')));
  }
  return anchors;
}

describe.each(files)('%s', (file) => {
  it.each(LANGS)('%s ends with the takeaways heading and 3 to 5 bullets', (lang) => {
    const text = body(read(lang, file)).trimEnd();
    const headings = [...text.matchAll(/^## (.+)$/gm)];
    const last = headings.at(-1);
    expect(last?.[1]).toBe(TAKEAWAYS[lang]);
    const section = text.slice((last?.index ?? 0) + (last?.[0].length ?? 0)).trim();
    const lines = section.split('\n').filter((l) => l.trim() !== '');
    expect(lines.every((l) => l.startsWith('- '))).toBe(true);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(5);
  });

  it.each(LANGS)('%s: every widget is followed by a What to notice', (lang) => {
    const text = body(read(lang, file));
    const widgets = [...text.matchAll(/^<Widget\b/gm)];
    for (const w of widgets) {
      const after = text.slice((w.index ?? 0) + 1);
      const next = after.search(/^(<Widget\b|## )/m);
      const span = next === -1 ? after : after.slice(0, next);
      expect(span, `widget at offset ${w.index} in ${lang}/${file}`).toMatch(
        /<WhatToNotice>[\s\S]+?<\/WhatToNotice>/,
      );
    }
    expect(count(text, /<WhatToNotice>/g)).toBe(widgets.length);
  });

  it.each(LANGS)('%s: every Myth callout has a myth, a fact and a source', (lang) => {
    const myths = body(read(lang, file)).match(/<Myth>[\s\S]*?<\/Myth>/g) ?? [];
    for (const m of myths) {
      for (const slot of ['myth', 'fact', 'source']) {
        expect(m).toMatch(new RegExp(`<Fragment slot="${slot}">[^<]*\\S[\\s\\S]*?</Fragment>`));
      }
    }
  });

  it('has the same number of takeaways, notices and myths in both languages', () => {
    const en = body(read('en', file));
    const zh = body(read('zh', file));
    for (const re of [/<WhatToNotice>/g, /<Myth>/g, /^- /gm]) {
      const tail = (t: string): string => t.slice(t.lastIndexOf('\n## '));
      const pick = re.source === '^- ' ? tail : (t: string): string => t;
      expect(count(pick(zh), re), `${re.source} in ${file}`).toBe(count(pick(en), re));
    }
  });

  it('English: no mention of Wikipedia outside Myth callouts', () => {
    expect(withoutMyths(body(read('en', file)))).not.toMatch(/wikipedia/i);
  });
});

describe('the Wikipedia corrections page', () => {
  const chapterText = new Map(
    LANGS.flatMap((lang) =>
      files.map((f) => [`${lang}/${f.replace(/^\d\d-/, '').replace(/\.mdx$/, '')}`, read(lang, f)]),
    ),
  );

  it.each(LANGS)('%s: every claim links to a chapter section that exists', (lang) => {
    const text = readFileSync(join(root, 'pages', lang, 'wikipedia.mdx'), 'utf8');
    const claims = [...body(text).matchAll(/^### .+$/gm)];
    expect(claims.length).toBeGreaterThanOrEqual(15);
    const prefix = lang === 'zh' ? '/zh/' : '/';
    const links = [...body(text).matchAll(/\]\((\/[^)#]*)#([^)]+)\)/g)];
    expect(links.length).toBe(claims.length);
    for (const [, path, anchor] of links) {
      expect(path?.startsWith(prefix)).toBe(true);
      const slug = (path ?? '').slice(prefix.length).replace(/\/$/, '');
      const chapter = chapterText.get(`${lang}/${slug}`);
      expect(chapter, `chapter ${path}`).toBeDefined();
      expect(anchorsOf(chapter ?? '').has(anchor ?? ''), `${path}#${anchor}`).toBe(true);
    }
  });
});
