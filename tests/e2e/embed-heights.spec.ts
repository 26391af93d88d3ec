/**
 * Right-sized snippets (issue 19): a snippet's frame is as tall as its widget measures for its
 * language and layout at a 700 px column (`embed-height.ts`, written by `npm run measure:embeds`).
 * Without the host script (a course platform that strips it), the whole widget shows without
 * scrolling inside the frame; with it, frames hardly move when their widgets go live.
 */
import { createServer, type Server } from 'node:http';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { embedHeight } from '../../src/components/embed/embed-height';
import { embedPath, embedSnippet } from '../../src/components/embed/snippet';
import { widgetNames } from '../../src/components/widgets/registry';

const SITE = `http://localhost:${Number(process.env['PREVIEW_PORT'] ?? 4321)}`;
const HOST_PORT = Number(process.env['EMBED_HEIGHTS_HOST_PORT'] ?? 4396);
const HOST = `http://localhost:${HOST_PORT}`;
/** A 700 px column: the host page's 16 px padding on either side of it. */
const VIEWPORT = { width: 732, height: 900 };

test.describe.configure({ mode: 'default' });

const hostPages = new Map<string, string>();
let server: Server | undefined;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const html = hostPages.get((req.url ?? '/').split('?')[0] ?? '/');
    if (html === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve, reject) => {
    server?.once('error', reject).listen(HOST_PORT, 'localhost', resolve);
  });
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** The snippets of `names` in `lang` and `layout`; without their script lines when `bare`. */
function snippets(
  lang: 'en' | 'zh',
  names: readonly string[],
  layout: 'full' | 'compact' | 'diagram',
  bare: boolean,
): string {
  return names
    .map((name) => {
      const query = layout === 'full' ? '' : `?layout=${layout}`;
      const code = embedSnippet(
        SITE,
        embedPath(lang, name, query),
        name,
        embedHeight(lang, name, layout),
      );
      return bare ? (code.split('\n')[0] ?? '') : code;
    })
    .join('\n<p>Text the student is reading.</p>\n');
}

