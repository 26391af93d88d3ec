/** Reading the hand-written fixtures and building small HARs inline for the importer's tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { HarImport, HarImportOptions, HarPage, HarReport } from '../../../../src/sim/har';
import { importHar } from '../../../../src/sim/har';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/har');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.har`), 'utf8');
}

/** Imports and asserts success, for tests about the page. */
export function ok(text: string, options?: HarImportOptions): { page: HarPage; report: HarReport } {
  const r: HarImport = importHar(text, options);
  if (!r.ok) throw new Error(`expected an import, got ${r.code}: ${r.error}`);
  return r;
}

export const T0 = Date.parse('2024-06-01T00:00:00.000Z');

/** `startedDateTime` `ms` after T0. */
export const at = (ms: number): string => new Date(T0 + ms).toISOString();

export interface EntryOptions {
  readonly startMs?: number;
  readonly time?: unknown;
  readonly status?: unknown;
  readonly size?: unknown;
  readonly mime?: string;
  readonly method?: unknown;
  readonly initiator?: string;
  readonly referer?: string;
  readonly dns?: unknown;
  readonly connect?: unknown;
  readonly ssl?: unknown;
  readonly wait?: unknown;
  readonly extra?: Record<string, unknown>;
  readonly response?: Record<string, unknown>;
}

/** One Chrome-shaped entry: every field an option leaves out takes a plain value. */
export function entry(url: unknown, o: EntryOptions = {}): Record<string, unknown> {
  return {
    startedDateTime: at(o.startMs ?? 0),
    time: o.time ?? 10,
    request: {
      method: o.method ?? 'GET',
      url,
      headers: o.referer === undefined ? [] : [{ name: 'Referer', value: o.referer }],
    },
    response: {
      status: o.status ?? 200,
      bodySize: -1,
      headersSize: -1,
      content: { size: o.size ?? 100, mimeType: o.mime ?? 'image/png' },
      ...o.response,
    },
    timings: {
      blocked: -1,
      dns: o.dns ?? -1,
      connect: o.connect ?? -1,
      ssl: o.ssl ?? -1,
      send: 0,
      wait: o.wait ?? 10,
      receive: 0,
    },
    ...(o.initiator === undefined ? {} : { _initiator: { type: 'parser', url: o.initiator } }),
    ...o.extra,
  };
}

export const har = (entries: unknown[], log: Record<string, unknown> = {}): string =>
  JSON.stringify({ log: { version: '1.2', entries, ...log } });

/** A HAR whose first entry is an HTML document at https://site.test/. */
export const DOC = 'https://site.test/';
export const withDoc = (rest: unknown[], log?: Record<string, unknown>): string =>
  har([entry(DOC, { mime: 'text/html', size: 1000, time: 100, wait: 50 }), ...rest], log);

export function expectFinitePage(page: HarPage): void {
  for (const o of page.objects) {
    for (const v of [o.bytes, o.startMs, o.durationMs, o.thinkMs]) {
      expect(Number.isFinite(v) && v >= 0).toBe(true);
    }
    if (o.parent !== null) expect(o.parent).toBeLessThan(o.id);
  }
  expect(Number.isFinite(page.measuredLoadMs)).toBe(true);
}
