/** The "Replay your page" page (`ReplayPage.astro`, `replay-page.ts`). */
import { HAR_ERROR_MESSAGES } from '../../sim/har/types';

export const replay = {
  title: 'Replay your page',
  summary:
    'Load a HAR file saved by your browser and see the same page load over HTTP/1.0, HTTP/1.1 keep-alive, HTTP/2 and HTTP/3, simulated on one network.',
  lead: 'Every chapter loads a made-up page. This page loads yours. Save a HAR file (an HTTP Archive: the list of requests your browser made for one page, with their sizes and timings), choose it here, and the simulation replays the same page four times: over HTTP/1.0 with a new connection per request, HTTP/1.1 keep-alive, HTTP/2 and HTTP/3. Each of your page’s origins gets its own connections, each object its size and the server time it measured, and each object is requested once the one that named it has arrived (a stylesheet’s font, a script’s fetch).',
  privacy:
    'The file never leaves your browser: it is read and simulated here, in background workers. Nothing is uploaded.',
  howTo: 'How to save a HAR file',
  howToSteps: [
    'Chrome and Edge: open DevTools (F12), choose the Network panel, reload the page, then right-click the list of requests and choose “Save all as HAR”.',
    'Firefox: open the Network panel (Ctrl+Shift+E), reload the page, open the panel’s settings (the cog) and choose “Save All As HAR”.',
    'Safari: turn on the Develop menu, open Web Inspector’s Network tab, reload the page and click Export.',
  ],
  noJs: 'Replaying a page needs JavaScript. Without it, the command line does the same on your own machine: npm run sim -- --har page.har (see the README).',
  form: 'Your page',
  file: 'HAR file',
  fileHint: 'A .har file of at most 20 MB; choose it, or drop it on this box.',
  sample: 'Or replay a sample',
  samples: {
    'two-origins': 'Two origins, six requests',
    gallery: 'A photo gallery: three origins, 29 requests',
  },
  sampleHint:
    'Pages recorded with Chromium from local test pages. The first: its HTML, an image and a JSON file from one origin, a stylesheet, its font and a script from another. The gallery: its HTML, the same stylesheet, font and script, and 24 photos of 6 to 41 KB from an image host. Recorded on one machine, their own round trip is under a millisecond: they replay at 100 ms unless you enter another round-trip time.',
  sampleButton: 'Replay the sample',
  network: 'Network',
  rtt: 'Round-trip time (ms)',
  rttHint: 'Empty: the round trip the HAR measured.',
  bandwidth: 'Bandwidth (Mbit/s)',
  loss: 'Packet loss (%)',
  dns: 'DNS lookup (ms)',
  dnsHint: 'One lookup per new hostname. Empty: the HAR’s own (0 when it recorded none).',
  replayAgain: 'Replay with these numbers',
  reading: 'Reading {name}…',
  computing: 'Replaying {name} under four protocols…',
  done: 'Replayed {name}: read and simulated four times in {ms} ms, in this browser.',
  errors: {
    // The importer's own sentences, as the command line prints them.
    ...HAR_ERROR_MESSAGES,
    'too-big':
      'The page is too large for the simulation: {detail}. Save the HAR of a smaller page, or of the first part of this one.',
    failed: 'The replay failed: {message}',
    unreadable: 'The file could not be read: {message}',
    badParam: '{field} must be between {min} and {max}; {value} was replaced by {used}.',
    badParamMeasured:
      '{field} must be between {min} and {max}; {value} was ignored, so the HAR’s own round trip is used.',
    badParamMeasuredDns:
      '{field} must be between {min} and {max}; {value} was ignored, so the HAR’s own DNS lookup time is used.',
  },
  results: 'The page load under each protocol',
  caption:
    'Simulated over {rtt} ms round trips ({rttFrom}), {bandwidth} Mbit/s and {loss} % packet loss, with a {dns} ms DNS lookup per new hostname ({dnsFrom}); TLS 1.3 everywhere, at most 6 connections per host. The bar is the page load, on one scale.',
  rttFrom: {
    connect: 'measured in the HAR',
    'min-wait': 'estimated from the HAR’s waits',
    none: 'the default',
    option: 'yours',
  },
  dnsFrom: {
    dns: 'the median of the HAR’s first lookup per host',
    none: 'the HAR recorded no lookup time',
    option: 'yours',
  },
  columns: {
    protocol: 'Protocol',
    load: 'Page load',
    connections: 'Connections',
    handshakes: 'Handshake round trips',
  },
  protocols: {
    '1.0': 'HTTP/1.0, a new connection per request',
    '1.1': 'HTTP/1.1 keep-alive',
    '2': 'HTTP/2',
    '3': 'HTTP/3 over QUIC',
  },
  measured: 'The HAR’s own load (the browser’s load event)',
  ms: '{n} ms',
  incomplete: '{n} ms (not every request completed)',
  verdict:
    '{best} loads the page in {bestMs} ms and {worst} in {worstMs} ms. The browser that saved the HAR took {measuredMs} ms: it also parsed, ran scripts and laid out the page, which the simulation does not model, and its network was not this one.',
  viewsTitle: 'Your page, four ways, on one clock',
  viewsCaption:
    'The same replay, drawn: each protocol’s packets and requests over time. Play the four together, or step through their events.',
  viewsSummary: 'Page load: HTTP/1.0 {h10} ms, HTTP/1.1 {h11} ms, HTTP/2 {h2} ms, HTTP/3 {h3} ms.',
  read: 'What was read',
  readLine:
    '{replayed} of {entries} requests replayed, from {origins} origins: {bytes} bytes of bodies.',
  lateLine:
    'Requests made after the page had gone quiet, replayed at the times the file gives (counted from the document’s start) and not part of the page load: {n}.',
  origins: 'Origins in the file: {list}.',
  coalesced:
    'Origins that shared a connection in the recording, and share one here over HTTP/2 and HTTP/3: {list}.',
  coalescedPair: '{origin} on {with}',
  ignored: 'Left out: {list}.',
  ignoredReasons: {
    malformed: 'malformed: {n}',
    'data-url': 'data: URLs: {n}',
    'blob-url': 'blob: URLs: {n}',
    'not-http': 'not over HTTP: {n}',
    'other-page': 'of other pages: {n}',
    'service-worker': 'answered by a service worker: {n}',
    'from-cache': 'served from the browser’s cache: {n}',
    failed: 'failed or aborted: {n}',
    redirect: 'redirects before the document: {n}',
  },
  notReplayed: {
    late: 'requests made after the page had gone quiet beyond the 100 the simulation replays at their times, or over an hour in, not replayed: {n}',
    overLimit: 'requests beyond the simulation’s 1,000 objects: {n}',
    asGet: 'requests with other methods than GET, replayed as GET: {n}',
    emptyBodies: 'empty bodies, replayed as 1 byte: {n}',
  },
  notReplayedLead: 'Replayed differently: {list}.',
  guessedFields: {
    bytes: 'response sizes the file does not give: {n}',
    parent: 'requests that name no initiator or referrer, taken as found by the HTML: {n}',
    startMs: 'start times that could not be read: {n}',
    durationMs: 'durations that could not be read: {n}',
    thinkMs: 'server times, for want of a round trip to subtract: {n}',
    rtt: 'the round trip, for want of connection timings',
    dns: 'DNS lookups, taken as 0 ms: no host’s first request recorded time spent on one',
    method: 'methods, taken as GET: {n}',
    document: 'the document: the first request is not an HTML page',
    measuredLoadMs:
      'the page’s own load time: the file has no load event, so the end of its last request',
  },
  guessed: 'Guessed: {list}.',
  listSep: '; ',
  notModelled:
    'Not modelled: request bodies, priorities and the browser’s own work between responses; every DNS lookup takes the same time; flow control (TCP’s receive window is 6 MB, as browsers advertise with window scaling; HTTP/2’s and QUIC’s windows are not modelled); origins share connections only where the recording shows that they did.',
};
