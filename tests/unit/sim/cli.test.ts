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
