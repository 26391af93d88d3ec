// @ts-check
/**
 * Removes Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!--[0-->`, `<!---->`) from the
 * built HTML. The site never hydrates server-rendered Svelte: a widget's static figure stays as
 * drawn and the live widget is mounted fresh beside it (`mount-widget.ts`), so the markers are
 * bytes a reader downloads and parses for nothing (14.7 KB of the Multiplexing figure's 101 KB on
 * 2026-12-04).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Svelte 5's block and anchor comments, and nothing else. */
export const SVELTE_MARKER = /<!--(?:\[-?\d*|\]|)-->/g;

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** @returns {import('astro').AstroIntegration} */
export default function stripSvelteMarkers() {
  return {
    name: 'keep-alive:strip-svelte-markers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        let saved = 0;
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const stripped = html.replace(SVELTE_MARKER, '');
          if (stripped.length === html.length) continue;
          saved += html.length - stripped.length;
          await writeFile(file, stripped);
        }
        logger.info(`removed ${(saved / 1024).toFixed(1)} KB of Svelte hydration markers`);
      },
    },
  };
}
