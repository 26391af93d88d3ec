/**
 * Records the replay page's sample HAR (`public/har-samples/two-origins.har`) with Chromium from
 * the local page of two origins (`har-site.ts`): `npx tsx tests/tooling/record-har-sample.ts`.
 * The page is served under the names www.example.test and cdn.example.test through a local proxy,
 * so the sample reads like a site's own; nothing leaves the machine. Response contents are left
 * out (`content: 'omit'`): the replay needs sizes and timings only.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { requireChromium } from '../chromium';
import { startHarSite } from './har-site';

const out = join(import.meta.dirname, '../../public/har-samples/two-origins.har');
mkdirSync(join(out, '..'), { recursive: true });
const site = await startHarSite({ names: { a: 'www.example.test', b: 'cdn.example.test' } });
const choice = requireChromium();
const browser = await chromium.launch({
  ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
  args: choice.args,
  proxy: { server: site.proxy ?? '' },
});
try {
  const context = await browser.newContext({ recordHar: { path: out, content: 'omit' } });
  const page = await context.newPage();
  await page.goto(`${site.a}/`, { waitUntil: 'networkidle' });
  await context.close();
  console.log(`recorded ${out}`);
} finally {
  await browser.close();
  await site.close();
}
