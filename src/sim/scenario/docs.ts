/**
 * One-line descriptions of the scenario fields, for the CLI's help and the docs. Kept out of
 * `fields.ts` so the browser, which only needs ranges and defaults to validate, never ships
 * them (see DESIGN.md "Budgets").
 */
import type { COMPOSITE_FIELDS, FieldPath } from './fields';

/** What each scalar field of `SCENARIO_FIELDS` means. */
export const SCENARIO_DOCS: Record<FieldPath, string> = {
  seed: 'PRNG seed (random loss)',
  'network.rttMs': 'round-trip propagation delay; one way = RTT/2',
  'network.bandwidthMbps':
    'bandwidth per direction (serialization delay); 100000 is effectively unlimited',
  'network.mssBytes': 'TCP maximum segment size',
  'network.lossRate': 'probability that any packet is lost (seeded)',
  'network.dnsMs':
    'time one DNS lookup takes; the browser looks up each hostname the first time a request needs it (the HTML’s included), holds that host’s requests until it resolves, and caches the answer for the rest of the run; 0 = no lookups modelled',
  'tcp.initialWindow': 'initial congestion window (1, 2, 3 = RFC 3390, 10 = RFC 6928 / Linux)',
  'tcp.receiveWindowBytes': 'receive window each side advertises (65535 as in HPBN ch.2)',
  'tcp.delayedAck': 'delay ACKs: every 2nd segment or after delayedAckMs',
  'tcp.delayedAckMs': 'delayed-ACK timer (Linux minimum 40 ms)',
  'tcp.nagle':
    'Nagle’s algorithm (RFC 896), both sides: a segment shorter than the MSS waits while data is unacknowledged, unless the FIN follows it (as BSD; off by default: servers set TCP_NODELAY)',
  'tcp.fastOpen':
    'TCP Fast Open (RFC 7413), both sides: the first connection asks for a cookie; every later one sends its first bytes (request or ClientHello, up to MSS - 40) with the SYN, and the server answers before the handshake completes (saves 1 RTT per later connection)',
  'tcp.slowStartAfterIdle':
    'cwnd back to the initial window after an idle period > RTO (Linux net.ipv4.tcp_slow_start_after_idle)',
  'tcp.initialRtoMs': 'initial retransmission timeout (RFC 6298: 1 s)',
  'tcp.minRtoMs': 'lower bound of the RTO (Linux TCP_RTO_MIN 200 ms; RFC 6298 suggests 1 s)',
  'tcp.synRetries':
    'SYN retransmissions before a connection attempt gives up, with RFC 6298 backoff (Linux tcp_syn_retries 6: retransmissions at 1, 3, 7, 15, 31, 63 s and failure at 127 s from a 1 s RTO; Linux 6.5+ adds 4 retransmissions at 1 s intervals first, tcp_syn_linear_timeouts, about 131 s)',
  'tcp.timeWaitMs': 'TIME_WAIT duration (Linux 60 s)',
  tls: 'TLS over TCP: none, TLS 1.2 (2 RTT), TLS 1.2 resumed (1 RTT, no certificate: session ID or ticket), TLS 1.3 (1 RTT), TLS 1.3 resumed (1 RTT, PSK, no certificate), TLS 1.3 0-RTT (resumption: the first request leaves with the ClientHello); with http.version "3" only tls1.3 (the default there), tls1.3-resumed or tls1.3-0rtt',
  'http.version':
    'HTTP version: 0.9, 1.0, 1.1 (one request at a time per connection), 2 (one TCP connection per origin, concurrent streams; tls "none" = h2c), 3 (QUIC over UDP, TLS 1.3 always)',
  'http.keepAlive':
    'persistent connections; default true for 1.1, false for 0.9/1.0 (1.0: both sides send Connection: Keep-Alive; 1.1 false: Connection: close)',
  'http.pipelining':
    'send queued requests without waiting for responses (HTTP/1.1 keep-alive only)',
  'http.requestHeaderBytes': 'size of an HTTP/1.x request head (HTTP/0.9: just "GET /path")',
  'http.responseHeaderBytes': 'size of an HTTP/1.x response head (HTTP/0.9 has none)',
  'http.maxConcurrentStreams':
    'HTTP/2 and 3: streams open at once on a connection (SETTINGS_MAX_CONCURRENT_STREAMS, initial_max_streams_bidi; 100 = RFC 9113 recommended minimum)',
  'client.maxConnectionsPerHost':
    'browser connections per host (2 per RFC 2616, 6 in modern browsers)',
  'client.maxConnectionsTotal': 'browser connections in total; idle ones are evicted LRU',
  'client.idleTimeoutMs':
    'client closes a connection idle this long (Chromium 300 s); one that never carried a request after 60 s at most',
  'client.retryPolicy':
    'which failed requests are sent again, once, on a new connection: browser (Chromium, Firefox, curl: any method when a reused connection fails before its response) or idempotent-only (RFC 9110 §9.2.2: GET only); a fresh connection that fails is never retried',
  'client.addressChangeAtMs':
    'the client moves to a new address at this time (migration; absent = never): TCP connections break (the browser opens new ones and retries), QUIC connections continue on the new path after validation',
  'quic.maxIdleTimeoutMs':
    "HTTP/3: the client's QUIC max_idle_timeout (0 = none); the effective value is the smaller of both endpoints' (RFC 9000 §10.1)",
  'quic.serverMaxIdleTimeoutMs': "HTTP/3: the server's QUIC max_idle_timeout (0 = none)",
  'server.processingMs': 'server time per request (serial per connection)',
  'server.keepAliveTimeoutMs':
    'server closes a connection idle this long (Apache 2.2+: 5 s); 0: no keep-alive, every HTTP/1.x response says Connection: close (nginx keepalive_timeout 0)',
  'server.maxRequestsPerConnection':
    'requests per connection before the server closes (Apache 100); 0 = unlimited',
  'server.resetAfterProcessing':
    'HTTP/1.x: the server processes the Nth request on each connection, then resets the connection (RST) instead of answering, as a worker that dies after doing the work; 0 = never',
  'server.pipelineProcessing':
    'pipelined requests on one connection processed one after another, or in parallel (responses stay in order)',
  'server.model':
    'worker model: unlimited (default: every connection served at once), threaded (Apache prefork: a connection holds a worker, idle or not), event (nginx: idle connections cost memory only)',
  'server.workers':
    'threaded: workers (Apache 2.4 prefork MaxRequestWorkers default 256 = DEFAULT_SERVER_LIMIT)',
  'server.backlog':
    'listen backlog for threaded/event: established connections waiting for a worker; beyond it SYNs are dropped (Apache ListenBacklog 511)',
  'server.maxConnections': 'event: cap on open connections (nginx worker_connections default 512)',
  'page.host':
    'hostname of the HTML and of objects without a host of their own (absent = example.com)',
  'page.path': 'path of the HTML document (absent = /index.html)',
  'page.htmlBytes': 'HTML body size',
  'page.htmlProcessingMs': 'server time for the HTML (absent = server.processingMs)',
  'page.objects':
    'number of subresources (or an array of sizes / {path, bytes, processingMs, host, after})',
  'page.objectBytes': 'body size of each object given by count',
  'page.discovery': 'objects requested when the HTML has arrived, or known at start',
  'page.shards': 'objects spread round-robin over this many hostnames (1 = the HTML host)',
  'workload.kind':
    'arrivals: many clients arriving as a seeded Poisson process (absent workload = one page load)',
  'workload.clientsPerSecond': 'mean client arrival rate (exponential inter-arrival times)',
  'workload.durationMs': 'clients arrive during this window; means are time averages over it',
  'workload.objectsPerClient':
    'objects each client fetches (1 = the image host, 30 = a normal page)',
  'workload.objectBytes': 'body size of each workload object',
};

