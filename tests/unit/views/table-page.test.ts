/** Paging of the trace table (`table-page.ts`). */
import { describe, expect, it } from 'vitest';
import { tablePage } from '../../../src/components/views/table-page';

describe('tablePage', () => {
  it('follows the latest rows: 1,212 rows in pages of 200 show 1,201–1,212', () => {
    expect(tablePage(1212, 200, undefined)).toEqual({ start: 1200, end: 1212 });
    expect(tablePage(400, 200, undefined)).toEqual({ start: 200, end: 400 });
    expect(tablePage(150, 200, undefined)).toEqual({ start: 0, end: 150 });
    expect(tablePage(0, 200, undefined)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the page the reader chose, aligned to a page boundary', () => {
    expect(tablePage(1212, 200, 0)).toEqual({ start: 0, end: 200 });
    expect(tablePage(1212, 200, 400)).toEqual({ start: 400, end: 600 });
    expect(tablePage(1212, 200, 450)).toEqual({ start: 400, end: 600 });
  });

  it('never shows a page past the rows that exist (playback moved back)', () => {
    expect(tablePage(300, 200, 1000)).toEqual({ start: 200, end: 300 });
    expect(tablePage(0, 200, 400)).toEqual({ start: 0, end: 0 });
  });
});
