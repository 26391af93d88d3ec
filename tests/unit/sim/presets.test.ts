import { describe, expect, it } from 'vitest';
import { presetNames, presets } from '../../../src/sim/presets';
import { validateScenario } from '../../../src/sim/scenario';
import { simulate } from '../../../src/sim/simulate';

function preset(name: string) {
  const p = presets[name];
  if (p === undefined) throw new Error(`no preset ${name}`);
  return p;
}

describe('presets', () => {
  it.each(presetNames)(
    '%s validates, cites FACTS.md, and loads completely (but for the failures it declares)',
    (name) => {
      const p = preset(name);
      expect(validateScenario(p.scenario).ok).toBe(true);
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(s).toMatch(/^FACTS\.md §\d/);
      const { metrics } = simulate(p.scenario);
      const failed = metrics.requests.filter((r) => r.error !== null);
      expect(failed).toHaveLength(p.failures ?? 0);
      expect(metrics.requests.every((r) => r.error !== null || r.doneMs !== null)).toBe(true);
    },
  );
});

describe('golden numbers from FACTS.md (HPBN)', () => {
  it('HPBN ch.2: 64 KB over a new connection is done at 264 ms', () => {
    // RTT 56: SYN 0, SYN-ACK 28, ACK+GET 56, server 84 + 40 ms, flights arrive 152, 208, 264.
    expect(simulate(preset('hpbn-ch2-new').scenario).metrics.requests[0]?.doneMs).toBe(264);
  });

  it('HPBN ch.2: the same request on a reused warm connection takes 96 ms', () => {
    // 28 ms up, 40 ms server, 28 ms down: all 45 segments in one flight (cwnd 55).
    const r = simulate(preset('hpbn-ch2-reused').scenario).metrics.requests[1];
    expect(r?.reused).toBe(true);
    expect((r?.doneMs ?? 0) - (r?.sentMs ?? 0)).toBe(96);
  });

  it('HPBN ch.11: two non-persistent connections load HTML + CSS in 284 ms', () => {
    // (56 + 28 + 40 + 28) + (56 + 28 + 20 + 28) = 152 + 132.
    expect(simulate(preset('hpbn-ch11-two-connections').scenario).metrics.pageLoadMs).toBe(284);
  });

  it('HPBN ch.11: keep-alive loads HTML + CSS in 228 ms', () => {
    // 152 + (28 + 20 + 28).
    expect(simulate(preset('hpbn-ch11-keepalive').scenario).metrics.pageLoadMs).toBe(228);
  });

  it('HPBN ch.11: pipelining loads HTML + CSS in 172 ms', () => {
    // Both requests arrive at 84; HTML out at 124 (arrives 152), CSS out at 144 (arrives 172).
    expect(simulate(preset('hpbn-ch11-pipelined').scenario).metrics.pageLoadMs).toBe(172);
  });

  it('HPBN ch.11: parallel server processing of the pipeline saves another 20 ms: 152 ms', () => {
    // CSS processed 84-104 alongside the HTML (84-124); written right after the HTML at 124.
    expect(simulate(preset('hpbn-ch11-pipelined-parallel').scenario).metrics.pageLoadMs).toBe(152);
  });

  it('timeout-race: the follow-up is retried once on a second connection', () => {
    const { metrics } = simulate(preset('timeout-race').scenario);
    expect(metrics.requests[1]).toMatchObject({ retries: 1, connectionId: 2, error: null });
  });

  it('nagle-delayed-ack: persistent HTTP is slower than HTTP/1.0 by about one 200 ms timer per response', () => {
    const sc = preset('nagle-delayed-ack').scenario;
    const persistent = simulate(sc).metrics;
    const http10 = simulate({ ...sc, http: { version: '1.0' } }).metrics;
    const noNagle = simulate({ ...sc, tcp: { ...sc.tcp, nagle: false } }).metrics;
    // Four responses, each held one delayed-ACK timer (200 ms) plus a LAN round trip (1 ms)
    // behind its unacknowledged odd segment: at least 4 x 200 ms more than without Nagle.
    expect(persistent.pageLoadMs - noNagle.pageLoadMs).toBeGreaterThanOrEqual(4 * 200);
    expect(persistent.pageLoadMs - noNagle.pageLoadMs).toBeLessThan(4 * (200 + 2 * 1) + 1);
    // HTTP/1.0 closes after each response: the FIN sends the short last segment at once.
    expect(http10.pageLoadMs).toBeLessThan(persistent.pageLoadMs - 4 * 150);
    expect(
      simulate({ ...sc, http: { version: '1.0' }, tcp: { ...sc.tcp, nagle: false } }).metrics
        .pageLoadMs,
    ).toBe(http10.pageLoadMs);
  });

  it('fast-open-reconnects: 4 + 42 x 2 RTT with Fast Open, 4 + 42 x 3 without (42 round trips saved)', () => {
    const sc = preset('fast-open-reconnects').scenario;
    const withTfo = simulate(sc).metrics;
    const without = simulate({ ...sc, tcp: { fastOpen: false } }).metrics;
    expect(withTfo.pageLoadMs).toBe((4 + 42 * 2) * 100);
    expect(without.pageLoadMs).toBe((4 + 42 * 3) * 100);
    expect(withTfo.connectionsOpened).toBe(43);
    // One TCP handshake round trip (the first connection's) instead of 43, plus 43 TLS ones.
    expect(withTfo.handshakeRoundTrips).toBe(1 + 43);
    expect(without.handshakeRoundTrips).toBe(43 + 43);
  });

  it('syn-gives-up: every visitor after the first two fails 127 s (1 + 2 + ... + 64) after its first SYN', () => {
    const { trace, workload } = simulate(preset('syn-gives-up').scenario);
    const opens = trace.filter((e) => e.type === 'conn-open');
    const errors = trace.filter((e) => e.type === 'request' && e.step === 'error');
    expect(opens.length).toBeGreaterThan(2);
    expect(errors).toHaveLength(opens.length - 2);
    for (const open of opens.slice(2)) {
      const err = errors.find((e) => e.type === 'request' && e.conn === open.conn);
      expect(Math.round(((err?.t ?? 0) - open.t) * 1000) / 1000).toBe(127_000);
    }
    expect(workload?.requestsFailed).toBe(opens.length - 2);
    expect(workload?.requestsCompleted).toBe(2);
  });

  it('duplicate-post: the POST is resent once and the server processes it twice', () => {
    const { trace, metrics } = simulate(preset('duplicate-post').scenario);
    expect(metrics.requests[1]).toMatchObject({ method: 'POST', retries: 1, connectionId: 2 });
    const ran = trace.filter(
      (e) =>
        e.type === 'request' &&
        e.requestId === 2 &&
        (e.step === 'server-end' || e.step === 'server-reset'),
    );
    expect(ran.map((e) => (e.type === 'request' ? [e.step, e.conn] : []))).toEqual([
      ['server-reset', 1],
      ['server-end', 2],
    ]);
  });
});
