/**
 * A synthetic HAR for the bench (`npm run bench`): `entries` requests over `origins` origins, the
 * document first, then stylesheets and scripts found by it and images, fonts and fetches found by
 * them, with sizes, start times and waits as a recording would have them. Deterministic (a seeded
 * generator), so every run replays the same page.
 */
import { mulberry32 } from '../rng';

/** `startedDateTime` of a request `ms` (under a minute) after 2026-01-01T00:00:00Z. */
function at(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s >= 60) throw new Error('synthetic HAR: starts stay under a minute');
  return `2026-01-01T00:00:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}Z`;
}

export function syntheticHar(entries: number, origins: number, seed = 1): string {
  const rng = mulberry32(seed);
  const origin = (i: number): string =>
    i === 0 ? 'https://www.site.test' : `https://o${i}.site.test`;
  const list: object[] = [];
  const urls: string[] = [];
  for (let i = 0; i < entries; i++) {
    const o = origin(i === 0 ? 0 : Math.floor(rng() * origins));
    const url = i === 0 ? `${o}/` : `${o}/r${i}.${['css', 'js', 'png', 'woff2', 'json'][i % 5]}`;
    // Stylesheets and scripts (the first tenth) are found by the document; the rest by one of them.
    const parent =
      i === 0
        ? undefined
        : i < entries / 10
          ? urls[0]
          : urls[1 + Math.floor(rng() * Math.max(1, Math.floor(entries / 10) - 1))];
    const start = i === 0 ? 0 : 50 + Math.floor((i / entries) * 900 + rng() * 40);
    list.push({
      startedDateTime: at(start),
      time: 40 + Math.floor(rng() * 60),
      request: { method: 'GET', url, headers: [] },
      response: {
        status: 200,
        bodySize: -1,
        headersSize: -1,
        content: {
          size: 500 + Math.floor(rng() * 40000),
          mimeType: i === 0 ? 'text/html' : 'application/octet-stream',
        },
      },
      timings: {
        blocked: -1,
        dns: -1,
        connect: i < origins ? 30 : -1,
        ssl: -1,
        send: 0,
        wait: 35 + Math.floor(rng() * 20),
        receive: 5,
      },
      ...(parent === undefined ? {} : { _initiator: { type: 'parser', url: parent } }),
    });
    urls.push(url);
  }
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'keep-alive bench', version: '1' }, entries: list },
  });
}
