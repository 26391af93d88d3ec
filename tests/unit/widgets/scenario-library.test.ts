import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaults,
  parseParams,
  withDefaults,
  type ParamSchema,
} from '../../../src/components/controls/params';
import { imageHostScenario } from '../../../src/components/widgets/image-host-params';
import { runHost } from '../../../src/components/widgets/image-host-runs';
import {
  scenarioEmbedHref,
  scenarioGalleryHref,
  scenarioMenuHref,
  scenarioValues,
  type Initial,
} from '../../../src/components/widgets/scenario-links';
import {
  allScenarios,
  CHAPTER_IDS,
  libraryText,
  scenarioLibrary,
  scenarioText,
  scenariosFor,
  type LibraryScenario,
} from '../../../src/components/widgets/scenario-library';
import { widgetParams, type WidgetName } from '../../../src/components/widgets/schemas';
import { serverTimeoutMoment } from '../../../src/components/widgets/timeout-race-scenarios';
import { serverRuns } from '../../../src/components/widgets/follow-up-facts';
import { widgetNames, widgetRegistry } from '../../../src/components/widgets/registry';
import { simulate, type SimResult, type Trace } from '../../../src/sim';

const schemaOf = (sc: LibraryScenario): ParamSchema => widgetParams[sc.widget].schema;
const named = (sc: LibraryScenario): string => `${sc.widget}/${sc.id}`;

/** The runs a widget draws for a scenario (with some values changed: a purpose's comparison). */
function runs(widget: WidgetName, id: string, changes: Record<string, unknown> = {}): SimResult[] {
  const sc = scenarioLibrary[widget].find((x) => x.id === id);
  if (!sc) throw new Error(`no scenario ${widget}/${id}`);
  const { scenarios } = widgetParams[widget] as unknown as {
    scenarios: (v: unknown) => readonly Parameters<typeof simulate>[0][];
  };
  return scenarios({ ...scenarioValues(sc), ...changes }).map((input) => simulate(input));
}

/** Values of a scenario, typed for the widget's own scenario builders. */
function valuesOf(widget: WidgetName, id: string): never {
  const sc = scenarioLibrary[widget].find((x) => x.id === id);
  if (!sc) throw new Error(`no scenario ${widget}/${id}`);
  return scenarioValues(sc) as never;
}

/** Round trips between the connection's start and the first request leaving, as the Handshake says. */
function roundTripsBeforeRequest(r: SimResult): { rtts: number; sentMs: number } {
  const open = r.trace.find((e) => e.type === 'conn-open');
  const sent = r.trace.find((e) => e.type === 'request' && e.step === 'sent');
  if (!open || !sent) throw new Error('no connection or request in the trace');
  return {
    rtts: Math.round((sent.t - open.t) / r.scenario.network.rttMs),
    sentMs: sent.t - open.t,
  };
}

/** Most client connections live at once: from opening until the client starts closing it. */
function peakOpen(trace: Trace): number {
  const deltas: [number, number][] = [];
  const closed = new Set<number>();
  for (const e of trace) {
    if (e.type === 'conn-open') deltas.push([e.t, 1]);
    if (
      e.type === 'conn' &&
      e.side === 'client' &&
      (e.phase === 'closing' || e.phase === 'time-wait' || e.phase === 'closed') &&
      !closed.has(e.conn)
    ) {
      closed.add(e.conn);
      deltas.push([e.t, -1]);
    }
  }
  deltas.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let peak = 0;
  for (const [, d] of deltas) peak = Math.max(peak, (open += d));
  return peak;
}

