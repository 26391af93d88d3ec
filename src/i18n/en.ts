import { conceptCheck } from './en/concept-check';
import { guide } from './en/guide';
import { replay } from './en/replay';
import { views } from './en/views';
import { widgets } from './en/widgets';

/** English UI strings. Every key here exists in `zh.ts` too (the type enforces it). */
export const en = {
  views,
  widgets,
  guide,
  conceptCheck,
  replay,
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
    replayHeading: 'Your own page',
    replay:
      'Every chapter loads a made-up page. To see what keep-alive, HTTP/2 and HTTP/3 would change for a page you know, save a HAR file of it in your browser and {link}: it loads the same page under all four protocols, in your browser, without uploading anything.',
    replayLink: 'replay it here',
  },
  chapter: {
    references: 'References',
    tryIt: 'Try it yourself',
    whatToNotice: 'What to notice',
    myth: { label: 'Myth and fact', myth: 'Myth', fact: 'Fact', source: 'Source' },
    readingOrder: 'Chapter {n} of {total}',
  },
  exercise: {
    heading: 'Predict, then play',
    reveal: 'Show the answer',
    prediction: 'Your prediction',
    asDescribed: 'As described',
    withChange: 'With the change',
    check: 'Check my prediction',
    fieldLabel: '{case} ({unit})',
    invalid: 'Enter a number in each field first.',
    predictUnit: {
      pageLoadMs: 'ms',
      connectionsOpened: 'connections',
      packets: 'packets',
      handshakeRoundTrips: 'round trips',
      meanWorkersHeld: 'workers',
      refused: 'connections',
      p95LatencyMs: 'ms',
      throughputPerSec: 'responses per second',
    },
    tolerance: {
      halfRtt:
        'A prediction counts as right within half a round trip of the simulated time (±{ms} ms here): the round-trip count is what matters.',
      exact: 'A prediction counts as right when it matches the simulated count exactly.',
      relative:
        'A prediction counts as right within ±{pct} % of the simulated value: an estimate lands near it, not on it.',
    },
    toleranceShort: {
      halfRtt: '±½ RTT, ±{ms} ms',
      exact: 'exact count',
      relative: '±{pct} %',
    },
    yourLine: '{case}: you predicted {yours}; the simulation gives {sim}{rtt}.',
    rttNote: ' ({n} RTT)',
    within: 'Within the tolerance ({tolerance}).',
    outside: 'Off by {off}: outside the tolerance ({tolerance}).',
    // Between the two sentences of a feedback line (Chinese needs none after 。).
    sentenceGap: ' ',
    allRight: 'Right.',
    someWrong: 'Not yet right. Compare your reasoning with the explanation below.',
    newNumbers: 'New numbers',
    original: 'Original numbers',
    drawn: 'New numbers, seed {seed}: {values}. Everything else is as the question describes.',
    drawnFrom: '“New numbers” draws {ranges}.',
    listSep: ', ',
    draw: {
      rtt: 'RTT = {v} ms',
      objects: '{v} images',
      objectBytes: '{v} bytes per image',
      imageBytes: 'an image of {v} bytes',
      serverTimeout: 'server keep-alive timeout = {v} ms',
      clickAt: 'click at {v} ms',
      maxRequests: '{v} requests per connection',
      rate: '{v} visitors per second',
    },
    computing: 'The simulation is computing the answer for these numbers…',
    failed: 'The simulation could not run these numbers.',
    explainNote:
      'The reasoning below uses the question’s original numbers; apply the same count to the numbers of seed {seed}.',
    open: 'Open this scenario in the Playground',
    openChange: 'Open the changed scenario in the Playground',
    units: {
      pageLoadMs: '{n} ms',
      connectionsOpened: '{n} connections',
      packets: '{n} packets',
      handshakeRoundTrips: '{n} round trips',
      meanWorkersHeld: '{n} workers',
      refused: '{n} connections',
      p95LatencyMs: '{n} ms',
      throughputPerSec: '{n} responses per second',
    },
    unitsOne: {
      pageLoadMs: '{n} ms',
      connectionsOpened: '{n} connection',
      packets: '{n} packet',
      handshakeRoundTrips: '{n} round trip',
      meanWorkersHeld: '{n} worker',
      refused: '{n} connection',
      p95LatencyMs: '{n} ms',
      throughputPerSec: '{n} response per second',
    },
    one: {
      pageLoadMs: 'In the simulation the page loads in {a}.',
      connectionsOpened: 'In the simulation the browser opens {a}.',
      packets: 'In the simulation {a} are sent.',
      handshakeRoundTrips: 'In the simulation the handshakes take {a}.',
      meanWorkersHeld: 'In the simulation {a} are held on average, busy or idle.',
      refused: 'In the simulation the server refuses {a}.',
      p95LatencyMs: 'In the simulation the 95th-percentile response time is {a}.',
      throughputPerSec: 'In the simulation the server completes {a}.',
    },
    two: {
      pageLoadMs:
        'In the simulation the page loads in {a} as described, and in {b} with the change: {diff}.',
      connectionsOpened:
        'In the simulation the browser opens {a} as described, and {b} with the change: {diff}.',
      packets: 'In the simulation {a} are sent as described, and {b} with the change: {diff}.',
      handshakeRoundTrips:
        'In the simulation the handshakes take {a} as described, and {b} with the change: {diff}.',
      meanWorkersHeld:
        'In the simulation {a} are held on average (busy or idle) as described, and {b} with the change: {diff}.',
      refused:
        'In the simulation the server refuses {a} as described, and {b} with the change: {diff}.',
      p95LatencyMs:
        'In the simulation the 95th-percentile response time is {a} as described, and {b} with the change: {diff}.',
      throughputPerSec:
        'In the simulation the server completes {a} as described, and {b} with the change: {diff}.',
    },
    less: {
      pageLoadMs: '{n} ms faster',
      connectionsOpened: '{n} fewer',
      packets: '{n} fewer',
      handshakeRoundTrips: '{n} fewer',
      meanWorkersHeld: '{n} fewer',
      refused: '{n} fewer',
      p95LatencyMs: '{n} ms lower',
      throughputPerSec: '{n} fewer per second',
    },
    more: {
      pageLoadMs: '{n} ms slower',
      connectionsOpened: '{n} more',
      packets: '{n} more',
      handshakeRoundTrips: '{n} more',
      meanWorkersHeld: '{n} more',
      refused: '{n} more',
      p95LatencyMs: '{n} ms higher',
      throughputPerSec: '{n} more per second',
    },
    same: 'no difference',
  },
  progress: {
    answered: '{done} of {total} questions answered',
    reset: 'Reset my progress',
    cleared: 'Your progress has been cleared.',
    note: 'Answered questions are marked here. The record stays in this browser only.',
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
    otherLang: 'No results in English, but the Chinese pages have {n} for “{q}”.',
    otherLangLink: 'Search the Chinese pages',
    failed: 'The search index could not be loaded.',
  },
  footer: {
    corrections: 'What the Wikipedia article gets wrong',
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
