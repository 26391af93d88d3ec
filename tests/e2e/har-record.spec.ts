/**
 * A HAR recorded by Chromium (Playwright's `recordHar`) from a local page of two origins
 * (`tests/tooling/har-site.ts`): the importer reads what a real browser wrote, and the CLI
 * replays it (issue 20). Expected values come from the page's construction: which origin serves
 * what, the sizes it sends, what names what, and the server's delay on the JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importHar } from '../../src/sim/har';
import { JSON_DELAY_MS, SITE_FILES, startHarSite } from '../tooling/har-site';

test('a HAR Chromium recorded from a page of two origins is read and replayed', async ({
  browser,
}) => {
  const site = await startHarSite();
  const path = join(mkdtempSync(join(tmpdir(), 'keepalive-har-')), 'two-origins.har');
  try {
    const context = await browser.newContext({ recordHar: { path, content: 'omit' } });
    const page = await context.newPage();
    await page.goto(`${site.a}/`, { waitUntil: 'networkidle' });
    await context.close();
  } finally {
    await site.close();
  }
  const r = importHar(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(r.error);
  const { page, report } = r;
  expect(page.documentUrl).toBe(`${site.a}/`);
  expect(page.origins.map((o) => o.origin)).toEqual([site.a, site.b]);
  const byPath = new Map(page.objects.map((o) => [o.path, o]));
  // The document and the five objects, nothing else (the icon is a data: URL).
  expect([...byPath.keys()].sort()).toEqual(
    ['/', '/app.js', '/data.json', '/font.woff2', '/logo.png', '/style.css'].sort(),
  );
  for (const [origin, files] of [
    [site.a, SITE_FILES.a],
    [site.b, SITE_FILES.b],
  ] as const)
    for (const [p, f] of Object.entries(files)) {
      expect(byPath.get(p)?.origin).toBe(origin);
      if (f.bytes > 0) expect(byPath.get(p)?.bytes).toBe(f.bytes);
    }
  // Who found whom: the font by the stylesheet (its referrer), the rest by the document (the
  // script's fetch too: a HAR without Chrome's _initiator names the document as its referrer).
  const parentPath = (p: string): string | undefined => {
    const parent = byPath.get(p)?.parent;
    return parent === null || parent === undefined ? undefined : page.objects[parent]?.path;
  };
  expect(parentPath('/font.woff2')).toBe('/style.css');
  expect(byPath.get('/font.woff2')?.discovery).toBe('subresource');
  for (const p of ['/style.css', '/logo.png', '/app.js', '/data.json'])
    expect(parentPath(p)).toBe('/');
  // The server waited JSON_DELAY_MS before answering the JSON: think time at least that, less
  // the local round trip and timer slack.
  expect(byPath.get('/data.json')?.thinkMs).toBeGreaterThan(JSON_DELAY_MS - 20);
  expect(report.used).toBe(6);

  const root = join(import.meta.dirname, '../..');
  const cli = spawnSync(
    join(root, 'node_modules/.bin/tsx'),
    ['src/sim/cli.ts', '--har', path, '--rtt', '50'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(cli.status).toBe(0);
  const out = JSON.parse(cli.stdout) as {
    page: { origins: number; objects: number; bytes: number };
    results: { protocol: string; connectionsOpened: number; pageComplete: boolean }[];
  };
  expect(out.page).toMatchObject({ origins: 2, objects: 6 });
  expect(out.results.map((x) => x.protocol)).toEqual(['1.0', '1.1', '2', '3']);
  for (const x of out.results) expect(x.pageComplete).toBe(true);
  // HTTP/1.0: a connection per object; HTTP/2 and HTTP/3: one per origin.
  expect(out.results.map((x) => x.connectionsOpened)).toEqual([6, expect.any(Number), 2, 2]);
});
