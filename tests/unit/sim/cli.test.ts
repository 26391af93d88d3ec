import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const dir = mkdtempSync(join(tmpdir(), 'keepalive-cli-'));

function run(...args: string[]) {
  const r = spawnSync(tsx, ['src/sim/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('cli', () => {
  it('a preset prints one JSON object with the documented fields', () => {
    const r = run('--preset', 'hpbn-ch11-keepalive');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ pageLoadMs: 228, connectionsOpened: 1, packets: { dropped: 0 } });
    expect(typeof out['events']).toBe('number');
    expect(out['requests']).toMatchObject([
      {
        path: '/index.html',
        connectionId: 1,
        sentMs: 56,
        firstByteMs: 152,
        doneMs: 152,
        retries: 0,
      },
      {
        path: '/style.css',
        connectionId: 1,
        sentMs: 152,
        firstByteMs: 228,
        doneMs: 228,
        retries: 0,
      },
    ]);
    expect(out['trace']).toBeUndefined();
  }, 20000);

  it('--trace adds the trace', () => {
    const r = run(file('ok.json', '{"page":{"objects":1}}'), '--trace');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { trace: { type: string }[] };
    expect(out.trace[out.trace.length - 1]?.type).toBe('end');
  }, 20000);

  it('with network.dnsMs the output counts the DNS lookups; without, it has no dns field', () => {
    // Two hosts, each looked up once for 50 ms: the HTML's at 0-50, the object's host when the
    // HTML has arrived (50 + 2 RTT = 250) until 300; the object is back 2 RTT later, at 500.
    const sc = {
      network: { rttMs: 100, bandwidthMbps: 100000, dnsMs: 50 },
      page: { htmlBytes: 1000, objects: [{ host: 'a.example.net', bytes: 1000 }] },
    };
    const r = run(file('dns.json', JSON.stringify(sc)));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out['dns']).toEqual({ lookups: 2, totalMs: 100 });
    expect(out['pageLoadMs']).toBe(500);
    const plain = run(file('plain.json', '{"page":{"objects":1}}'));
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('dns');
  }, 20000);

  it.each([
    [
      'an out-of-range value',
      '{"network":{"rttMs":-5}}',
      /network\.rttMs: must be a number between 0\.1 and 10000 \(got -5\)/,
    ],
    ['an unknown field', '{"netwrk":{}}', /netwrk: unknown field/],
    [
      'a wrong type',
      '{"http":{"version":1.1}}',
      /http\.version: must be one of "0\.9", "1\.0", "1\.1"/,
    ],
    ['invalid JSON', '{"page":', /invalid JSON/],
  ])(
    '%s exits non-zero with a one-line message and no stack',
    (_what, text, pattern) => {
      const r = run(file('bad.json', text));
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    20000,
  );

  it('a missing file and an unknown preset exit non-zero with one line', () => {
    for (const args of [[join(dir, 'nope.json')], ['--preset', 'nope']]) {
      const r = run(...args);
      expect(r.code).not.toBe(0);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 20000);

  it('--help prints usage and the preset list', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/usage: npm run sim/);
    expect(r.stdout).toMatch(/hpbn-ch2-new/);
    expect(r.stdout).toMatch(/network\.rttMs/);
  }, 20000);
});

