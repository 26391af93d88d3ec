/** The site's own behaviour: language switch, theme toggle without flash, 404, sitemap. */
import { expect, test } from '@playwright/test';
import { builtPages } from '../site-pages';

/** English pages with the site's chrome (embeds have no language switch and no sitemap entry). */
const chapterPaths = builtPages().filter(
  (p) =>
    p !== '/' &&
    p !== '/zh/' &&
    !p.endsWith('.html') &&
    !p.startsWith('/zh/') &&
    !p.includes('/embed/'),
);

test('home pages list the chapters in each language', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const en = await page.locator('.chapter-list li').count();
  await page.goto('/zh/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('.chapter-list li')).toHaveCount(en);
  expect(en).toBeGreaterThan(0);
});

for (const path of ['/', ...chapterPaths]) {
  test(`language switch on ${path} lands on the same page in Chinese and back`, async ({
    page,
  }) => {
    await page.goto(path);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(new RegExp(`/zh${path.replace(/\//g, '\\/')}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(new RegExp(`${path.replace(/\//g, '\\/')}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
}

test('theme toggle cycles system, light, dark and the choice survives a reload before paint', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.locator('[data-theme-toggle]');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveText('Theme: system');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // On reload the theme is applied by the head script, before the body is parsed.
  const themeBeforeBody = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    return html.indexOf('ka-theme') < html.indexOf('<body');
  });
  expect(themeBeforeBody).toBe(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(20, 22, 26)');
  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
});

test('an unknown address gets the bilingual 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page.locator('[lang="zh-Hans"] h2')).toHaveText('页面不存在');
});

test('the sitemap lists every chapter in both languages', async ({ request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const first = /<loc>([^<]+)<\/loc>/.exec(index)?.[1];
  expect(first).toBeTruthy();
  const sitemap = await (await request.get(new URL(first ?? '').pathname)).text();
  for (const path of chapterPaths) {
    expect(sitemap).toContain(`${path}</loc>`);
    expect(sitemap).toContain(`/zh${path}</loc>`);
  }
});

for (const [lang, prefix, term, expected] of [
  ['en', '/', 'Microscape', '/why-connections-cost/'],
  ['zh', '/zh/', '队头阻塞', '/zh/pipelining/'],
] as const) {
  test(`search (${lang}) finds a chapter by a term and loads its index only on demand`, async ({
    page,
  }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${prefix}search/`);
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(false);
    await page.locator('input[type="search"]').fill(term);
    await page.locator('input[type="search"]').press('Enter');
    await expect(page.locator('[data-search-results] a').first()).toBeVisible();
    const hrefs = await page
      .locator('[data-search-results] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain(expected);
    expect(requested.some((p) => p.startsWith('/pagefind/'))).toBe(true);
  });
}

test('the references page lists every chapter source with a link back to the chapter', async ({
  page,
}) => {
  await page.goto('/references/');
  const back = page.locator('.refs a[href^="/why-connections-cost/#ref-"]');
  expect(await back.count()).toBeGreaterThan(5);
});
