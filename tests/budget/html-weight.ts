/**
 * What a built page's HTML weighs, read from `dist/`: raw and gzip bytes, and its largest inline
 * JSON payload (`<script type="application/json">` or any inline script): since issue 14 no page
 * carries simulation output, so a large inline payload is a regression.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { distFileFor } from '../site-pages';

export interface HtmlWeight {
  htmlRaw: number;
  htmlGzip: number;
  /** Bytes of the largest inline `<script>` body (JSON or code). */
  largestInline: number;
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function htmlWeight(path: string): HtmlWeight {
  const file = distFileFor(path);
  if (!file) throw new Error(`html-weight: no file in dist/ serves ${path}`);
  const html = readFileSync(file);
  let largestInline = 0;
  for (const m of html.toString('utf8').matchAll(INLINE_SCRIPT)) {
    largestInline = Math.max(largestInline, Buffer.byteLength(m[1] ?? ''));
  }
  return { htmlRaw: html.length, htmlGzip: gzipSync(html).length, largestInline };
}