async function open(page: Page, path: string, body: string): Promise<void> {
  hostPages.set(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<style>body{margin:0;padding:16px;font:16px sans-serif}iframe{display:block}</style>
</head><body>${body}</body></html>`,
  );
  await page.setViewportSize(VIEWPORT);
  await page.goto(`${HOST}${path}`);
}

async function contentOf(iframe: Locator): Promise<Frame> {
  const frame = await (await iframe.elementHandle())?.contentFrame();
  if (!frame) throw new Error('iframe has no content frame');
  return frame;
}

/** Scrolls a frame into view and waits until its widget is live and has stopped computing. */
async function live(iframe: Locator): Promise<Frame> {
  await iframe.scrollIntoViewIfNeeded();
  const frame = await contentOf(iframe);
  await expect(frame.locator('[data-ka-widget]')).not.toHaveAttribute('data-ka-pending', {
    timeout: 30_000,
  });
  await expect(frame.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 60_000 });
  await expect(frame.locator('progress')).toHaveCount(0, { timeout: 60_000 });
  return frame;
}

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: five embeds without the host script each show their whole widget, no scrolling inside`, async ({
    page,
  }) => {
    const five = ['handshake', 'race', 'pipelining', 'timeout-race', 'connection-pool'] as const;
    await open(page, `/five-${lang}.html`, snippets(lang, five, 'full', true));
    expect(await page.locator('script').count()).toBe(0);
    const frames = page.locator('iframe');
    await expect(frames).toHaveCount(5);
    for (const [i, name] of five.entries()) {
      const iframe = frames.nth(i);
      const frame = await live(iframe);
      const box = await iframe.evaluate((el: HTMLIFrameElement) => el.clientHeight);
      expect(box, name).toBe(embedHeight(lang, name, 'full'));
      // The widget's document fits the frame: nothing to scroll to inside it.
      const doc = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
      expect(doc, name).toBeLessThanOrEqual(box);
      // Its diagrams end inside the frame.
      const bottom = await frame
        .locator('.ka-live .views')
        .evaluate((el) => el.getBoundingClientRect().bottom);
      expect(bottom, name).toBeLessThanOrEqual(box);
    }
  });

  test(`${lang}: with the host script no frame moves more than 24 px (or 3 %) when its widget goes live`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    // Every height each frame takes, from the start: recorded by the host page.
    const recorder = `<script>window.seen=[];const ro=new ResizeObserver((es)=>{for(const e of es){const i=[...document.querySelectorAll('iframe')].indexOf(e.target);(seen[i]??=[]).push(e.target.clientHeight);}});document.querySelectorAll('iframe').forEach((f)=>ro.observe(f));</script>`;
    await open(page, `/all-${lang}.html`, snippets(lang, widgetNames, 'full', false) + recorder);
    const frames = page.locator('iframe');
    for (const [i, name] of widgetNames.entries()) {
      const iframe = frames.nth(i);
      const reserved = embedHeight(lang, name, 'full');
      expect(await iframe.getAttribute('height')).toBe(String(reserved));
      const frame = await live(iframe);
      const doc = await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      );
      // Sized by the host script to the live document: within the tolerance of the reserve.
      await expect
        .poll(() => iframe.evaluate((el: HTMLIFrameElement) => el.clientHeight), {
          timeout: 10_000,
        })
        .toBe(doc);
      expect(Math.abs(doc - reserved), name).toBeLessThanOrEqual(Math.max(24, 0.03 * reserved));
      // No height on the way was further off: the frame never jumped.
      const seen = await page.evaluate(
        (k) => (window as unknown as { seen: number[][] }).seen[k],
        i,
      );
      expect(seen?.[0], name).toBe(reserved);
      for (const h of seen ?? []) {
        expect(Math.abs(h - reserved), `${name}: ${seen?.join(', ')}`).toBeLessThanOrEqual(
          Math.max(24, 0.03 * reserved),
        );
      }
    }
  });
}

test('the compact and diagram layouts are reserved at their own measured heights', async ({
  page,
}) => {
  for (const layout of ['compact', 'diagram'] as const) {
    await open(page, `/layout-${layout}.html`, snippets('zh', ['timeout-race'], layout, true));
    const iframe = page.locator('iframe');
    const frame = await live(iframe);
    const box = await iframe.evaluate((el: HTMLIFrameElement) => el.clientHeight);
    expect(box).toBe(embedHeight('zh', 'timeout-race', layout));
    const doc = await frame.evaluate(() =>
      Math.ceil(document.documentElement.getBoundingClientRect().height),
    );
    expect(doc).toBeLessThanOrEqual(box);
    expect(box - doc).toBeLessThanOrEqual(Math.max(24, 0.03 * box));
  }
});

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the Embed panel's snippet is as tall as the widget measures in the chosen layout`, async ({
    page,
  }) => {
    await page.goto(`${lang === 'en' ? '' : '/zh'}/widgets/`);
    const island = page.locator('[data-ka-widget="race"]');
    await island.scrollIntoViewIfNeeded();
    await expect(island).not.toHaveAttribute('data-ka-pending', { timeout: 30_000 });
    await island
      .getByRole('button', { name: lang === 'en' ? 'Embed' : '嵌入', exact: true })
      .click();
    const code = island.getByLabel(lang === 'en' ? 'Embed code' : '嵌入代码');
    await expect(code).toHaveValue(new RegExp(` height="${embedHeight(lang, 'race', 'full')}" `));
    await island.getByRole('radio', { name: lang === 'en' ? /^Compact/ : /^紧凑/ }).check();
    await expect(code).toHaveValue(
      new RegExp(` height="${embedHeight(lang, 'race', 'compact')}" `),
    );
    await island.getByRole('radio', { name: lang === 'en' ? /^Diagram/ : /^仅图/ }).check();
    await expect(code).toHaveValue(
      new RegExp(` height="${embedHeight(lang, 'race', 'diagram')}" `),
    );
  });
}
