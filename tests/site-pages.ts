/** The built site's pages, read from `dist/`, for the gates and the budget script. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Folder the site is built into. */
export const DIST = join(process.cwd(), 'dist');

/** URL paths of every built HTML page (`/`, `/zh/`, `/why-connections-cost/`, `/404.html`). */
export function builtPages(): string[] {
  if (!existsSync(DIST)) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const rel = relative(DIST, full).split(sep).join('/');
        out.push(
          rel === 'index.html'
            ? '/'
            : rel.endsWith('/index.html')
              ? `/${rel.slice(0, -10)}`
              : `/${rel}`,
        );
      }
    }
  };
  walk(DIST);
  return out.sort();
}

/** The file in dist/ that serves a URL path, or undefined when nothing does. */
export function distFileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/')
    ? [join(DIST, decoded, 'index.html')]
    : [join(DIST, decoded), join(DIST, decoded, 'index.html'), join(DIST, `${decoded}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/** Whether the HTML file at a path has an element with the given id. */
export function hasId(file: string, id: string): boolean {
  const html = readFileSync(file, 'utf8');
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\sid=("|')?${escaped}("|'|\\s|>)`).test(html);
}
