/**
 * Hostile query strings against every embed page (every widget, both languages): random text,
 * huge, negative and non-finite numbers, repeated keys, script and HTML payloads, 10 kB values
 * and Unicode, for the widget's own keys, unknown keys, `theme` and `embedId`. Each page must
 * load without a page error or console error, insert no markup from the URL, and list in its
 * notice exactly the keys it corrected. The cases come from a seeded generator (mulberry32), so
 * every run sends the same URLs; the counts are printed for the record.
 */
import { expect, test, type Page } from '@playwright/test';
import type { ParamSchema, ParamSpec } from '../../src/components/controls/params';
import { widgetNames } from '../../src/components/widgets/registry';
import { widgetParams } from '../../src/components/widgets/schemas';

const SEED = 0x6b61; // "ka"
const CASES_PER_PAGE = 4;
const langs = ['en', 'zh'] as const;

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Text that would run or render if it ever reached the DOM as HTML or a URL. */
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '"><svg onload=window.__pwned=1>',
  "'><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  '</textarea><script>window.__pwned=1</script>',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
];
const NUMBERS = [
  '99999999999999999999',
  '1e308',
  '1e400',
  '-1',
  '-1e9',
  '0',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1_000',
  '200ms',
  ' 200 ',
  '.5',
  '5.',
  '+7',
  '',
  '١٢٣',
  '２００',
];
const UNICODE = ['二百', '🙂🙂', '\u202egnp.exe', 'a\u200bb', 'ｒｔｔ', 'Ω≈ç√', '\u0000'];
const KEYS = ['__proto__', 'constructor', 'toString', 'RTT', 'rtt ', 'race.rtt', 'x[]', '<b>k</b>'];
const ALPHABET = 'abcXYZ019 <>"\'&=%#+;:/\\?[]{}()!~`é中🙂';

/** One hostile value drawn from the categories. */
function hostileValue(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  switch (Math.floor(r() * 5)) {
    case 0:
      return pick(PAYLOADS);
    case 1:
      return pick(NUMBERS);
    case 2:
      return pick(UNICODE);
    case 3: {
      let s = '';
      const n = 1 + Math.floor(r() * 12);
      for (let i = 0; i < n; i++) s += [...ALPHABET][Math.floor(r() * [...ALPHABET].length)];
      return s;
    }
    default:
      return String(Math.round((r() - 0.3) * 10 ** Math.floor(r() * 7)));
  }
}

/** A valid value for a parameter (some keys get a good value, to mix with bad ones). */
function validValue(p: ParamSpec, r: () => number): string {
  if (p.type === 'boolean') return r() < 0.5 ? '1' : 'false';
  if (p.type === 'enum') return p.options[Math.floor(r() * p.options.length)] ?? p.default;
  const steps = Math.floor((p.max - p.min) / p.step);
  return String(Number((p.min + Math.floor(r() * (steps + 1)) * p.step).toFixed(6)));
}

/** The hostile query strings for one page: [key, value] pairs in order. */
function casesFor(schema: ParamSchema, r: () => number): [string, string][][] {
  const cases: [string, string][][] = [];
  // Case 0: every payload, into the first key, an unknown key, theme and embedId; one 10 kB value.
  const first = schema[0]?.key ?? 'x';
  cases.push([
    ...PAYLOADS.map((v): [string, string] => [first, v]),
    ...PAYLOADS.map((v, i): [string, string] => [`${KEYS[i % KEYS.length]}`, v]),
    ['theme', PAYLOADS[0] ?? ''],
    ['embedId', PAYLOADS[1] ?? ''],
    [schema[1]?.key ?? first, '9'.repeat(10_000)],
  ]);
  for (let c = 1; c < CASES_PER_PAGE; c++) {
    const pairs: [string, string][] = [];
    for (const p of schema) {
      const roll = r();
      if (roll < 0.3) continue;
      if (roll < 0.45) pairs.push([p.key, validValue(p, r)]);
      else pairs.push([p.key, hostileValue(r)]);
      if (r() < 0.2) pairs.push([p.key, r() < 0.5 ? validValue(p, r) : hostileValue(r)]);
    }
    const unknown = 1 + Math.floor(r() * 2);
    for (let i = 0; i < unknown; i++) {
      pairs.push([
        r() < 0.5 ? (KEYS[Math.floor(r() * KEYS.length)] ?? 'k') : hostileValue(r),
        hostileValue(r),
      ]);
    }
    if (r() < 0.5) pairs.push(['theme', r() < 0.5 ? 'dark' : hostileValue(r)]);
    if (r() < 0.5) pairs.push(['embedId', hostileValue(r)]);
    if (c === 1) pairs.push(['zzLong', 'x'.repeat(10_000)]);
    cases.push(pairs);
  }
  return cases;
}