describe('cli: HTTP/2, HTTP/3, 0-RTT and migration', { timeout: 30_000 }, () => {
  it('HTTP/3 with tls "tls1.2" is refused with the reason', () => {
    const r = run(file('h3-tls12.json', '{"http":{"version":"3"},"tls":"tls1.2"}'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'tls: must be "tls1.3", "tls1.3-resumed" or "tls1.3-0rtt" with http.version "3"',
    );
    expect(r.stderr).toContain('QUIC always uses TLS 1.3');
  });

  it('HTTP/2 prints streamStallMs with both kinds, all zero without loss', () => {
    const h2 = run(file('h2.json', '{"http":{"version":"2"},"page":{"objects":3}}'));
    expect(h2.code).toBe(0);
    const none = { total: 0, longest: 0, count: 0 };
    expect(JSON.parse(h2.stdout)).toMatchObject({
      streamStallMs: { ...none, headOfLine: none, ownData: none, streams: [] },
    });
  });

  it('HTTP/3 at 10% loss (issue 12: seed 4, 30 x 10 kB) prints both kinds; no stall outlasts the page', () => {
    const r = run(
      file(
        'h3-loss.json',
        JSON.stringify({
          seed: 4,
          network: { rttMs: 100, bandwidthMbps: 10, lossRate: 0.1 },
          http: { version: '3' },
          page: { htmlBytes: 10000, objects: 30, objectBytes: 10000 },
        }),
      ),
    );
    expect(r.code).toBe(0);
    type Totals = { total: number; longest: number; count: number };
    const out = JSON.parse(r.stdout) as {
      pageLoadMs: number;
      streamStallMs: Totals & {
        headOfLine: Totals;
        ownData: Totals;
        streams: { ms: number; headOfLineMs: number; ownDataMs: number }[];
      };
    };
    const s = out.streamStallMs;
    // Summed, the old figure was a 9,483 ms stall for a 6,440 ms page.
    expect(s.longest).toBeGreaterThan(0);
    expect(s.longest).toBeLessThan(out.pageLoadMs);
    // QUIC orders each stream alone: no stream is ever head-of-line blocked.
    expect(s.headOfLine).toEqual({ total: 0, longest: 0, count: 0 });
    expect(s.ownData).toEqual({ total: s.total, longest: s.longest, count: s.count });
    const sum = s.streams.reduce((a, x) => a + x.ms, 0);
    expect(s.total).toBeCloseTo(sum, 6);
    for (const x of s.streams) expect(x.ms).toBe(x.ownDataMs);
  });

  it('HTTP/3 0-RTT sends the HTML request at 0 and survives an address change', () => {
    const h3 = run(
      file(
        'h3.json',
        '{"http":{"version":"3"},"tls":"tls1.3-0rtt","client":{"addressChangeAtMs":50}}',
      ),
    );
    expect(h3.code).toBe(0);
    const out = JSON.parse(h3.stdout) as {
      requests: { sentMs: number }[];
      connectionsOpened: number;
    };
    expect(out.requests[0]?.sentMs).toBe(0);
    expect(out.connectionsOpened).toBe(1);
  });
});

describe('cli: --har', { timeout: 30_000 }, () => {
  const chrome = join(root, 'tests/fixtures/har/chrome.har');

  it('replays a HAR under the four protocols, with what it read and left out', () => {
    const r = run('--har', chrome, '--rtt', '80', '--bandwidth', '50', '--loss', '0.01');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      page: Record<string, unknown>;
      results: { protocol: string; pageLoadMs: number; connectionsOpened: number }[];
    };
    // The fixture (tests/unit/sim/har/fixtures.test.ts): a document and 5 objects on two
    // origins, and one request after the page went quiet (www's /beacon, 1,600 ms after the
    // document's start), replayed then as a follow-up, outside the page.
    expect(out.page).toMatchObject({
      origins: 2,
      objects: 6,
      rttMs: 80,
      rttFrom: 'option',
      bandwidthMbps: 50,
      lossRate: 0.01,
      entries: 7,
      lateReplayed: 1,
      notReplayed: { late: 0, overLimit: 0 },
    });
    expect(out.results.map((x) => x.protocol)).toEqual(['1.0', '1.1', '2', '3']);
    for (const x of out.results) expect(x.pageLoadMs).toBeGreaterThan(0);
    // HTTP/1.0 opens a connection per object (6). HTTP/1.1: the HTML's connection to www takes
    // the stylesheet, the logo opens a second to www and the script one to the CDN; when the
    // stylesheet arrives (one round trip) that one is still in its TCP and TLS handshakes, so the
    // font (found by the stylesheet, on the CDN) opens a second to the CDN; the script's fetch
    // reuses an idle one to www: 4. HTTP/2 and HTTP/3: one per origin (2). The beacon: a seventh
    // over HTTP/1.0; over HTTP/1.1 the HTML's connection is idle by then (the logo, its last,
    // ended), and HTTP/2 and HTTP/3 send it on www's one connection.
    expect(out.results.map((x) => x.connectionsOpened)).toEqual([7, 4, 2, 2]);
  });

  it.each([
    ['not JSON', 'nope', /^error: cannot replay .*: The file is not valid JSON/],
    ['not a HAR', '{"log":{}}', /^error: cannot replay .*: The file is JSON but not a HAR file/],
    [
      'empty',
      '{"log":{"entries":[]}}',
      /^error: cannot replay .*: The HAR file contains no requests/,
    ],
  ])('a file that is %s exits 2 with one line naming the problem', (_what, text, pattern) => {
    const r = run('--har', file('bad.har', text));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the DNS lookup time: the HAR’s by default, --dns MS when given', () => {
    // The fixture's first requests per host looked their names up in 20 ms (www) and 15 ms
    // (cdn): the lower median, 15.
    const measured = JSON.parse(run('--har', chrome, '--rtt', '80').stdout) as {
      page: Record<string, unknown>;
      results: { pageLoadMs: number }[];
    };
    expect(measured.page).toMatchObject({ dnsMs: 15, dnsFrom: 'dns' });
    const none = JSON.parse(run('--har', chrome, '--rtt', '80', '--dns', '0').stdout) as {
      page: Record<string, unknown>;
      results: { pageLoadMs: number }[];
    };
    expect(none.page).toMatchObject({ dnsMs: 0, dnsFrom: 'option' });
    // Every protocol waits for the document's lookup at least: each load is 15 ms or more longer.
    for (const [i, x] of measured.results.entries())
      expect(x.pageLoadMs).toBeGreaterThanOrEqual((none.results[i]?.pageLoadMs ?? 0) + 15);
    const sizes = join(root, 'tests/fixtures/har/sizes.har');
    const guessed = JSON.parse(run('--har', sizes).stdout) as { page: Record<string, unknown> };
    // No timings.dns at all in that file: 0, and from nothing.
    expect(guessed.page).toMatchObject({ dnsMs: 0, dnsFrom: 'none' });
  });

  it('network options out of range, or without --har, exit 2', () => {
    for (const args of [
      ['--har', chrome, '--rtt', '0'],
      ['--har', chrome, '--loss', '0.9'],
      ['--har', chrome, '--bandwidth', 'fast'],
      ['--har', chrome, '--dns', '-1'],
      ['--har', chrome, '--dns', '10001'],
      ['--har', chrome, '--dns'],
      ['--preset', 'hpbn-ch2-new', '--rtt', '50'],
      ['--preset', 'hpbn-ch2-new', '--dns', '50'],
    ]) {
      const r = run(...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
