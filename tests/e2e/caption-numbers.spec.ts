/**
 * Numbers in the widgets' captions are grouped as everywhere else on the site ("100,000 bytes",
 * "1,000 Mbit/s"): the Race, Pipelining, Page load and Playground captions printed some raw
 * ("100000 字节", "1000 Mbit/s") while their parameter lines said "100,000".
 */
import { expect, test } from '@playwright/test';

const cases = [
  { path: '/embed/race/?objectBytes=100000', shows: ['100,000'], not: '100000' },
  { path: '/zh/embed/race/?objectBytes=100000', shows: ['100,000 字节'], not: '100000' },
  {
    path: '/embed/pipelining/?objectBytes=50000&slowMs=2000',
    shows: ['50,000', '2,000 ms'],
    not: '50000',
  },
  { path: '/embed/page-load/?bandwidth=1000', shows: ['1,000 Mbit/s'], not: '1000 Mbit' },
  { path: '/zh/embed/playground/?bandwidth=1000', shows: ['1,000 Mbit/s'], not: '1000 Mbit' },
] as const;

for (const c of cases) {
  test(`the caption of ${c.path} groups its digits`, async ({ page }) => {
    await page.goto(c.path);
    const caption = page.locator('[data-ka-ready] figcaption.widget-caption');
    for (const text of c.shows) await expect(caption).toContainText(text);
    await expect(caption).not.toContainText(c.not);
  });
}
