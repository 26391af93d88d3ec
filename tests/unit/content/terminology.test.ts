/**
 * The Chinese content uses one term per concept, as the terminology table on `/zh/glossary/`
 * records: a rejected variant in a zh chapter, a zh page or the zh UI strings fails, naming the
 * file, the line, the variant and the term to write instead. Exempt: the titles of cited works in
 * the frontmatter (a work keeps its own wording) and the glossary's table itself, which lists the
 * rejected variants between `terminology-table:start` and `terminology-table:end` comments.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');

/** A variant the Chinese text must not use, and the term it stands for. */
interface Rule {
  readonly variant: string;
  readonly use: string;
}

/** Rejected everywhere in Chinese: chapters, pages and UI strings. */
const EVERYWHERE: readonly Rule[] = [
  { variant: '头部', use: '首部（首部字段）' },
  { variant: '请求头', use: '请求首部字段' },
  { variant: '响应头', use: '响应首部字段' },
  { variant: '分组', use: '数据包（表示 group 时写“分成几组”“归为一组”）' },
  { variant: '消息体', use: '报文主体' },
  { variant: '报文体', use: '报文主体' },
  { variant: '实体正文', use: '报文主体' },
  { variant: '正文', use: '报文主体（指页面主要内容时另行改写）' },
  { variant: '复位', use: '重置' },
  { variant: '体面地关闭', use: '优雅关闭' },
  { variant: '平滑关闭', use: '优雅关闭' },
  { variant: '梯形图', use: '时序图' },
  { variant: '演练场', use: '实验场' },
  { variant: '游乐场', use: '实验场' },
  { variant: '空闲后慢启动重启', use: '空闲后重新慢启动' },
  { variant: '组件', use: '图解（交互图解）' },
  { variant: '伺服器', use: '服务器' },
  { variant: '網路', use: '网络' },
  { variant: '封包', use: '数据包' },
  { variant: '連線', use: '连接' },
  { variant: '執行緒', use: '线程' },
];

/** Rejected only in the UI strings, where widgets write `ms` (the chapters' prose writes 毫秒). */
const UI_ONLY: readonly Rule[] = [{ variant: '毫秒', use: 'ms' }];

const TABLE_START = 'terminology-table:start';
const TABLE_END = 'terminology-table:end';

/**
 * Every rejected variant in `text`, as `name:line: “variant” → use`. A variant found inside a
 * longer one at the same place (正文 in 实体正文) is reported once, as the longer one. In MDX,
 * indented `title:` lines of the frontmatter (cited works) and the lines between the table
 * markers are skipped; in TypeScript, comment lines are.
 */