/** What each composite field of `COMPOSITE_FIELDS` means (`doc`) and each of its element fields. */
export const COMPOSITE_DOCS: {
  readonly [K in keyof typeof COMPOSITE_FIELDS]: { readonly doc: string } & {
    readonly [F in Exclude<keyof (typeof COMPOSITE_FIELDS)[K], 'maxItems' | 'numberItem'>]: string;
  };
} = {
  'network.drop': {
    doc: 'targeted loss: [{connection, segment, direction?}] drops the segment-th data transmission (1-based, retransmissions count) of connection `connection` (1-based, in opening order) in `direction` (default "s2c")',
    connection: 'connection id',
    segment: 'data segment number',
    direction: 'direction',
  },
  'page.objects': {
    doc: 'array form: each item a size in bytes or {path?, bytes?, processingMs?, host?, after?}',
    path: 'URL path (default /img1.png, /img2.png …)',
    bytes: 'body bytes',
    processingMs: 'server time',
    host: 'hostname[:port] the object comes from (default: page.shards spreads objects over s1.example.com … or keeps them on example.com); each hostname has its own connections',
    after:
      'what makes the browser request it: 0 = the HTML (default, or at start with page.discovery "upfront"), k = when object k (1-based, an earlier one: a stylesheet or script) has arrived',
  },
  'page.origins': {
    doc: 'the origins of the page and which may share a connection: [{host, coalesceWith?}]; over HTTP/2 and HTTP/3 a browser sends requests for `host` on a connection to `coalesceWith` when both resolve to one address and its certificate covers both (RFC 9113 §9.1.1, RFC 9114 §3.3); HTTP/1.x never does',
    host: 'hostname[:port] (example.com is the HTML host)',
    coalesceWith: 'hostname[:port] whose connections may carry this origin’s requests',
  },
  followUps: {
    doc: 'requests issued later: [{atMs, path?, method?, bytes?, bodyBytes?, processingMs?, host?}] (atMs since navigation start)',
    atMs: 'issue time',
    path: 'URL path (default /next1, /next2 …)',
    method:
      'GET or POST; POST is not idempotent: client.retryPolicy "idempotent-only" never resends it, "browser" does when a reused connection fails before its response',
    bytes: 'response body bytes (default page.objectBytes)',
    bodyBytes: 'request body bytes',
    processingMs: 'server time (default server.processingMs)',
    host: 'hostname[:port] (default page.host)',
  },
};
