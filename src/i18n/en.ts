import { conceptCheck } from './en/concept-check';
import { guide } from './en/guide';
import { views } from './en/views';
import { widgets } from './en/widgets';

/** English UI strings. Every key here exists in `zh.ts` too (the type enforces it). */
export const en = {
  views,
  widgets,
  guide,
  conceptCheck,
  site: {
    name: 'Keep-Alive',
    tagline: 'HTTP persistent connections, from HTTP/0.9 to HTTP/3, simulated in your browser',
    description:
      'An interactive tutorial on HTTP persistent connections (keep-alive): why connections cost, how HTTP/1.0, HTTP/1.1, pipelining, HTTP/2 and HTTP/3 reuse them, with live network simulations.',
  },
  nav: {
    skip: 'Skip to content',
    home: 'Home',
    chapters: 'Chapters',
    onThisPage: 'On this page',
    previous: 'Previous',
    next: 'Next',
    chapterN: 'Chapter {n}',
    primary: 'Site',
    glossary: 'Glossary',
    references: 'References',
    search: 'Search',
    pagination: 'Chapter navigation',
  },
  language: {
    switchTo: '中文',
    switchLabel: 'Read this page in Simplified Chinese',
  },
  theme: {
    label: 'Colour theme',
    auto: 'Theme: system',
    light: 'Theme: light',
    dark: 'Theme: dark',
  },
  home: {
    title: 'Keep-Alive: HTTP persistent connections, simulated',
    lead: 'A web page is dozens of objects, and every new TCP connection costs round trips before the first byte of a request can travel. This tutorial follows how HTTP learned to keep connections open — from HTTP/0.9, which closed after every document, to HTTP/3 over QUIC — and lets you watch each step in a deterministic network simulation that runs in your browser.',
    howTo:
      'Read the chapters in order, or jump to the one you need. Each diagram is computed by the same simulator from the scenario beside it, so the numbers you see are measured, not drawn.',
    contents: 'Contents',
  },
  chapter: {
    references: 'References',
    tryIt: 'Try it yourself',
    readingOrder: 'Chapter {n} of {total}',
  },
  exercise: {
    heading: 'Predict, then play',
    reveal: 'Reveal the answer',
    computed: 'The simulation computes:',
    scenario: 'Scenario used',
    difference: 'Difference: {value}',
    baseline: 'as described',
    variant: 'with the change',
    metrics: {
      pageLoadMs: 'page-load time',
      connectionsOpened: 'connections opened',
      packets: 'packets sent',
      handshakeRoundTrips: 'round trips spent on handshakes',
      meanWorkersHeld: 'workers held on average (busy or idle)',
      refused: 'connections refused',
      p95LatencyMs: '95th-percentile response time',
      throughputPerSec: 'throughput',
    },
    units: {
      pageLoadMs: '{n} ms',
      connectionsOpened: '{n}',
      packets: '{n}',
      handshakeRoundTrips: '{n}',
      meanWorkersHeld: '{n} workers',
      refused: '{n} connections',
      p95LatencyMs: '{n} ms',
      throughputPerSec: '{n} responses/s',
    },
  },
  references: {
    title: 'References',
    summary:
      'Every source the chapters cite: RFCs, papers, books and vendor documentation, with the chapters that cite them.',
    intro:
      'Every source cited in the chapters, in one list. Each entry links to the source and to the chapters that cite it.',
    citedIn: 'Cited in:',
  },
  search: {
    title: 'Search',
    summary:
      'Search the chapters and the glossary for a term, such as handshake, pipelining or TIME_WAIT.',
    label: 'Search the tutorial',
    button: 'Search',
    noJs: 'Search needs JavaScript. Without it, the table of contents on the home page lists every chapter.',
    loading: 'Loading the search index…',
    results: '{n} results for “{q}”',
    none: 'No results for “{q}”',
    failed: 'The search index could not be loaded.',
  },
  footer: {
    about:
      'Keep-Alive is an open educational project. Facts are cited to RFCs, papers and vendor documentation in each chapter’s references.',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    back: 'Go to the table of contents',
  },
};

/** The shape every UI dictionary has. */
export type Dictionary = typeof en;