describe('scenarioLibrary', () => {
  it('has 3 to 5 scenarios for every widget, about 35 in all', () => {
    for (const name of widgetNames) {
      expect(scenarioLibrary[name].length, name).toBeGreaterThanOrEqual(3);
      expect(scenarioLibrary[name].length, name).toBeLessThanOrEqual(5);
      for (const sc of scenarioLibrary[name]) expect(sc.widget).toBe(name);
    }
    expect(allScenarios.length).toBeGreaterThanOrEqual(30);
    expect(allScenarios.length).toBeLessThanOrEqual(45);
  });

  it('gives every scenario a kebab-case id, unique within its widget', () => {
    for (const name of widgetNames) {
      const ids = scenarioLibrary[name].map((sc) => sc.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  describe.each(allScenarios.map((sc) => [named(sc), sc] as const))('%s', (_, sc) => {
    it('passes its widget schema: known keys, in range, on the step grid (withDefaults)', () => {
      expect(() => withDefaults(schemaOf(sc), sc.values as never)).not.toThrow();
    });

    it('sets every value it lists to something other than the default, and differs from the defaults', () => {
      const d = defaults(schemaOf(sc)) as Record<string, unknown>;
      const keys = Object.keys(sc.values);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(sc.values[key], key).not.toBe(d[key]);
    });

    it('teaches a chapter that exists in both languages and cites sources', () => {
      const files = (lang: string): string[] =>
        readdirSync(`src/content/chapters/${lang}`).map((f) => f.replace(/\.mdx$/, ''));
      expect(files('en')).toContain(sc.chapter);
      expect(files('zh')).toContain(sc.chapter);
      expect(sc.sources.length).toBeGreaterThan(0);
      for (const source of sc.sources) expect(source.trim()).not.toBe('');
    });

    it('has a title and a purpose in English and in Chinese', () => {
      for (const lang of ['en', 'zh'] as const) {
        const { title, purpose } = scenarioText(lang, sc);
        expect(title.trim(), lang).not.toBe('');
        expect(purpose.trim(), lang).not.toBe('');
      }
      expect(scenarioText('zh', sc).title).not.toBe(scenarioText('en', sc).title);
    });

    it('round-trips its links through the URL parsing: embed, gallery, chapter instance, guide', () => {
      const schema = schemaOf(sc);
      const want = scenarioValues(sc);
      const read = (href: string, s: ParamSchema, ns: string): unknown => {
        const parsed = parseParams(s, new URL(href, 'https://example.org/x/').search, ns);
        expect(parsed.notices, href).toEqual([]);
        return parsed.values;
      };
      expect(read(scenarioMenuHref(sc, sc.widget, true), schema, '')).toEqual(want);
      const gallery = widgetRegistry[sc.widget].galleryId;
      expect(read(scenarioMenuHref(sc, gallery, false), schema, gallery)).toEqual(want);
      // On a chapter the instance starts from the chapter's values: the link still gives the scenario.
      const d = defaults(schema) as Record<string, unknown>;
      const initial: Initial = Object.fromEntries(
        schema
          .filter((p) => p.type === 'boolean' || p.type === 'enum')
          .map((p) => [p.key, p.type === 'boolean' ? !d[p.key] : (p.options.at(-1) as string)]),
      );
      const chapterSchema = withDefaults(schema, initial as never);
      expect(read(scenarioMenuHref(sc, 'lesson', false, initial), chapterSchema, 'lesson')).toEqual(
        want,
      );
      for (const lang of ['en', 'zh'] as const) {
        expect(read(scenarioGalleryHref(lang, sc), schema, gallery)).toEqual(want);
        expect(read(scenarioEmbedHref(lang, sc), schema, '')).toEqual(want);
      }
      expect(scenarioGalleryHref('zh', sc)).toMatch(/^\/zh\/widgets\/\?/);
      expect(scenarioEmbedHref('en', sc)).toMatch(new RegExp(`^/embed/${sc.widget}/\\?`));
    });
  });

  it('has strings for exactly the scenarios it lists, in both languages', () => {
    for (const lang of ['en', 'zh'] as const) {
      const text = libraryText(lang).widgets as Record<string, Record<string, unknown>>;
      for (const name of widgetNames) {
        expect(Object.keys(text[name] ?? {}).sort(), `${lang} ${name}`).toEqual(
          scenarioLibrary[name].map((sc) => sc.id).sort(),
        );
      }
    }
  });

  it('lists every chapter id it uses, and each chapter of 1-9 has lesson steps', () => {
    for (const id of CHAPTER_IDS.slice(0, 9))
      expect(scenariosFor(id).length, id).toBeGreaterThan(0);
  });
});

describe('what the purposes state, computed by the simulation', () => {
  it('handshake: 1 round trip before the request with TCP alone, 3 with TLS 1.2', () => {
    expect(roundTripsBeforeRequest(runs('handshake', 'tcp-only')[0]!).rtts).toBe(1);
    expect(roundTripsBeforeRequest(runs('handshake', 'tls12-full')[0]!).rtts).toBe(3);
  });

  it('handshake: TLS 1.3 at RTT 250 ms sends the request after 2 round trips, 500 ms', () => {
    const r = roundTripsBeforeRequest(runs('handshake', 'tls13-long-path')[0]!);
    expect(r.rtts).toBe(2);
    expect(r.sentMs).toBeCloseTo(500, 0);
  });

  it('handshake: a resumed TLS 1.3 session still takes 2 round trips before the request', () => {
    expect(roundTripsBeforeRequest(runs('handshake', 'tls13-resumed')[0]!).rtts).toBe(2);
  });

  it('race: without keep-alive every object opens a connection; keep-alive reuses a few', () => {
    const [http10, keepAlive] = runs('race', 'microscape-1997');
    expect(http10!.metrics.connectionsOpened).toBe(43);
    expect(keepAlive!.metrics.connectionsOpened).toBe(4);
    const [six10, sixKa] = runs('race', 'six-connections');
    expect(six10!.metrics.connectionsOpened).toBe(31);
    expect(sixKa!.metrics.connectionsOpened).toBe(6);
    expect(sixKa!.metrics.pageLoadMs).toBeLessThan(six10!.metrics.pageLoadMs);
  });

  it('pipelining: behind the slow first image, every other response finishes after it', () => {
    for (const id of ['slow-first', 'very-slow-first']) {
      const pipelined = runs('pipelining', id)[1]!;
      const objects = pipelined.metrics.requests.filter((q) => q.path !== '/');
      const first = objects[0]!.doneMs!;
      for (const q of objects.slice(1)) expect(q.doneMs!).toBeGreaterThan(first);
    }
  });

  it('page-load: HTTP/0.9 and HTTP/1.0 without Keep-Alive open a connection per object', () => {
    expect(runs('page-load', 'http09')[0]!.metrics.connectionsOpened).toBe(6);
    expect(runs('page-load', 'http10-close')[0]!.metrics.connectionsOpened).toBe(9);
  });

  it('page-load: the warm window brings the click’s response sooner than slow-start restart', () => {
    const done = (id: string): number =>
      runs('page-load', id)[0]!.metrics.requests.find((q) => q.followUp)!.doneMs!;
    expect(done('warm-window')).toBeLessThan(done('slow-start-restart'));
  });

  it('page-load: the server closes 5 s after its last response; the click at 8 s opens a new connection', () => {
    const r = runs('page-load', 'idle-timeout-reopen')[0]!;
    const close = r.trace.find(
      (e) => e.type === 'conn' && e.side === 'server' && e.reason === 'keep-alive-timeout',
    );
    const lastResponse = Math.max(
      ...r.trace
        .filter((e) => e.type === 'request' && e.step === 'server-end' && e.t < close!.t)
        .map((e) => e.t),
    );
    expect(close!.t - lastResponse).toBeCloseTo(5000, 0);
    const click = r.metrics.requests.find((q) => q.followUp)!;
    expect(click.reused).toBe(false);
    expect(r.metrics.connectionsOpened).toBe(2);
  });

  it('connection-pool: 2 per host opens 2 connections, 6 per host 6, sharding more', () => {
    const opened = (id: string): number =>
      runs('connection-pool', id)[0]!.metrics.connectionsOpened;
    expect(opened('two-per-host')).toBe(2);
    expect(opened('six-per-host')).toBe(6);
    expect(opened('sharding')).toBeGreaterThan(opened('two-per-host'));
  });

  it('connection-pool: 4 shards × 6 could hold 24 connections; the cap keeps it to 8 at a time', () => {
    const capped = runs('connection-pool', 'total-cap')[0]!;
    expect(peakOpen(capped.trace)).toBe(8);
    const uncapped = runs('connection-pool', 'total-cap', { totalCap: 32 })[0]!;
    expect(peakOpen(uncapped.trace)).toBeGreaterThan(8);
  });

  it('timeout-race: the POST is retried, refused by an idempotent-only client, or run twice', () => {
    const click = (id: string): { r: SimResult; f: SimResult['metrics']['requests'][number] } => {
      const r = runs('timeout-race', id)[0]!;
      return { r, f: r.metrics.requests.find((q) => q.followUp)! };
    };
    const retried = click('post-retried');
    expect(retried.f.retries).toBe(1);
    expect(retried.f.error).toBeNull();
    expect(serverRuns(retried.r.trace, retried.f.requestId).processed).toBe(1);
    const refused = click('post-idempotent-only');
    expect(refused.f.retries).toBe(0);
    expect(refused.f.error).not.toBeNull();
    expect(serverRuns(refused.r.trace, refused.f.requestId).processed).toBe(0);
    const twice = click('post-processed-twice');
    expect(serverRuns(twice.r.trace, twice.f.requestId).processed).toBe(2);
  });

  it('timeout-race: a click 300 ms early reuses the connection; a shorter client timeout avoids the race', () => {
    const v = valuesOf('timeout-race', 'click-in-time') as { clickOffset: number };
    expect(v.clickOffset).toBe(-300);
    const early = runs('timeout-race', 'click-in-time')[0]!;
    const f = early.metrics.requests.find((q) => q.followUp)!;
    expect(f.reused).toBe(true);
    expect(f.retries).toBe(0);
    expect(f.queuedMs).toBeCloseTo(
      serverTimeoutMoment(valuesOf('timeout-race', 'click-in-time')) - 300,
      3,
    );
    const first = runs('timeout-race', 'client-closes-first')[0]!;
    const g = first.metrics.requests.find((q) => q.followUp)!;
    expect(g.retries).toBe(0);
    expect(g.error).toBeNull();
    expect(g.reused).toBe(false);
  });

  it('image-host: 15 s turns visitors away with 256 workers, not when event-driven or with 1,000', () => {
    const host = (id: string): ReturnType<typeof runHost>['workload'] =>
      runHost(simulate, imageHostScenario(valuesOf('image-host', id))).workload;
    const apache = host('apache20-15s');
    expect(apache.refused + apache.synDrops).toBeGreaterThan(0);
    const event = host('event-driven');
    expect(event.refused + event.synDrops).toBe(0);
    const more = host('more-workers');
    expect(more.refused + more.synDrops).toBe(0);
    expect(more.meanWorkersIdle).toBeGreaterThan(10 * more.meanWorkersBusy);
    const off = host('no-keepalive');
    expect(off.refused + off.synDrops).toBe(0);
    expect(off.meanWorkersIdle).toBe(0);
  });

  it('multiplexing: one connection for HTTP/2 and HTTP/3 instead of six', () => {
    const [h1, h2, h3] = runs('multiplexing', 'long-path');
    expect(h1!.metrics.connectionsOpened).toBe(6);
    expect(h2!.metrics.connectionsOpened).toBe(1);
    expect(h3!.metrics.connectionsOpened).toBe(1);
  });

  it('multiplexing: under loss HTTP/2 streams are head-of-line blocked, HTTP/3 streams are not', () => {
    for (const id of ['one-lost-packet', 'random-loss']) {
      const [, h2, h3] = runs('multiplexing', id);
      expect(h2!.metrics.streamStallMs!.headOfLine.total, id).toBeGreaterThan(0);
      expect(h3!.metrics.streamStallMs!.headOfLine.total, id).toBe(0);
    }
  });

  it('multiplexing: with 0-RTT HTTP/3 sends its first request at once, TCP after a round trip', () => {
    const [, h2, h3] = runs('multiplexing', 'zero-rtt');
    expect(h3!.metrics.requests[0]!.sentMs).toBe(0);
    expect(h2!.metrics.requests[0]!.sentMs).toBeGreaterThanOrEqual(100);
  });

  it('playground: Fast Open saves 1 round trip on each of the 3 later connections', () => {
    const withTfo = runs('playground', 'fast-open')[0]!;
    const without = runs('playground', 'fast-open', { fastOpen: false })[0]!;
    expect(withTfo.metrics.connectionsOpened).toBe(4);
    expect(without.metrics.pageLoadMs - withTfo.metrics.pageLoadMs).toBeCloseTo(3 * 100, 0);
  });

  it('playground: Nagle with delayed ACK is slower than with Nagle off', () => {
    const nagle = runs('playground', 'nagle-delayed-ack')[0]!;
    const off = runs('playground', 'nagle-delayed-ack', { nagle: false })[0]!;
    expect(nagle.metrics.pageLoadMs).toBeGreaterThan(off.metrics.pageLoadMs);
  });

  it('playground: the first SYN is lost twice and sent again after 1 s, then 2 s more', () => {
    const r = runs('playground', 'syn-retries')[0]!;
    const syns = r.trace.filter((e) => e.type === 'packet' && e.kind === 'SYN' && e.conn === 1);
    expect(syns.map((e) => e.t)).toEqual([0, 1000, 3000]);
    expect(syns.map((e) => e.type === 'packet' && e.dropped)).toEqual([true, true, false]);
    const firstRequest = r.metrics.requests[0]!;
    expect(firstRequest.sentMs!).toBeGreaterThan(3000);
  });

  it('playground: the client’s address changes mid-load and the QUIC connection carries on', () => {
    const r = runs('playground', 'quic-migration')[0]!;
    expect(r.metrics.pageLoadMs).toBeGreaterThan(300);
    expect(r.metrics.connectionsOpened).toBe(1);
    expect(r.metrics.pageComplete).toBe(true);
    // The same change breaks a TCP connection (HTTP/2): the browser has to open another.
    const tcp = runs('playground', 'quic-migration', { version: '2' })[0]!;
    expect(tcp.metrics.connectionsOpened).toBeGreaterThan(1);
  });
});
