/**
 * The HAR importer: the text of a HAR file (Chrome, Firefox, Safari DevTools, Playwright's
 * `recordHar`) to the page it recorded, for replay under other HTTP versions. Pure: the same
 * text always gives the same result. Rules: `README.md`.
 */
import { buildPage } from './page';
import { readHar } from './read';
import type { HarImport, HarImportOptions } from './types';
import { HAR_ERROR_MESSAGES } from './types';

export * from './types';

/**
 * Imports a HAR file: `{ ok: true, page, report }`, or `{ ok: false, code, error }` with one
 * plain-English sentence (`HAR_ERROR_MESSAGES[code]`; the UI may translate `code` instead).
 */
export function importHar(text: string, options: HarImportOptions = {}): HarImport {
  const read = readHar(text, options);
  if (!read.ok) return { ok: false, code: read.code, error: HAR_ERROR_MESSAGES[read.code] };
  return buildPage(read.log, options);
}
