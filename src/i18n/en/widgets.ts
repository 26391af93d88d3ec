/** English strings for the player, controls and widgets. */
export const widgets = {
  play: 'Play',
  pause: 'Pause',
  stepBack: 'Previous event',
  stepNext: 'Next event',
  reset: 'Reset',
  end: 'End',
  player: 'Playback controls',
  speed: 'Speed',
  speedHint: '1× plays the whole diagram in 8 seconds.',
  time: 'Time',
  timeOf: '{t} ms of {d} ms',
  timeValue: '{t} ms',
  shortcuts:
    'Keys, with focus in the diagram: Space or K play/pause · ← → or J L step · Home reset',
  reducedMotion: 'Reduced motion is on: Play moves one event at a time.',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  parameters: 'Parameters',
  packetsTitle: 'Packets',
  requestsTitle: 'Requests, by connection',
  notices: 'The address asked for values this diagram cannot use:',
  noticeClamped: '{key}={raw} is out of range; using {used}.',
  noticeInvalid: '{key}={raw} is not a valid value; using the default {used}.',
  noticeUnknown: '{key}={raw} is not a parameter of this diagram; ignored.',
  moreEvents: 'and {n} more events',
  atTime: '{t} ms:',
  noEvent: '{t} ms: nothing happens yet.',
  ms: 'ms',
  mbps: 'Mbit/s',
  bytes: 'bytes',
  connectionsUnit: 'connections',
  param: {
    rtt: 'Round-trip time',
    rttHelp: 'Time for a packet to reach the server and an answer to come back.',
    tls: 'Encryption',
    bandwidth: 'Bandwidth',
    objects: 'Images on the page',
    objectBytes: 'Size of each image',
    connections: 'Parallel connections',
    connectionsHelp: 'How many connections the browser may open to the server at once.',
    slowMs: 'Extra server time for the first image',
    version: 'Keep-alive side',
    versionHelp: 'Which protocol keeps the connection open on the right-hand side.',
    slowMsHelp: 'Makes the first image’s response slow, to show head-of-line blocking.',
    httpVersion: 'HTTP version',
    keepAlive: 'Keep-alive',
    keepAliveHelp:
      'HTTP/1.1: off sends Connection: close. HTTP/1.0: on sends Connection: Keep-Alive. HTTP/0.9 always closes.',
    perHost: 'Connections per host',
    perHostHelp: 'How many connections the browser may open to one hostname at once.',
    slowStartAfterIdle: 'Slow start after idle',
    slowStartAfterIdleHelp:
      'An idle connection’s congestion window falls back to its initial size before it is reused (the Linux default).',
    serverTimeout: 'Server keep-alive timeout',
    serverTimeoutHelp: 'The server closes a connection that has been idle this long.',
    followUpAt: 'Follow-up click at',
    followUpAtHelp: '0 means no click; otherwise one more GET this long after navigation starts.',
    followUpBytes: 'Size of the follow-up response',
    totalCap: 'Connections in total',
    totalCapHelp:
      'At this cap the browser closes its least recently used idle connection to open a new one.',
    shards: 'Hostnames for the images',
    shardsHelp: 'Domain sharding: the images are spread over this many hostnames.',
    clientIdle: 'Browser idle timeout',
    clientIdleHelp: 'The browser closes a connection that has been idle this long.',
    clickOffset: 'Click relative to the server’s timeout',
    clickOffsetHelp:
      'Negative: the click comes before the server’s idle timer fires; positive: after it.',
    method: 'Method of the click',
  },
  httpVersionOption: {
    '0.9': 'HTTP/0.9',
    '1.0': 'HTTP/1.0',
    '1.1': 'HTTP/1.1',
  },
  methodOption: {
    GET: 'GET (may be retried)',
    POST: 'POST (never retried)',
  },
  lanesTitle: 'Connections over time',
  listSeparator: ', ',
  versionOption: {
    '1.1': 'HTTP/1.1 (persistent by default)',
    '1.0': 'HTTP/1.0 + Connection: Keep-Alive',
  },
  tlsOption: {
    none: 'None (plain HTTP)',
    'tls1.2': 'TLS 1.2',
    'tls1.3': 'TLS 1.3',
  },
  roundTrips: {
    one: '1 round trip',
    other: '{n} round trips',
  },
  handshake: {
    title: 'Handshakes before the first request',
    caption:
      'A client opens a TCP connection to a server with a round-trip time of {rtt} ms, negotiates {tls}, and sends one small HTTP request. Each sloped line is a packet; time runs downwards.',
    summaryTls:
      'The first request byte leaves after {total} (TCP {tcp} + {tls} {tlsRt}), at {sent} ms; the response is complete at {done} ms.',
    summaryPlain:
      'The first request byte leaves after {total} (TCP {tcp}, no TLS), at {sent} ms; the response is complete at {done} ms.',
    ladder: 'Packets between client and server',
  },
  race: {
    title: 'HTTP/1.0 against keep-alive',
    caption:
      'The same page — an HTML document and {objects} images of {bytes} bytes — loaded over a path with a {rtt} ms round-trip time and {bw} Mbit/s, once with HTTP/1.0 (a new connection per object) and once with {ka} ({conns}). Both run on one clock.',
    oneConnection: 'at most 1 connection',
    nConnections: 'at most {n} parallel connections',
    http10: 'HTTP/1.0: a connection per object',
    keepAlive: 'HTTP/1.1 keep-alive',
    keepAlive10: 'HTTP/1.0 with Connection: Keep-Alive',
    summaryFaster:
      'Keep-alive loads the page in {fast} ms instead of {slow} ms: {diff} ms ({pct} %) sooner, with {connsKa} instead of {conns10} and {packetsKa} packets instead of {packets10}.',
    summarySlower:
      'Keep-alive loads the page in {fast} ms and HTTP/1.0 in {slow} ms ({diff} ms difference), with {connsKa} instead of {conns10} and {packetsKa} packets instead of {packets10}.',
    connections: {
      one: '1 connection',
      other: '{n} connections',
    },
  },
  pipelining: {
    title: 'Pipelining and head-of-line blocking',
    caption:
      'One persistent HTTP/1.1 connection fetches an HTML document and {objects} images of {bytes} bytes over a {rtt} ms round trip. In the first run each request waits for the previous response; in the second the requests are pipelined — sent back to back — and the server must answer them in order. The first image takes {slow} ms longer on the server.',
    sequential: 'Sequential (one request at a time)',
    pipelined: 'Pipelined',
    summary:
      'Pipelined, the page is complete at {pipe} ms instead of {seq} ms. Behind the slow first image, the later responses wait up to {wait} ms in the server’s queue although they are ready: head-of-line blocking.',
    summaryNoWait:
      'Pipelined, the page is complete at {pipe} ms instead of {seq} ms; no response had to wait behind another one.',
  },
  pageLoad: {
    title: 'One page load',
    caption:
      'A browser loads a page — an HTML document of 2,000 bytes and {objects} images of {bytes} bytes — with {proto}, {tls}, over a path with a {rtt} ms round-trip time and {bw} Mbit/s, opening at most {conns} connections to the host. The server closes connections idle for {timeout} ms.',
    captionFollowUp:
      ' {at} ms after navigation starts, the reader clicks a link: one more GET, with a response of {fbytes} bytes.',
    proto: {
      '0.9': 'HTTP/0.9 (one request per connection)',
      '1.0': 'HTTP/1.0 (one request per connection)',
      '1.0ka': 'HTTP/1.0 and Connection: Keep-Alive',
      '1.1': 'HTTP/1.1 (persistent connections)',
      '1.1close': 'HTTP/1.1 and Connection: close',
    },
    tlsNone: 'without TLS',
    tlsOn: 'over {tls}',
    summary: 'The page loads in {load} ms over {conns}, with {packets} packets.',
    followReused:
      ' The click at {at} ms reuses connection {conn}: its response is complete {took} ms later.',
    followNew:
      ' The click at {at} ms opens a new connection ({conn}): its response is complete {took} ms later.',
    followRetried:
      ' The click at {at} ms goes out on connection {first}, which the server has just closed; the browser retries it on a new connection ({conn}), complete {took} ms after the click.',
    followError:
      ' The click at {at} ms goes out on connection {first}, which the server has just closed; it fails {took} ms later.',
  },
  pool: {
    title: 'The browser’s connection pool',
    caption:
      'A browser loads an HTML document and {objects} images of {bytes} bytes over HTTP/1.1 keep-alive and a {rtt} ms round trip, {hosts}, opening at most {perHost} connections per host and {total} in total. The server keeps idle connections open; the browser closes a connection idle for {idle} ms.',
    oneHost: 'all from one host',
    shardedHosts: 'the images spread over {n} hostnames',
    summary:
      'The page loads in {load} ms. The browser opens {conns} ({hosts}). {wait} Evicted to make room (least recently used first): {evicted}; closed after {idle} ms idle: {expired}.',
    hostCount: '{host} {n}',
    waitNone: 'No request waits for a busy connection.',
    waitSome: {
      one: '1 request waits for a busy connection, for {longest} ms.',
      other: '{n} requests wait for a busy connection, the longest for {longest} ms.',
    },
    lanes: 'Connections over time (one lane per connection)',
  },
  timeoutRace: {
    title: 'The keep-alive timeout race',
    caption:
      'A browser has loaded a small page over HTTP/1.1 keep-alive with a {rtt} ms round trip. The server closes connections idle for {server} ms; the browser only after {client} ms. The reader clicks a link ({method}) {when} — at {at} ms.',
    whenBefore: '{offset} ms before the server’s idle timeout fires',
    whenAfter: '{offset} ms after the server’s idle timeout fires',
    whenAt: 'at the very moment the server’s idle timeout fires',
    reused:
      'The {method} reaches the server before its idle timer fires: the connection is reused, and the response is complete {took} ms after the click.',
    retried:
      'The server’s FIN and the {method} cross on the wire, and the closed socket answers the request with RST. The browser retries it on a new connection: the response is complete {took} ms after the click instead of {clean} ms for a clean reuse — {extra} ms lost.',
    error:
      'The server’s FIN and the {method} cross on the wire, and the closed socket answers the request with RST. A {method} is not retried automatically: it fails ({error}) {took} ms after the click, and the page has to report the error.',
    serverClosed:
      'The server had already closed the idle connection before the click: the browser opens a new connection at once, and the response is complete {took} ms after the click ({extra} ms more than a clean reuse).',
    clientClosed:
      'The browser had already closed the idle connection itself (its idle timeout is the shorter one), so there is no race: a new connection, and the response is complete {took} ms after the click.',
    errors: {
      'connection-reset': 'connection reset',
      'connection-closed': 'connection closed',
      'connection-timeout': 'connection timed out',
      'incomplete-response': 'incomplete response',
    },
  },
  gallery: {
    title: 'Interactive diagrams',
    contents: 'The diagrams',
    handshakeAbout: 'what a TCP connection and TLS cost before the first request byte.',
    raceAbout: 'the same page over HTTP/1.0 and over one persistent connection.',
    pipeliningAbout: 'sending requests back to back, and what a slow response does to the others.',
    handshake: 'Handshake',
    race: 'Keep-alive race',
    pipelining: 'Pipelining',
    pageLoadAbout: 'one page load, with a follow-up click, on every view at once.',
    poolAbout: 'per-host limits, reuse, LRU eviction and idle timeouts in the browser’s pool.',
    timeoutRaceAbout: 'a click that reuses a connection just as the server closes it.',
    pageLoad: 'Page load',
    pool: 'Connection pool',
    timeoutRace: 'Timeout race',
    description:
      'All interactive diagrams of the Keep-Alive tutorial in one place: handshakes, HTTP/1.0 against keep-alive, pipelining, a page load, the connection pool and the timeout race, each driven by the network simulation.',
    intro:
      'Every diagram here is drawn from a trace of the simulator for the parameters beside it. Press Play to watch the packets move, step from event to event, or change a parameter: the simulation runs again at once, and the address of the page keeps your settings so you can share them.',
    noScript:
      'Without JavaScript each diagram shows its final state for the default parameters; the controls need JavaScript.',
  },
};