/** Reference reading of one value: does the page have to correct it? (the rules, written out) */
function needsCorrection(p: ParamSpec | 'theme', raw: string): boolean {
  const text = raw.trim();
  if (p === 'theme') return !['auto', 'light', 'dark'].includes(text);
  if (p.type === 'enum') return !(p.options as readonly string[]).includes(text);
  if (p.type === 'boolean') return !['1', '0', 'true', 'false'].includes(text.toLowerCase());
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return true;
  const v = Number(text);
  if (!Number.isFinite(v) || v < p.min || v > p.max) return true;
  const k = (v - p.min) / p.step;
  return Math.abs(k - Math.round(k)) > 1e-9;
}

/** The URL keys the notice must list for a query (as URLSearchParams decodes them). */
function expectedKeys(schema: ParamSchema, query: string): string[] {
  const byKey = new Map(schema.map((p) => [p.key, p]));
  const all = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(query)) all.set(k, [...(all.get(k) ?? []), v]);
  const out: string[] = [];
  for (const [k, values] of all) {
    if (k === 'embedId') continue;
    const p = k === 'theme' ? 'theme' : byKey.get(k);
    if (!p) out.push(k);
    else if (values.length > 1 || needsCorrection(p, values.at(-1) ?? '')) out.push(k);
  }
  return out.sort();
}

const random = prng(SEED);
const pages = langs.flatMap((lang) =>
  widgetNames.map((name) => {
    const schema = widgetParams[name].schema as ParamSchema;
    const cases = casesFor(schema, random).map((pairs) => {
      const q = new URLSearchParams();
      for (const [k, v] of pairs) q.append(k, v);
      return `?${q.toString()}`;
    });
    return { lang, name, schema, cases };
  }),
);
const totalCases = pages.reduce((n, p) => n + p.cases.length, 0);

/** Loads a URL and collects page errors and console errors until the widget is ready. */
async function load(page: Page, url: string): Promise<string[]> {
  const problems: string[] = [];
  const onConsole = (msg: { type(): string; text(): string }): void => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text().slice(0, 200)}`);
  };
  const onError = (err: Error): void => {
    problems.push(`pageerror: ${err.message.slice(0, 200)}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  const response = await page.goto(url);
  expect(response?.status(), url.slice(0, 120)).toBe(200);
  // Live (its runs drawn, the static figure gone) and ready (its Present button is enabled).
  await expect(page.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
    timeout: 30_000,
  });
  await expect(page.locator('.widget .present-toggle')).toBeEnabled({ timeout: 15_000 });
  for (const toggle of await page.locator('.widget .table-toggle').all()) {
    await expect(toggle).toBeEnabled({ timeout: 15_000 });
  }
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return problems;
}

test.use({ viewport: { width: 360, height: 740 } });

test.describe(`embed fuzz, seed ${SEED}: ${pages.length} pages × ${CASES_PER_PAGE} cases = ${totalCases} URLs`, () => {
  for (const { lang, name, schema, cases } of pages) {
    test(`${lang} ${name}: hostile queries break nothing and every correction is listed`, async ({
      page,
    }) => {
      let listed = 0;
      for (const query of cases) {
        const path = `${lang === 'en' ? '' : `/${lang}`}/embed/${name}/${query}`;
        const problems = await load(page, path);
        expect(problems, query.slice(0, 200)).toEqual([]);
        // Nothing from the URL became markup or ran.
        const injected = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
          handlers: [...document.querySelectorAll('*')].flatMap((el) =>
            [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
          ),
          scripts: [...document.scripts].filter((s) => (s.textContent ?? '').includes('__pwned'))
            .length,
          foreign: document.querySelectorAll('main img, main iframe, .notices li *').length,
        }));
        expect(injected, query.slice(0, 200)).toEqual({
          pwned: false,
          handlers: [],
          scripts: 0,
          foreign: 0,
        });
        // The notice lists exactly the corrected keys. It loads on its own (a lazy chunk), which
        // can arrive after the widget is live on a loaded machine: polled (it failed once, empty).
        const shown = (): Promise<string[]> =>
          page
            .locator('.notices li')
            .evaluateAll((lis) =>
              [...new Set(lis.map((li) => li.getAttribute('data-param') ?? ''))].sort(),
            );
        const expected = expectedKeys(schema, query);
        await expect.poll(shown, { message: query.slice(0, 200) }).toEqual(expected);
        listed += expected.length;
        // The page still fits 360 px (long values wrap).
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, query.slice(0, 200)).toBeLessThanOrEqual(0);
      }
      console.log(
        `embed fuzz ${lang} ${name}: ${cases.length} cases, ${listed} corrections listed (seed ${SEED}; ${pages.length} pages × ${CASES_PER_PAGE} cases = ${totalCases} URLs in all)`,
      );
    });
  }
});
