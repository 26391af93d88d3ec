/**
 * The scenario library: for every widget, a few named states that each teach one point of a
 * chapter, for lessons (the "Scenarios" menu beside a widget's title, `ScenarioMenu.astro`) and
 * for the instructors' guide (`ScenarioLibrary.astro`). A scenario is only a set of parameter
 * values in its widget's own schema; every number the widget then shows comes from the
 * simulation. Titles and purposes are in `src/i18n/<lang>/scenarios.ts`, sources are the rows of
 * FACTS.md the values and the point come from. Pure data and lookups: the build and the tests
 * read it, no page loads it as JavaScript.
 */
import type { Lang } from '../../i18n/lang';
import { scenarios as enText } from '../../i18n/en/scenarios';
import { scenarios as zhText } from '../../i18n/zh/scenarios';
import type { ParamValues } from '../controls/params';
import type { WidgetName, widgetParams } from './schemas';

/** Chapters a scenario can teach: the file names in `src/content/chapters/<lang>/`. */
export const CHAPTER_IDS = [
  '01-why-connections-cost',
  '02-http-0-9',
  '03-http-1-0-keep-alive',
  '04-http-1-1',
  '05-pipelining',
  '06-browsers',
  '07-server-costs',
  '08-http-2',
  '09-http-3-quic',
  '10-playground',
] as const;

/** One chapter's file name. */
export type ChapterId = (typeof CHAPTER_IDS)[number];

/** Parameter values of a widget. */
export type WidgetValues<N extends WidgetName> = N extends WidgetName
  ? ParamValues<(typeof widgetParams)[N]['schema']>
  : never;

/** Scenario ids of a widget: the keys of its strings. */
export type ScenarioId<N extends WidgetName> = N extends WidgetName
  ? keyof (typeof enText)['widgets'][N] & string
  : never;

/** A named state of one widget and what it teaches. */
export interface LibraryScenario {
  /** Kebab-case, unique within the widget (a key of its strings). */
  readonly id: string;
  readonly widget: WidgetName;
  /** The chapter whose point it shows. */
  readonly chapter: ChapterId;
  /** The values that differ from the widget's schema defaults; the rest stay at their defaults. */
  readonly values: Readonly<Record<string, number | string | boolean>>;
  /** Where the values and the point come from (FACTS.md rows: RFC sections, papers, docs). */
  readonly sources: readonly string[];
}

/** A scenario, its id and values checked against its widget's strings and parameter types. */
function s<N extends WidgetName>(
  widget: N,
  id: ScenarioId<N>,
  chapter: ChapterId,
  values: Partial<WidgetValues<N>>,
  sources: readonly string[],
): LibraryScenario {
  return { id, widget, chapter, values: values as LibraryScenario['values'], sources };
}

const HPBN_TCP = 'HPBN ch.2 and ch.11: a TCP handshake costs 1 RTT before the request';
const MICROSCAPE = 'Nielsen et al. 1997, “Microscape” page: 42 KB HTML, 42 images, 125 KB';
const HPBN_RULE = 'HPBN ch.11: keep-alive saves (N − 1) × RTT over N requests';
const RFC9112_PIPE = 'RFC 9112 §9.3.2: responses in request order';
const RFC9110_RETRY = 'RFC 9110 §9.2.2: retrying non-idempotent requests';
const RFC9112_RACE = 'RFC 9112 §9.5: server closes as the client sends';
const RFC9113_HOL = 'RFC 9113 §9.1: one connection per host; TCP delivers in order';
const RFC9000_STREAMS = 'RFC 9000 §2: QUIC streams are independent';

