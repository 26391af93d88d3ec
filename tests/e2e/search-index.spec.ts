/**
 * Pagefind's index holds prose only (no widget controls or legends, no exercise controls, no
 * table header rows), and a search whose results are all in the other language says so and
 * links to that language's search.
 */
import { expect, test, type Page } from '@playwright/test';

interface Hit {
  url: string;
  excerpt: string;
  content: string;
}

/** Every hit of a query in the index of the page's language, with the page's indexed text. */
async function hits(page: Page, prefix: string, q: string): Promise<Hit[]> {
  await page.goto(`${prefix}search/`);
  return page.evaluate(async (query) => {
    const url = '/pagefind/pagefind.js';
    const pf = (await import(url)) as {
      init(): Promise<void>;
      search(q: string): Promise<{ results: { data(): Promise<Hit> }[] }>;
    };
    await pf.init();
    const found = await pf.search(query);
    return Promise.all(found.results.map((r) => r.data()));
  }, q);
}

test('the index holds no widget controls, exercise controls or table header rows', async ({
  page,
}) => {
  // Indexed text of every chapter that has a widget, an exercise and a table.
  const pages = await hits(page, '/', 'connection');
  const text = pages.map((p) => p.content).join('\n');
  expect(pages.length).toBeGreaterThan(5);
  for (const chrome of [
    'Previous event', // the widgets' player
    'Next event',
    'Check my prediction', // the exercise's form
    'New numbers',
    'Your prediction',
    'Reset my progress', // the table of contents
    'On this page',
    'Strategy Arithmetic (ms) Total', // a table's header row (chapter 5)
    '"scenario"',
  ])
    expect(text, chrome).not.toContain(chrome);
  // The prose around them is there.
  expect(text).toContain('Count round trips first');
});

test('a search with results only in the other language says so and links there', async ({
  page,
}) => {
  await page.goto('/search/?q=%E6%B5%8F%E8%A7%88%E5%99%A8');
  const other = page.locator('[data-search-other]');
  // Two indexes load (this language's, then the other's): allow for a busy machine.
  await expect(other).toBeVisible({ timeout: 20_000 });
  await expect(other).toContainText('Chinese');
  const link = other.locator('a');
  await expect(link).toHaveAttribute('href', /^\/zh\/search\/\?q=/);
  await link.click();
  await expect(page.locator('[data-search-results] a').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[data-search-other]')).toBeHidden();

  // (The other way round is the same code; it is not tested here because Pagefind's Chinese
  // index matches some page for nearly any Latin-letter query, even a made-up word.)

  // A word in neither language: no such line.
  await page.goto('/search/?q=zzyzxq');
  await expect(page.locator('[data-search-status]')).toContainText('zzyzxq', { timeout: 20_000 });
  await expect(page.locator('[data-search-other]')).toBeHidden();
});
