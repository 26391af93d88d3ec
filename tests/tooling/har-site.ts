/**
 * Small pages of several origins, served on local ports, for recording HAR files with Chromium
 * (issue 20: samples and tests of the importer on what a real browser writes). Origin A serves
 * the document, an image and a JSON file; origin B a stylesheet, the font it names and a script
 * that fetches the JSON from A. Every body is a fixed size; the JSON is answered after
 * `JSON_DELAY_MS`, a server think time the importer should find again. A second page, A's
 * `/gallery/`, shows `GALLERY_PHOTOS` photos from origin C, an image host, with B's stylesheet
 * and script: the page where connections matter most. A third, A's `/late/`, is the first page
 * with a beacon (`LATE_BEACON`) fetched once the page has long gone quiet: a late request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What each origin serves: path, type and body size. */
export const SITE_FILES = {
  a: {
    '/': { type: 'text/html', bytes: 0 },
    '/logo.png': { type: 'image/png', bytes: 7000 },
    '/data.json': { type: 'application/json', bytes: 900 },
  },
  b: {
    '/style.css': { type: 'text/css', bytes: 3000 },
    '/font.woff2': { type: 'font/woff2', bytes: 20000 },
    '/app.js': { type: 'text/javascript', bytes: 4000 },
  },
} as const;

/** The late request of `/late/`: its path on origin A, body bytes, and when the page makes it. */
export const LATE_BEACON = { path: '/beacon.json', bytes: 300, afterLoadMs: 1200 } as const;

/** Photos on the gallery page (`/gallery/` on origin A), served by origin C. */
export const GALLERY_PHOTOS = 24;

/** Size of photo n (1-based) on origin C: 6,000 to 41,000 bytes, varied but fixed. */
export function photoBytes(n: number): number {
  return 6000 + 3500 * ((n * 7) % 11);
}

/** Server think time of `/data.json` (ms). */
export const JSON_DELAY_MS = 300;

/** A body of `bytes` bytes that starts with `head` (padding in a comment the type allows). */
function body(head: string, bytes: number, comment: [string, string]): string {
  const room = bytes - head.length - comment[0].length - comment[1].length;
  return room <= 0 ? head : `${head}${comment[0]}${'x'.repeat(room)}${comment[1]}`;
}

export interface HarSite {
  /** The two origins (`http://host[:port]`). */
  readonly a: string;
  readonly b: string;
  /** The gallery's image host. */
  readonly c: string;
  /** With `names`: the proxy a browser must use to reach them. */
  readonly proxy?: string;
  close(): Promise<void>;
}

type Handler = (path: string, res: ServerResponse) => void;

const listen = (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> =>
  new Promise((resolve) => {
    const s = createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
const portOf = (s: Server): number => (s.address() as AddressInfo).port;
const pathOf = (req: IncomingMessage): string => new URL(req.url ?? '/', 'http://x').pathname;

function send(res: ServerResponse, type: string, text: string): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  res.end(text);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-length': 0 });
  res.end();
}

type Origins = { a: string; b: string; c: string };

/** The gallery page: B's stylesheet and script, and C's photos. */
function galleryHtml({ b, c }: Origins): string {
  const photos = Array.from(
    { length: GALLERY_PHOTOS },
    (_, i) => `<img src="${c}/photos/${i + 1}.jpg" alt="photo ${i + 1}" width="40" height="30">`,
  );
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Gallery</title>` +
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="${b}/style.css">` +
    `</head><body><h1 class="f">Gallery</h1>${photos.join('')}` +
    `<script src="${b}/app.js"></script></body></html>`
  );
}

/** Each origin's pages, given where the origins are. */
function handlers(origins: () => Origins): Record<keyof Origins, Handler> {
  return {
    a: (path, res) => {
      const { b } = origins();
      if (path === '/gallery/') send(res, 'text/html', galleryHtml(origins()));
      else if (path === '/' || path === '/late/')
        send(
          res,
          'text/html',
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two origins</title>` +
            `<link rel="icon" href="data:,"><link rel="stylesheet" href="${b}/style.css">` +
            `</head><body><h1>Two origins</h1><img src="/logo.png" alt="logo" width="10" height="10">` +
            `<p class="f">Text in the web font.</p><script src="${b}/app.js"></script>` +
            (path === '/late/'
              ? `<script>addEventListener("load",()=>setTimeout(()=>fetch(${JSON.stringify(LATE_BEACON.path)}),${LATE_BEACON.afterLoadMs}))</script>`
              : '') +
            `</body></html>`,
        );
      else if (path === LATE_BEACON.path)
        send(res, 'application/json', body('{"ok":true', LATE_BEACON.bytes, [',"pad":"', '"}']));
      else if (path === '/logo.png')
        send(res, 'image/png', 'P'.repeat(SITE_FILES.a['/logo.png'].bytes));
      else if (path === '/data.json')
        setTimeout(
          () =>
            send(
              res,
              'application/json',
              body('{"ok":true', SITE_FILES.a['/data.json'].bytes, [',"pad":"', '"}']),
            ),
          JSON_DELAY_MS,
        );
      else notFound(res);
    },
    b: (path, res) => {
      const { a } = origins();
      if (path === '/style.css')
        send(
          res,
          'text/css',
          body(
            `@font-face{font-family:F;src:url(/font.woff2) format("woff2")}.f{font-family:F}`,
            SITE_FILES.b['/style.css'].bytes,
            ['/*', '*/'],
          ),
        );
      else if (path === '/font.woff2')
        send(res, 'font/woff2', 'F'.repeat(SITE_FILES.b['/font.woff2'].bytes));
      else if (path === '/app.js')
        send(
          res,
          'text/javascript',
          body(
            `fetch(${JSON.stringify(`${a}/data.json`)}).then((r)=>r.text());`,
            SITE_FILES.b['/app.js'].bytes,
            ['/*', '*/'],
          ),
        );
      else notFound(res);
    },
    c: (path, res) => {
      const n = /^\/photos\/(\d+)\.jpg$/.exec(path)?.[1];
      const i = n === undefined ? 0 : Number(n);
      if (i >= 1 && i <= GALLERY_PHOTOS) send(res, 'image/jpeg', 'J'.repeat(photoBytes(i)));
      else notFound(res);
    },
  };
}

const stop = (s: Server): Promise<void> => new Promise((resolve) => s.close(() => resolve()));

const KEYS = ['a', 'b', 'c'] as const;

/**
 * Starts the three origins: on free ports of 127.0.0.1, or, with `names`, under those host
 * names on port 80 through one local HTTP proxy (`proxy`), which answers for all by Host.
 */
export async function startHarSite(options: { names?: Origins } = {}): Promise<HarSite> {
  const where: Origins = { a: '', b: '', c: '' };
  const h = handlers(() => where);
  const names = options.names;
  if (names) {
    const server = await listen((req, res) => {
      const host = (req.headers.host ?? '').split(':')[0];
      const key = KEYS.find((k) => names[k] === host);
      if (key) h[key](pathOf(req), res);
      else notFound(res);
    });
    for (const k of KEYS) where[k] = `http://${names[k]}`;
    return { ...where, proxy: `http://127.0.0.1:${portOf(server)}`, close: () => stop(server) };
  }
  const servers = await Promise.all(KEYS.map((k) => listen((req, res) => h[k](pathOf(req), res))));
  KEYS.forEach((k, i) => (where[k] = `http://127.0.0.1:${portOf(servers[i] as Server)}`));
  return { ...where, close: async () => void (await Promise.all(servers.map(stop))) };
}