/** Every scenario, by widget, in menu order. */
export const scenarioLibrary = {
  handshake: [
    s('handshake', 'tcp-only', '01-why-connections-cost', { tls: 'none' }, [HPBN_TCP]),
    s('handshake', 'tls12-full', '01-why-connections-cost', { tls: 'tls1.2' }, [
      'HPBN ch.4: a full TLS 1.2 handshake takes 2 RTT',
      'RFC 5246 §7.3',
    ]),
    s('handshake', 'tls13-long-path', '01-why-connections-cost', { rtt: 250 }, [
      'RFC 8446 §1.2, §2: a full TLS 1.3 handshake takes 1 RTT',
      HPBN_TCP,
    ]),
    s('handshake', 'tls13-resumed', '01-why-connections-cost', { tls: 'tls1.3-resumed' }, [
      'RFC 8446 §2.2: resumption with a PSK, still 1 RTT without early data',
      'RFC 5077 (session tickets)',
    ]),
  ],
  race: [
    s(
      'race',
      'microscape-1997',
      '03-http-1-0-keep-alive',
      { objects: 42, objectBytes: 3000, version: '1.0', connections: 4, serverTimeout: 15000 },
      [
        MICROSCAPE,
        'Microsoft KB 183110: WinInet, 4 connections per HTTP/1.0 server',
        'Apache 1.3 and 2.0: KeepAliveTimeout 15 s',
        'RFC 2068 §19.7.1: Connection: Keep-Alive',
      ],
    ),
    s('race', 'many-small-objects', '03-http-1-0-keep-alive', { objects: 40, objectBytes: 2000 }, [
      HPBN_RULE,
      'RFC 2616 §8.1.1: purpose of persistent connections',
    ]),
    s(
      'race',
      'few-large-objects',
      '03-http-1-0-keep-alive',
      { objects: 3, objectBytes: 100000, bandwidth: 2 },
      [HPBN_RULE, 'HPBN ch.2: bandwidth and slow start'],
    ),
    s('race', 'six-connections', '06-browsers', { objects: 30, connections: 6 }, [
      'HPBN ch.11: browsers open up to 6 connections per host',
      HPBN_RULE,
    ]),
  ],
  pipelining: [
    s(
      'pipelining',
      'quick-responses',
      '05-pipelining',
      { objects: 5, objectBytes: 3000, slowMs: 0 },
      [RFC9112_PIPE, 'HPBN ch.11: HTML and CSS example, 228 ms vs 172 ms pipelined'],
    ),
    s('pipelining', 'slow-first', '05-pipelining', { objects: 5, objectBytes: 3000, slowMs: 600 }, [
      RFC9112_PIPE,
      'chromium.org “HTTP Pipelining”: head-of-line blocking',
    ]),
    s('pipelining', 'very-slow-first', '05-pipelining', { objects: 10, slowMs: 2000 }, [
      RFC9112_PIPE,
      'chromium.org “HTTP Pipelining”: head-of-line blocking',
    ]),
    s('pipelining', 'long-path', '05-pipelining', { rtt: 300, objects: 20, slowMs: 0 }, [
      'Nielsen et al. 1997: pipelined HTTP/1.1 beat HTTP/1.0 everywhere',
      RFC9112_PIPE,
    ]),
  ],
  'page-load': [
    s('page-load', 'http09', '02-http-0-9', { version: '0.9', connections: 1 }, [
      'W3C, “HTTP as defined in 1991”: the server closes after the document',
    ]),
    s(
      'page-load',
      'http10-close',
      '03-http-1-0-keep-alive',
      { version: '1.0', keepAlive: false, objects: 8 },
      ['RFC 1945 §1.3: one connection per request', 'RFC 1945 §7.2.2'],
    ),
    s(
      'page-load',
      'slow-start-restart',
      '04-http-1-1',
      { connections: 1, objects: 6, objectBytes: 5000, followUpAt: 3000, followUpBytes: 150000 },
      ['HPBN ch.2: slow-start restart after idle (tcp_slow_start_after_idle)'],
    ),
    s(
      'page-load',
      'warm-window',
      '04-http-1-1',
      {
        connections: 1,
        objects: 6,
        objectBytes: 5000,
        slowStartAfterIdle: false,
        followUpAt: 3000,
        followUpBytes: 150000,
      },
      [
        'HPBN ch.2: a reused connection with a warm window, 96 ms instead of 264 ms',
        'HPBN ch.2: disable slow-start restart for long-lived connections',
      ],
    ),
    s('page-load', 'idle-timeout-reopen', '04-http-1-1', { connections: 1, followUpAt: 8000 }, [
      'Apache 2.2 and later: KeepAliveTimeout 5 s',
      'RFC 9112 §9.5: idle connections may be closed',
    ]),
  ],
  'connection-pool': [
    s('connection-pool', 'two-per-host', '06-browsers', { objects: 30 }, [
      'RFC 2616 §8.1.4: at most 2 connections per server',
      'Microsoft KB 183110: IE up to 7, 2 per HTTP/1.1 server',
    ]),
    s('connection-pool', 'six-per-host', '06-browsers', { perHost: 6, objects: 30 }, [
      'RFC 7230 §6.4, §A.2: the limit of two removed',
      'Chromium client_socket_pool_manager.cc: 6 per host',
      'Firefox all.js: 6 per server',
    ]),
    s('connection-pool', 'sharding', '06-browsers', { objects: 30, shards: 3 }, [
      'HPBN ch.11: domain sharding',
      'RFC 2616 §8.1.4: at most 2 connections per server',
    ]),
    s(
      'connection-pool',
      'total-cap',
      '06-browsers',
      { perHost: 6, shards: 4, totalCap: 8, objects: 40 },
      [
        'Gecko 1.8 all.js: 24 connections in total, 8 per server',
        'Wang & Cao: Netscape 4 evicted idle connections, LRU',
      ],
    ),
  ],
  'timeout-race': [
    s('timeout-race', 'post-retried', '06-browsers', { method: 'POST' }, [
      RFC9112_RACE,
      RFC9110_RETRY,
      'Chromium http_network_transaction.cc: ShouldResendRequest',
    ]),
    s(
      'timeout-race',
      'post-idempotent-only',
      '06-browsers',
      { method: 'POST', retryPolicy: 'idempotent-only' },
      [RFC9110_RETRY, 'RFC 2616 §8.1.4: non-idempotent requests MUST NOT be retried'],
    ),
    s('timeout-race', 'post-processed-twice', '06-browsers', { method: 'POST', cause: 'reset' }, [
      RFC9110_RETRY,
      'Microsoft KB 833301: WinInet resent a POST',
      'draft-nottingham-httpbis-retry-01 §2',
    ]),
    s('timeout-race', 'click-in-time', '06-browsers', { clickOffset: -300 }, [RFC9112_RACE]),
    s('timeout-race', 'client-closes-first', '06-browsers', { clientIdle: 4000 }, [
      'Firefox all.js: 115 s, under IIS’s 120 s',
      'AWS ALB docs: backend timeout longer than the load balancer’s',
    ]),
  ],
  'image-host': [
    s('image-host', 'apache20-15s', '07-server-costs', { timeout: 15 }, [
      'Apache 1.3 and 2.0: KeepAliveTimeout 15 s',
      'Mogul 1995, “The Case for Persistent-Connection HTTP”',
    ]),
    s('image-host', 'no-keepalive', '07-server-costs', { timeout: 0 }, [
      'Apache core docs: KeepAlive On by default',
    ]),
    s('image-host', 'event-driven', '07-server-costs', { timeout: 15, model: 'event' }, [
      'nginx ngx_http_core_module.c: keepalive_timeout 75 s',
    ]),
    s('image-host', 'more-workers', '07-server-costs', { timeout: 15, workers: 1000 }, [
      'Apache 1.3 and 2.0: KeepAliveTimeout 15 s',
      'Apache prefork: a connection holds a worker, idle or not',
    ]),
  ],
  multiplexing: [
    s('multiplexing', 'long-path', '08-http-2', { rtt: 200 }, [
      'RFC 9113 §9.1: one connection per host:port',
      'HPBN ch.11: browsers open up to 6 connections per host',
    ]),
    s('multiplexing', 'one-lost-packet', '08-http-2', { drop: 20 }, [RFC9113_HOL, RFC9000_STREAMS]),
    s('multiplexing', 'random-loss', '09-http-3-quic', { loss: 2 }, [RFC9113_HOL, RFC9000_STREAMS]),
    s('multiplexing', 'zero-rtt', '09-http-3-quic', { tls: 'tls1.3-0rtt' }, [
      'RFC 8446 §2.3: 0-RTT with a PSK',
      'RFC 9001 §4.6: QUIC 0-RTT',
    ]),
  ],
  playground: [
    s(
      'playground',
      'fast-open',
      '01-why-connections-cost',
      {
        tls: 'tls1.3-resumed',
        fastOpen: true,
        version: '1.0',
        keepAlive: false,
        bandwidth: 1000,
        htmlBytes: 1000,
        objects: 3,
        objectBytes: 1000,
        perHost: 1,
      },
      ['RFC 7413 §1: TCP Fast Open', 'RFC 8446 §2.2'],
    ),
    s(
      'playground',
      'nagle-delayed-ack',
      '05-pipelining',
      { bandwidth: 1000, delayedAck: true, nagle: true, htmlBytes: 22200, objects: 0 },
      [
        'Heidemann 1997, “Performance Interactions Between P-HTTP and TCP Implementations”',
        'RFC 896',
        'RFC 1122 §4.2.3.2',
      ],
    ),
    s(
      'playground',
      'syn-retries',
      '01-why-connections-cost',
      { loss: 10, seed: 23, objects: 20, synRetries: 2 },
      ['Linux include/net/tcp.h: TCP_TIMEOUT_INIT 1 s (RFC 6298)'],
    ),
    s(
      'playground',
      'quic-migration',
      '09-http-3-quic',
      { version: '3', tls: 'tls1.3', addressChangeAt: 300 },
      ['RFC 9000 §9: connection migration', 'RFC 9000 §5.1: connection IDs'],
    ),
  ],
} as const satisfies { readonly [N in WidgetName]: readonly LibraryScenario[] };

/** Every scenario of every widget, in gallery order. */
export const allScenarios: readonly LibraryScenario[] = Object.values(scenarioLibrary).flat();

/** A widget's scenarios, in menu order. */
export function scenariosOf(widget: WidgetName): readonly LibraryScenario[] {
  return scenarioLibrary[widget];
}

/** A chapter's scenarios, in gallery order. */
export function scenariosFor(chapter: ChapterId): readonly LibraryScenario[] {
  return allScenarios.filter((sc) => sc.chapter === chapter);
}

/** A scenario's title and one-line purpose in a language. */
export function scenarioText(
  lang: Lang,
  sc: LibraryScenario,
): { readonly title: string; readonly purpose: string } {
  const text = (lang === 'zh' ? zhText : enText).widgets as Readonly<
    Record<string, Readonly<Record<string, { title: string; purpose: string }>>>
  >;
  const entry = text[sc.widget]?.[sc.id];
  if (!entry) throw new Error(`scenario "${sc.widget}/${sc.id}": no ${lang} text`);
  return entry;
}

/** The library's words in a language (menu, guide tables, scenarios). */
export function libraryText(lang: Lang): typeof enText {
  return lang === 'zh' ? zhText : enText;
}
