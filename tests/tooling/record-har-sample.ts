/**
 * Records the replay page's sample HARs (`public/har-samples/*.har`) with Chromium from the local
 * pages of `har-site.ts`: `npx tsx tests/tooling/record-har-sample.ts`. `two-origins` is the
 * page of two origins, `gallery` the photo gallery of three. The origins are served under the
 * names www.example.test, cdn.example.test and img.example.test through a local proxy, so the
 * samples read like a site's own; nothing leaves the machine. Response contents are left out
 * (`content: 'omit'`): the replay needs sizes and timings only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { requireChromium } from '../chromium';
import { startHarSite } from './har-site';

const dir = join(import.meta.dirname, '../../public/har-samples');
mkdirSync(dir, { recursive: true });
const site = await startHarSite({
  names: { a: 'www.example.test', b: 'cdn.example.test', c: 'img.example.test' },
});
const choice = requireChromium();
const browser = await chromium.launch({
  ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
  args: choice.args,
  proxy: { server: site.proxy ?? '' },
});
try {
  for (const [name, path] of [
    ['two-origins', '/'],
    ['gallery', '/gallery/'],
  ] as const) {
    const out = join(dir, `${name}.har`);
    const context = await browser.newContext({ recordHar: { path: out, content: 'omit' } });
    const page = await context.newPage();
    await page.goto(`${site.a}${path}`, { waitUntil: 'networkidle' });
    await context.close();
    console.log(`recorded ${out}`);
  }
} finally {
  await browser.close();
  await site.close();
}
