/**
 * Build-time helper for the Content Security Policy (`security.csp` in astro.config.mjs): Astro
 * hashes the scripts it processes, but not `is:inline` ones, so a component that must run an
 * inline script before first paint registers the script's hash itself.
 */
import { createHash } from 'node:crypto';

/** The CSP source of a script's exact text: `sha256-<base64 digest>`. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}
