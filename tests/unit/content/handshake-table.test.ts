/**
 * Chapter 9's table of handshakes ("Handshakes compared") against the simulation: every row the
 * simulation models is run at two round-trip times, and the table's two counts (round trips
 * before the request leaves, and to the first response) must be what it measures, in both
 * languages. A "repeat connection" row is measured on a page's second connection (HTTP/1.0, one
 * connection at a time: the object's connection opens when the HTML has arrived), from that
 * connection's start. The row it does not model (TLS 1.2 False Start) is checked only for
 * agreeing between the languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';
import { FAST } from '../sim/helpers';

const repo = join(import.meta.dirname, '../../..');

/** The table's rows after the header: [stack, before the request, first response]. */
function tableRows(lang: 'en' | 'zh'): [string, number, number][] {
  const text = readFileSync(join(repo, `src/content/chapters/${lang}/09-http-3-quic.mdx`), 'utf8');
  const lines = text.split('\n');
  const head = lines.findIndex((l) => /^\| (Stack|协议栈) \|/.test(l));
  expect(head, `${lang}: the handshake table`).toBeGreaterThan(0);
  const rows: [string, number, number][] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    rows.push([cells[1] ?? '', Number(cells[2]), Number(cells[3])]);
  }
  return rows;
}

/** A repeat connection: the second of two sequential HTTP/1.0 connections (see above). */
const REPEAT: ScenarioInput = {
  http: { version: '1.0' },
  client: { maxConnectionsPerHost: 1 },
  page: { htmlBytes: 1000, objects: 1, objectBytes: 1000 },
};

/** The scenario of each row, in the table's order; undefined: not modelled. */
const ROWS: readonly (ScenarioInput | undefined)[] = [
  { tls: 'tls1.2' },
  { tls: 'tls1.2-resumed' },
  undefined, // TLS 1.2 False Start
  { tls: 'tls1.3' },
  { tls: 'tls1.3-resumed' },
  { tls: 'tls1.3-0rtt' },
  { ...REPEAT, tls: 'tls1.3', tcp: { fastOpen: true } },
  { tls: 'tls1.3', http: { version: '3' } },
  { tls: 'tls1.3-0rtt', http: { version: '3' } },
];

describe("chapter 9's handshake table", () => {
  const en = tableRows('en');
  const zh = tableRows('zh');

  it('has the same rows and counts in both languages', () => {
    expect(en).toHaveLength(ROWS.length);
    expect(zh.map(([, a, b]) => [a, b])).toEqual(en.map(([, a, b]) => [a, b]));
  });

  it.each([50, 200])('states the round trips the simulation takes at RTT %i ms', (rtt) => {
    ROWS.forEach((sc, i) => {
      if (sc === undefined) return;
      const repeat = sc.page !== undefined;
      const { metrics } = simulate({
        page: { htmlBytes: 1000, objects: 0 },
        ...sc,
        network: { rttMs: rtt, ...FAST },
      });
      const r = metrics.requests[repeat ? 1 : 0];
      const start = r?.queuedMs ?? NaN;
      const [stack, before, first] = en[i] ?? ['', NaN, NaN];
      expect(
        [((r?.sentMs ?? NaN) - start) / rtt, ((r?.doneMs ?? NaN) - start) / rtt],
        stack,
      ).toEqual([before, first]);
    });
  });
});