function findRejected(name: string, text: string, rules: readonly Rule[]): string[] {
  const byLength = [...rules].sort((a, b) => b.variant.length - a.variant.length);
  const isMdx = name.endsWith('.mdx');
  const lines = text.split('\n');
  const hits: string[] = [];
  let inFrontmatter = isMdx && lines[0]?.trim() === '---';
  let inTable = false;
  lines.forEach((line, i) => {
    if (isMdx && i > 0 && inFrontmatter && line.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    if (line.includes(TABLE_START)) inTable = true;
    const skip =
      inTable ||
      (inFrontmatter && /^\s+title:/.test(line)) ||
      (!isMdx && /^\s*(\/\/|\/\*|\*)/.test(line));
    if (line.includes(TABLE_END)) inTable = false;
    if (skip) return;
    const taken: [number, number][] = [];
    for (const { variant, use } of byLength) {
      for (let at = line.indexOf(variant); at !== -1; at = line.indexOf(variant, at + 1)) {
        const end = at + variant.length;
        if (taken.some(([s, e]) => at >= s && end <= e)) continue;
        taken.push([at, end]);
        hits.push(`${name}:${i + 1}: “${variant}” → ${use}`);
      }
    }
  });
  return hits;
}

function filesIn(dir: string, ext: string): { name: string; text: string }[] {
  return readdirSync(join(repo, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => {
      const path = join(repo, dir, f);
      return { name: relative(repo, path), text: readFileSync(path, 'utf8') };
    });
}

const content = [
  ...filesIn('src/content/chapters/zh', '.mdx'),
  ...filesIn('src/content/pages/zh', '.mdx'),
];
const uiStrings = [
  ...filesIn('src/i18n/zh', '.ts'),
  { name: 'src/i18n/zh.ts', text: readFileSync(join(repo, 'src/i18n/zh.ts'), 'utf8') },
];

describe('Chinese terminology', () => {
  it.each(content.map((f) => [f.name, f.text] as const))(
    '%s uses the chosen terms',
    (name, text) => {
      expect(findRejected(name, text, EVERYWHERE)).toEqual([]);
    },
  );

  it.each(uiStrings.map((f) => [f.name, f.text] as const))(
    '%s uses the chosen terms and ms',
    (name, text) => {
      expect(findRejected(name, text, [...EVERYWHERE, ...UI_ONLY])).toEqual([]);
    },
  );

  it('reads every zh chapter, both zh pages and the zh UI dictionaries', () => {
    expect(content.filter((f) => f.name.includes('/chapters/zh/')).length).toBe(10);
    expect(content.map((f) => f.name)).toContain('src/content/pages/zh/glossary.mdx');
    expect(uiStrings.map((f) => f.name)).toContain('src/i18n/zh/widgets.ts');
  });

  it('the glossary keeps its terminology table between the markers', () => {
    const glossary = content.find((f) => f.name === 'src/content/pages/zh/glossary.mdx');
    const text = glossary?.text ?? '';
    expect(text.indexOf(TABLE_START)).toBeGreaterThan(-1);
    expect(text.indexOf(TABLE_END)).toBeGreaterThan(text.indexOf(TABLE_START));
  });
});

describe('findRejected', () => {
  it('names the file, line, variant and chosen term of a planted variant', () => {
    const text = '---\ntitle: 第 3 章\n---\n\n服务器在响应里带上 Connection 头部。\n';
    expect(findRejected('zh/03.mdx', text, EVERYWHERE)).toEqual([
      'zh/03.mdx:5: “头部” → 首部（首部字段）',
    ]);
  });

  it('reports a variant inside a longer one once, as the longer one', () => {
    expect(findRejected('a.mdx', '实体正文和正文', EVERYWHERE)).toEqual([
      'a.mdx:1: “实体正文” → 报文主体',
      'a.mdx:1: “正文” → 报文主体（指页面主要内容时另行改写）',
    ]);
  });

  it('skips cited works’ titles but not the page’s own title or summary', () => {
    const text = [
      '---',
      'title: 梯形图',
      'summary: 复位',
      'sources:',
      '  - id: x',
      "    title: '某书：TCP 复位与分组'",
      '---',
      '',
    ].join('\n');
    expect(findRejected('p.mdx', text, EVERYWHERE)).toEqual([
      'p.mdx:2: “梯形图” → 时序图',
      'p.mdx:3: “复位” → 重置',
    ]);
  });

  it('skips the terminology table between its markers, and only there', () => {
    const text = [
      '{/* terminology-table:start */}',
      '| header | 首部 | 头部 |',
      '{/* terminology-table:end */}',
      '一个头部',
    ].join('\n');
    expect(findRejected('g.mdx', text, EVERYWHERE)).toEqual(['g.mdx:4: “头部” → 首部（首部字段）']);
  });

  it('flags 毫秒 in UI strings only, and not in comments', () => {
    const ts = "/** 毫秒 */\n  timeValue: '{t} 毫秒',\n";
    expect(findRejected('zh/widgets.ts', ts, [...EVERYWHERE, ...UI_ONLY])).toEqual([
      'zh/widgets.ts:2: “毫秒” → ms',
    ]);
    expect(findRejected('zh/01.mdx', '等了 40 毫秒', EVERYWHERE)).toEqual([]);
  });
});
