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
    'Keys, with focus on the diagrams or anywhere in this widget (text fields and menus keep their keys; sliders keep arrows): Space or K play/pause · ← → or J L previous/next event · Home reset · End last frame',
  /** Accessible name of the focusable region holding a widget's diagrams. */
  diagramsLabel: 'Diagrams: Space or K plays and pauses, ← and → step through the events',
  reducedMotion: 'Reduced motion is on: Play moves one event at a time.',
  showTable: 'Show as table',
  /** Before the result sentence while playback has not reached the end. */
  atTheEnd: 'At the end:',
  /** After the result sentence (`run-epilogue.ts`): page requests that failed for good. */
  pageFailed: {
    one: '1 of the page’s {total} requests failed for good, so the page is incomplete.',
    other: '{n} of the page’s {total} requests failed for good, so the page is incomplete.',
  },
  /** The same in a comparison: one item per run with failures. */
  pageFailedRuns: 'Some of the page’s requests failed for good, so the page is incomplete: {list}.',
  pageFailedRun: { one: '{label}: 1 of {total}', other: '{label}: {n} of {total}' },
  /**
   * After the result sentence: packets sent after the clock's end (connections closed by a
   * timeout long after the page; the metrics there say "so far").
   */
  afterClock: {
    one: 'After the diagrams end at {end} ms, 1 more packet is sent as connections close, at {last} ms.',
    other:
      'After the diagrams end at {end} ms, {n} more packets are sent as connections close, the last at {last} ms.',
  },
  afterClockRuns:
    'After the diagrams end at {end} ms, more packets are sent as connections close: {list}.',
  afterClockRun: { one: '{label}: 1, at {last} ms', other: '{label}: {n}, the last at {last} ms' },
  /** Between the items of those lists. */
  epilogueSep: '; ',
  /** Shown when a run takes more than 150 ms; the previous result stays on screen, dimmed. */
  computing: 'Computing the new run…',
  runFailed: 'The simulation failed: {message}',
  hideTable: 'Hide table',
  parameters: 'Parameters',
  /** The parameters' collapse button (its name adds "parameters"). */
  paramsHide: 'Hide parameters',
  paramsShow: 'Show parameters',
  /** A checkbox's value in the collapsed parameters' summary. */
  paramsOn: 'on',
  paramsOff: 'off',
  /** Ends the collapsed summary of a long list, after the values that differ from default. */
  paramsOthers: '{n} others at their defaults',
  paramsAllDefault: 'All {n} at their defaults',
  groupUnused: 'Not used in this mode; shown because a value differs from its default.',
  /** The choice of time view in a narrow widget (one at a time). */
  viewTabs: 'Diagram',
  viewTab: {
    packets: 'Packets',
    requests: 'Requests',
    connections: 'Connections',
    server: 'Server',
    latency: 'Response times',
    sweep: 'Against the timeout',
  },
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
  percent: '%',
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
    serverTimeoutZeroHelp:
      'The server closes a connection that has been idle this long; 0 turns keep-alive off (each HTTP/1.x response says Connection: close, like nginx’s keepalive_timeout 0).',
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
    retryPolicy: 'Browser’s retry rule',
    retryPolicyHelp:
      'Browsers resend any request once when a reused connection fails before its response starts; the idempotent-only client resends GETs only, as RFC 9110 §9.2.2 advises.',
    cause: 'What breaks the connection',
    causeHelp:
      'Reset: the server runs the click’s request, then its worker dies before answering and the connection is reset; the server’s idle timer does not fire.',
    loss: 'Random packet loss',
    lossHelp: 'Each packet is lost with this probability (the same seed for all three runs).',
    addressChangeAt: 'Client address changes at',
    addressChangeAtHelp:
      '0 means never; otherwise the client moves to a new IP address this long after navigation starts (TCP connections break, QUIC migrates).',
    dropPacket: 'Drop one packet',
    dropPacketHelp:
      'Drops the server’s Nth data packet on the first connection in every run (0 = none).',
    rate: 'Clients arriving',
    rateHelp: 'New visitors per second, at random moments (a Poisson process).',
    keepAliveTimeout: 'Server keep-alive timeout',
    keepAliveTimeoutHelp:
      '0 turns keep-alive off: the server closes each connection after its only response.',
    objectsPerClient: 'Objects per visitor',
    objectsPerClientHelp: '1 is an image host (one file per visit); a page has about 30.',
    model: 'Server model',
    modelHelp:
      'Threaded: a worker per connection, held while the connection is open, idle or not. Event-driven: an idle connection costs only memory.',
    // Put before `modelHelp` where the option is offered (the Playground): it ends with the space
    // that separates it from what follows.
    modelHelpUnlimited: 'Unlimited: every connection served at once. ',
    workers: 'Workers (threaded)',
    workersHelp: 'Apache prefork’s MaxRequestWorkers: connections served at once (default 256).',
    connectionCap: 'Connection cap (event-driven)',
    connectionCapHelp:
      'Open connections an event-driven server allows (nginx: worker_connections × worker processes).',
    backlog: 'Listen backlog',
    backlogHelp:
      'Connections that may wait for a worker; beyond it new connections are refused (Apache default 511).',
    duration: 'Arrivals for',
    durationHelp: 'How long new visitors keep arriving.',
    mode: 'What to simulate',
    pipelining: 'Pipelining',
    pipeliningHelp: 'HTTP/1.1 with keep-alive: send the requests back to back on one connection.',
    lossSeedHelp: 'Each packet is lost with this probability; the random seed below decides which.',
    initialWindow: 'Initial congestion window',
    initialWindowHelp: 'Segments TCP may send before the first ACK returns (10 since RFC 6928).',
    delayedAck: 'Delayed ACK',
    delayedAckHelp:
      'Both ends acknowledge every second segment at once and a lone one after 40 ms (Linux’s minimum), hoping to send the ACK with data.',
    nagle: 'Nagle’s algorithm',
    nagleHelp:
      'A segment shorter than the MSS waits until the data sent before it is acknowledged (RFC 896). Servers turn it off with TCP_NODELAY; with delayed ACK it can stall a response.',
    fastOpen: 'TCP Fast Open',
    fastOpenHelp:
      'The first connection gets a cookie from the server; every later one sends the cookie and its first bytes (the request, or the TLS ClientHello) with the SYN, and the server can answer at once: one round trip less per later connection (RFC 7413). Browsers no longer use it.',
    synRetries: 'SYN retransmissions',
    synRetriesHelp:
      'How often an unanswered SYN is sent again, each wait twice the last, before the attempt fails (Linux tcp_syn_retries: 6, 127 s from a 1 s timeout; about 131 s since Linux 6.5, which first resends at 1 s intervals).',
    seed: 'Random seed',
    seedHelp:
      'Picks the lost packets and the visitors’ arrival times: the same seed, the same run.',
    htmlBytes: 'Size of the HTML',
    maxRequests: 'Max requests per connection',
    maxRequestsHelp:
      'The server closes a connection after this many responses (Apache: 100); 0 = no limit.',
    resetAfter: 'Reset after processing request no.',
    resetAfterHelp:
      'The server processes this request on each connection, then resets the connection instead of answering, as a worker that crashes after doing the work (HTTP/1.x); 0 = never.',
    processing: 'Server time per request',
    visitorBytes: 'Size of each object',
  },
  modelOption: {
    // Short enough for a select in a narrow column: the help under it says what each means.
    threaded: 'Threaded',
    event: 'Event-driven (nginx style)',
    unlimited: 'Unlimited',
  },
  httpVersionOption: {
    '0.9': 'HTTP/0.9',
    '1.0': 'HTTP/1.0',
    '1.1': 'HTTP/1.1',
    '2': 'HTTP/2',
    '3': 'HTTP/3 (QUIC)',
  },
  methodOption: {
    GET: 'GET (idempotent)',
    POST: 'POST (not idempotent)',
  },
  retryPolicyOption: {
    browser: 'Browsers (any method)',
    'idempotent-only': 'Idempotent only (GET)',
  },
  causeOption: {
    timeout: 'The server’s idle timeout (the race)',
    reset: 'A server reset after processing',
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
    'tls1.2-resumed': 'TLS 1.2 resumed (session ticket)',
    'tls1.3': 'TLS 1.3',
    'tls1.3-resumed': 'TLS 1.3 resumed (PSK, no early data)',
    'tls1.3-0rtt': 'TLS 1.3 resumed, with 0-RTT early data',
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
    captionTimeout: ' The server closes a connection that has been idle for {timeout} ms.',
    serverClosed:
      ' Before the page had loaded, the server closed {closed} on its {timeout} ms keep-alive timer: it starts the timer once it has written a response, and on this path a response can still be on its way when the timer fires, just as the browser reuses the connection.',
    retried: ' The browser sent {retried} again on new connections.',
    retriedFailed:
      ' The browser sent {retried} again on new connections; {failed} failed even then.',
    requests: {
      one: '1 request',
      other: '{n} requests',
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
      'A browser loads a page — an HTML document of 2,000 bytes and {objects} images of {bytes} bytes — with {proto}, {tls}, over a path with a {rtt} ms round-trip time and {bw} Mbit/s, opening at most {connsPhrase} to the host. The server closes connections idle for {timeout} ms.',
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
      'A browser loads an HTML document and {objects} images of {bytes} bytes over HTTP/1.1 keep-alive and a {rtt} ms round trip, {hosts}, opening at most {perHostPhrase} per host and {total} in total. The server keeps idle connections open; the browser closes a connection idle for {idle} ms.',
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
      'The server’s FIN and the {method} cross on the wire, and the closed socket answers the request with RST. Under the idempotent-only rule a {method} is not retried automatically: it fails ({error}) {took} ms after the click, and the page has to report the error.',
    /** `retried` and `error` when no RST answered the request (it was lost on the way). */
    retriedLost:
      'The {method} never reaches the server: it is lost on the way, and the server’s FIN tells the browser the connection is closed. The browser retries it on a new connection: the response is complete {took} ms after the click instead of {clean} ms for a clean reuse — {extra} ms lost.',
    errorLost:
      'The {method} never reaches the server: it is lost on the way, and the server’s FIN tells the browser the connection is closed. Under the idempotent-only rule a {method} is not retried automatically: it fails ({error}) {took} ms after the click, and the page has to report the error.',
    captionReset:
      'A browser has loaded a small page over HTTP/1.1 keep-alive with a {rtt} ms round trip, and the reader clicks a link ({method}) at {at} ms, on the idle connection. This time the server’s idle timer stays out of it: the server runs the request, then resets the connection instead of answering, as a worker that crashes after doing its work.',
    retriedReset:
      'The server runs the {method}, then resets the connection before any byte of the response. The browser cannot tell that the request ran; the connection was a reused one, so it sends the {method} again on a new connection: the response is complete {took} ms after the click instead of {clean} ms for a clean reuse.',
    errorReset:
      'The server runs the {method}, then resets the connection before any byte of the response. Under the idempotent-only rule a {method} is not retried automatically: it fails ({error}) {took} ms after the click, and the page reports an error for a request the server did carry out.',
    clientClosedReset:
      'The browser had already closed the idle connection itself (its idle timeout is the shorter one), so the click opens a new connection, where the server answers: the response is complete {took} ms after the click.',
    processed: {
      zero: 'Server log: the {method} was never processed.',
      one: 'Server log: the {method} was processed once.',
      two: 'Server log: the {method} was processed twice.',
      other: 'Server log: the {method} was processed {n} times.',
    },
    duplicate:
      'For a POST that is a duplicate (an order placed twice, say) unless the server recognizes the repeat.',
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
  embed: {
    theme: 'Colour theme',
    button: 'Embed',
    open: 'Open in new tab',
    heading: 'Embed this diagram',
    intro:
      'Paste this HTML into your web page or course page (in the editor’s HTML or source view). The frame shows the diagram with its current settings, and the script sizes it to fit.',
    code: 'Embed code',
    copy: 'Copy code',
    copied: 'Copied to the clipboard.',
    copyFailed:
      'Could not copy automatically: the code is selected, so press Ctrl+C (⌘C on a Mac) to copy it.',
    frameTitle: '{title} (interactive diagram, Keep-Alive)',
    description:
      'An interactive diagram from the Keep-Alive tutorial on HTTP persistent connections: {title}, driven by a network simulation that runs in the browser.',
    back: 'From “{chapter}”, a chapter of the Keep-Alive tutorial',
    backGallery: 'From the interactive diagrams of the Keep-Alive tutorial',
    noScript:
      'JavaScript is off, so this diagram shows its default settings: settings in the address apply only when JavaScript runs.',
    noticeAbove: '{key}={raw} is above the maximum {limit}; using {used}.',
    noticeBelow: '{key}={raw} is below the minimum {limit}; using {used}.',
    noticeStep: '{key}={raw} is not in steps of {limit}; using {used}.',
    noticeNotNumber: '{key}={raw} is not a number; using the default {used}.',
    noticeNotOption: '{key}={raw} is not one of {limit}; using the default {used}.',
    noticeNotBoolean: '{key}={raw} is not 1, 0, true or false; using the default {used}.',
    noticeRepeated: '{key} is given {n} times ({raw}); using the last value.',
    /** Label of the `layout` key (notices, the guide's table) and of the Embed panel's choice. */
    layout: 'Layout',
    layoutFull: 'Full: parameters, diagrams and notes',
    layoutCompact: 'Compact: the parameters in one row',
    layoutDiagram: 'Diagram: the diagrams and the player only',
    /** Label of the `events` key. */
    events: 'Events for the host page',
  },
  /** Present mode (`present.ts`): the widget alone, filling the screen, in large type. */
  present: {
    /** The button that starts it, beside the widget's title. */
    button: 'Present',
    leave: 'Leave presentation',
    /** Shown in present mode when the browser allows full screen and it is not on yet. */
    fullscreen: 'Full screen',
    /** Name of the bar above the presented widget. */
    bar: 'Presentation',
    keys: 'Space: play/pause · ← → or Page Up/Down: previous/next event · Home/End · Esc: leave',
  },
  multiplexing: {
    title: 'One page, three protocols: HTTP/1.1, HTTP/2 and HTTP/3',
    caption:
      'The same page — {objects} images of {bytes} bytes after a {html}-byte HTML document — over {tls}, a {rtt} ms round trip and {bw} Mbit/s. {loss} Left: HTTP/1.1 with up to {conns} connections. Middle: HTTP/2, every request a stream on one TCP connection. Right: HTTP/3, the same streams on one QUIC connection over UDP.',
    lossNone: 'No packet is lost at random.',
    lossSome: 'Each packet is lost with probability {loss}%.',
    dropOne: 'The server’s data packet no. {n} on the first connection is dropped in every run.',
    h1: 'HTTP/1.1, up to 6 connections',
    h2: 'HTTP/2, one TCP connection',
    h3: 'HTTP/3, one QUIC connection',
    times: 'The page loads in {h1} ms over HTTP/1.1, {h2} ms over HTTP/2 and {h3} ms over HTTP/3.',
    noStall: 'No stream waited for a lost packet.',
    /** HTTP/2 streams head-of-line blocked; `{total}` = each stream's united waiting time, summed. */
    stallH2: {
      one: 'HTTP/2: 1 stream was head-of-line blocked for {total} ms: its bytes arrived but waited behind other lost data, because TCP delivers one byte stream in order.',
      other:
        'HTTP/2: {n} streams were head-of-line blocked: their bytes arrived but waited behind other lost data, because TCP delivers one byte stream in order; {total} ms in all (each stream’s waiting time added up; longest {longest} ms).',
    },
    /** HTTP/2 had stalls, none of them head-of-line blocking. */
    stallH2None: 'HTTP/2: no stream was head-of-line blocked.',
    /** HTTP/2 streams that waited for their own lost data. */
    stallH2Own: {
      one: 'HTTP/2: 1 stream waited {total} ms for its own lost data.',
      other:
        'HTTP/2: {n} streams waited for their own lost data, {total} ms in all (longest {longest} ms).',
    },
    stallH3: {
      one: 'HTTP/3: 1 stream waited {total} ms for its own lost data; no stream was head-of-line blocked, since QUIC delivers each stream on its own.',
      other:
        'HTTP/3: {n} streams waited for their own lost data, {total} ms in all (each stream’s waiting time added up; longest {longest} ms); no stream was head-of-line blocked, since QUIC delivers each stream on its own.',
    },
    stallH3None:
      'HTTP/3: no stream waited; a lost packet delays only the stream whose data it carried.',
  },
  imageHost: {
    title: 'The image host: who holds the workers?',
    caption:
      'Visitors arrive at random, {rate} a second for {duration} s, over a {rtt} ms round trip; each fetches {objects} of {bytes} bytes over HTTP/1.1 and leaves. {server} {keepAlive}',
    captionThreaded:
      'The server is threaded: {workers} workers, each holding one connection from accept to close, and a backlog of {backlog}.',
    captionEvent:
      'The server is event-driven: up to {connections} open connections, idle ones costing memory but no worker, and a backlog of {backlog}.',
    keepAliveOn: 'It closes a connection after {timeout} s idle.',
    keepAliveOff: 'Keep-alive is off: it closes each connection after one response.',
    objectCount: {
      one: '1 object',
      other: '{n} objects',
    },
    perSecond: 'per second',
    seconds: 's',
    presets: 'Quick settings',
    timeoutPresets: 'Keep-alive timeout',
    presetOff: 'Off',
    presetApache: '5 s (Apache default)',
    preset15: '15 s',
    presetNginx: '75 s (nginx default)',
    objectPresets: 'Visitors fetch',
    presetImage: '1 object (image host)',
    presetPage: '30 objects (a page)',
    slotsTitle: 'Server workers over time',
    slotsTitleEvent: 'Server connections over time',
    latencyTitle: 'Response times',
    sweepTitle: 'Throughput and p95 latency against the keep-alive timeout',
    sweepImage: '1 object per visitor',
    sweepPage: '{n} objects per visitor, 1/{n} as many visitors (same requests per second)',
    sweepOffered: '{label}: {offered} requests/s offered in this run',
    sweepProgress: 'Computing the sweep: {done} of {total} runs',
    sweepDone: 'Sweep complete: {total} runs.',
    computing: 'Computing the new run…',
    failed: 'The simulation failed: {message}',
    statsTitle: 'The run in figures',
    stats: {
      clients: 'Visitors',
      requests: 'Requests completed',
      throughput: 'Throughput',
      throughputValue: '{n} responses/s',
      busy: 'Workers serving (mean / peak)',
      idle: 'Workers idle in keep-alive (mean / peak)',
      busyEvent: 'Connections active (mean / peak)',
      idleEvent: 'Connections idle (mean / peak)',
      meanPeak: '{mean} / {peak}',
      queue: 'Wait for a worker (mean / p95)',
      queueValue: '{mean} / {p95} ms',
      backlog: 'Backlog (peak)',
      refused: 'Connections refused',
      failed: 'Requests failed (connection attempt abandoned)',
      latency: 'Response time of completed requests p50 / p95 / p99',
      latencyValue: '{p50} / {p95} / {p99} ms',
      timeWait: 'Server sockets in TIME_WAIT (peak)',
      fds: 'Server file descriptors (peak)',
      memory: 'Server memory (peak, estimate)',
      memoryValue: '{n} MB',
    },
    little:
      'Little’s law for one object per visitor: workers held ≈ arrival rate × holding time (the timeout plus one round trip of lingering close) ≈ {rate}/s × {hold} s ≈ {n} in the steady state, against {limit} available.',
    summary:
      'Server slots held by connections, on average: {held} ({busy} serving, {idle} idle in keep-alive) out of {limit}. {pressure} Half of the completed responses take at most {p50} ms, 95% at most {p95} ms; the server completes {throughput} responses a second.',
    unlimited: 'no limit',
    pressureNone: 'No visitor waits for a worker.',
    pressureQueue:
      'Every slot is taken at times: connections wait in the backlog (up to {backlog} at once), for {wait} ms at the 95th percentile.',
    pressureRefused: {
      one: 'Every slot is taken and the backlog overflows: 1 connection is refused and has to retry its SYN.',
      other:
        'Every slot is taken and the backlog overflows: {n} connections are refused and have to retry their SYNs.',
    },
    pressureFailed: {
      one: '1 request failed: the browser gave up on its connection when the SYN retransmissions ran out.',
      other:
        '{n} requests failed: the browser gave up on their connections when the SYN retransmissions ran out.',
    },
  },
  playground: {
    title: 'Playground: every knob of the simulation',
    modeOption: {
      page: 'One page load',
      visitors: 'Many visitors (a workload)',
    },
    group: {
      protocol: 'Protocol',
      network: 'Network',
      page: 'Page',
      browser: 'Browser',
      server: 'Server',
      visitors: 'Visitors',
    },
    segments: 'segments',
    tools: 'Playground tools',
    copyLink: 'Copy link',
    copied: 'Link copied: it opens the playground with these settings.',
    copyFailed:
      'Could not copy automatically: the link is selected below, so press Ctrl+C (⌘C on a Mac) to copy it.',
    linkLabel: 'Link to these settings',
    reset: 'Reset to defaults',
    resetDone: 'Every setting is back to its default.',
    adjustTitle: 'Some settings do not combine; the simulation runs with these instead:',
    adjust: {
      keepAlive09: 'HTTP/0.9 has no keep-alive: every connection closes after its response.',
      pipeliningVersion: 'Pipelining needs HTTP/1.1: requests go one at a time.',
      pipeliningClose: 'Pipelining needs keep-alive: requests go one at a time.',
      keepAliveMux: 'HTTP/2 and HTTP/3 connections are always persistent: keep-alive stays on.',
      pipeliningMux:
        'HTTP/2 and HTTP/3 send requests as concurrent streams instead: pipelining does not apply.',
      tlsQuic: 'HTTP/3 runs over QUIC, which always uses TLS 1.3: the simulation uses TLS 1.3.',
      quicIdle:
        'HTTP/3: the two idle timeouts set QUIC’s idle timeout (max_idle_timeout), and the limit of requests per connection does not apply.',
      keepAliveOffQuic:
        'A server keep-alive timeout of 0 (keep-alive off) has no HTTP/3 counterpart: the server keeps QUIC’s idle timeout.',
      resetMux:
        'A reset after processing applies to HTTP/1.x: an HTTP/2 or HTTP/3 server would reset one stream, not the connection, which the simulation does not model, so the setting is ignored.',
      fastOpenQuic:
        'TCP Fast Open shortens the TCP handshake; HTTP/3 runs over QUIC, which has none, so the setting is ignored (QUIC’s own shortcut is 0-RTT).',
      keepAliveUnderMs:
        'The server’s keep-alive timeout is 0 (keep-alive off) or at least 1 ms: the simulation uses 1 ms.',
    },
    proto: {
      '0.9': 'HTTP/0.9',
      '1.0': 'HTTP/1.0 (a connection per request)',
      '1.0ka': 'HTTP/1.0 with Connection: Keep-Alive',
      '1.1': 'HTTP/1.1 (persistent connections)',
      '1.1close': 'HTTP/1.1 with Connection: close',
      '1.1pipe': 'HTTP/1.1 with pipelining',
      '2': 'HTTP/2 (streams on one TCP connection)',
      '3': 'HTTP/3 (streams on one QUIC connection)',
    },
    captionPage:
      'A browser loads a page — {html} bytes of HTML, then {objects} of {bytes} bytes — over {proto}, {tls}, with a {rtt} ms round trip, {bw} Mbit/s and {loss}% packet loss, at most {perHostPhrase} per host. {server}',
    captionVisitors:
      'Visitors arrive at random, {rate} a second for {duration} ms, and each fetches {objects} of {bytes} bytes over {proto}, {tls}, with a {rtt} ms round trip, {bw} Mbit/s shared by all and {loss}% packet loss. {server}',
    serverUnlimited: 'The server serves every connection at once and {closing}.',
    serverThreaded:
      'The server is threaded: {workers} workers and a backlog of {backlog}; it {closing}.',
    serverEvent:
      'The server is event-driven: up to {connections} connections and a backlog of {backlog}; it {closing}.',
    /** How the server ends connections: after an idle timeout, or (timeout 0) after each response. */
    closeIdle: 'closes connections idle for {timeout} ms',
    closeEach: 'closes each connection after its response (keep-alive off)',
    summaryVisitors:
      'Server slots held by connections, on average: {held} ({busy} serving, {idle} idle in keep-alive){limit}. {pressure} Half of the completed responses take at most {p50} ms, 95% at most {p95} ms; the server completes {throughput} responses a second.',
    limitOf: ' out of {n}',
    noSweepH3:
      'HTTP/3 has no HTTP keep-alive timeout to sweep (QUIC’s idle timeout closes its connections), so the sweep is left out.',
    sweepSeries: 'These settings',
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
    multiplexing: 'Multiplexing',
    multiplexingAbout:
      'the same page over HTTP/1.1, HTTP/2 and HTTP/3 on one clock, with loss: who waits for a lost packet.',
    imageHost: 'Image host',
    imageHostAbout:
      'many visitors, one server: workers held idle by keep-alive, queueing and refusals, and a sweep of timeouts.',
    playground: 'Playground',
    playgroundAbout:
      'every knob of the simulation on one page — protocol, TLS, network, page, browser, server, or many visitors — with every view, sharable by link.',
    description:
      'All interactive diagrams of the Keep-Alive tutorial in one place: handshakes, HTTP/1.0 against keep-alive, pipelining, a page load, the connection pool, the timeout race and the image host, each driven by the network simulation.',
    intro:
      'Every diagram here is drawn from a trace of the simulator for the parameters beside it. Press Play to watch the packets move, step from event to event, or change a parameter: the simulation runs again at once, and the address of the page keeps your settings so you can share them.',
    noScript:
      'Without JavaScript each diagram shows its final state for the default parameters; the controls need JavaScript.',
  },
};
