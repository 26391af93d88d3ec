/**
 * Named scenarios with era defaults. Every number cites its row in /work/shared/FACTS.md
 * (section and row name) in `sources`. Presets are plain `ScenarioInput` data.
 */
import type { ScenarioInput } from './scenario';

/** A named scenario and where its numbers come from. */
export interface Preset {
  readonly name: string;
  /** One-line description (English; UI strings live in src/i18n). */
  readonly title: string;
  readonly scenario: ScenarioInput;
  /** FACTS.md rows the values come from. */
  readonly sources: readonly string[];
  /** Published result this preset reproduces, when there is one. */
  readonly expected?: string;
  /** Requests that fail by design (the preset shows a failure); absent = every request completes. */
  readonly failures?: number;
}

/** The "Microscape" test page: 42 KB HTML and 42 inline images totalling 125 KB (~3 KB each). */
const MICROSCAPE = { htmlBytes: 42000, objects: 42, objectBytes: 3000 } as const;
const MICROSCAPE_SRC =
  'FACTS.md §5 "Microscape" test page: 42 KB HTML, 42 inline GIFs totalling 125 KB';

const HPBN_CH2 = {
  // HPBN's path is 5 Mbit/s, but its figures ignore serialization: bandwidth effectively unlimited.
  network: { rttMs: 56, bandwidthMbps: 100000 },
  tcp: { initialWindow: 10, receiveWindowBytes: 65535 },
  server: { processingMs: 40 },
  // 64 KB response = 45 segments at MSS 1460: 250 B of headers + 64750 B of body = 65000 B (<= rwnd).
  page: { htmlBytes: 64750, objects: 0 },
} as const;
const HPBN_CH2_SRC =
  'FACTS.md §5 HPBN ch.2: new connection (RTT 56 ms, rwnd 65,535 B, IW 10, 40 ms server time, 64 KB = 45 segments)';

const HPBN_CH11 = {
  network: { rttMs: 56, bandwidthMbps: 100000 },
  server: { processingMs: 20 },
  client: { maxConnectionsPerHost: 1 },
  // HTML (40 ms of server time) and one CSS file (20 ms); both fit in one segment.
  page: { htmlBytes: 1000, htmlProcessingMs: 40, objects: [{ path: '/style.css', bytes: 1000 }] },
} as const;
const HPBN_CH11_SRC =
  'FACTS.md §5 HPBN ch.11: HTML + CSS example (28 ms one way, 40 ms and 20 ms server time)';

/** All presets, by name. */
export const presets: Readonly<Record<string, Preset>> = {
  'http09-1991': {
    name: 'http09-1991',
    title: 'HTTP/0.9: one bare GET per connection, the server closes after the document',
    scenario: {
      http: { version: '0.9' },
      tcp: { initialWindow: 1 },
      page: { htmlBytes: 5000, objects: 0 },
    },
    sources: [
      'FACTS.md §1 HTTP/0.9 description (one-line GET, server closes)',
      'FACTS.md §8 Initial window: 1 segment (pre-RFC 2414)',
    ],
  },
  'http10-1997': {
    name: 'http10-1997',
    title: 'HTTP/1.0 without keep-alive: a new connection per object, 4 in parallel',
    scenario: {
      http: { version: '1.0', keepAlive: false },
      tcp: { initialWindow: 1 },
      client: { maxConnectionsPerHost: 4 },
      page: MICROSCAPE,
    },
    sources: [
      'FACTS.md §1 HTTP/1.0 (one connection per request, closed by the server)',
      'FACTS.md §4 IE/WinInet: 4 per HTTP/1.0 server',
      'FACTS.md §8 Initial window: 1 segment (pre-RFC 2414)',
      MICROSCAPE_SRC,
    ],
  },
  'http10-keepalive': {
    name: 'http10-keepalive',
    title: 'HTTP/1.0 with Connection: Keep-Alive on both sides (Apache 1.3: 15 s)',
    scenario: {
      http: { version: '1.0', keepAlive: true },
      tcp: { initialWindow: 1 },
      client: { maxConnectionsPerHost: 4, idleTimeoutMs: 60000 },
      server: { keepAliveTimeoutMs: 15000 },
      page: MICROSCAPE,
    },
    sources: [
      'FACTS.md §2 HTTP/1.0 opt-in (Connection: Keep-Alive answered with the same token)',
      'FACTS.md §3 Apache KeepAliveTimeout, 1.3 and 2.0: 15 s',
      'FACTS.md §4 IE idle timeout 1 min',
      MICROSCAPE_SRC,
    ],
  },
  'keepalive-apache20': {
    name: 'keepalive-apache20',
    title: 'HTTP/1.1 persistent, 2 connections per host, Apache 2.0 keep-alive timeout 15 s',
    scenario: {
      http: { version: '1.1' },
      tcp: { initialWindow: 3 },
      client: { maxConnectionsPerHost: 2, idleTimeoutMs: 60000 },
      server: { keepAliveTimeoutMs: 15000, maxRequestsPerConnection: 100 },
      page: MICROSCAPE,
    },
    sources: [
      'FACTS.md §3 Apache KeepAliveTimeout, 1.3 and 2.0: 15 s',
      'FACTS.md §3 Apache MaxKeepAliveRequests 100',
      'FACTS.md §1 RFC 2616 connection limit (2)',
      'FACTS.md §1 TCP initial window of about 4 KB (RFC 3390: 3 segments)',
      'FACTS.md §4 IE idle timeout 1 min',
    ],
  },
  'keepalive-apache22': {
    name: 'keepalive-apache22',
    title: 'HTTP/1.1 persistent, 6 connections per host, Apache 2.2+ keep-alive timeout 5 s',
    scenario: {
      http: { version: '1.1' },
      tcp: { initialWindow: 3 },
      client: { maxConnectionsPerHost: 6, idleTimeoutMs: 115000 },
      server: { keepAliveTimeoutMs: 5000, maxRequestsPerConnection: 100 },
      page: MICROSCAPE,
    },
    sources: [
      'FACTS.md §3 Apache KeepAliveTimeout, 2.2 and later: 5 s',
      'FACTS.md §3 Apache MaxKeepAliveRequests 100',
      'FACTS.md §4 Firefox per host 6, idle timeout 115 s',
    ],
  },
  pipelining: {
    name: 'pipelining',
    title: 'HTTP/1.1 pipelining: all requests on one connection, responses in order',
    scenario: {
      http: { version: '1.1', pipelining: true },
      tcp: { initialWindow: 3 },
      client: { maxConnectionsPerHost: 2 },
      server: { keepAliveTimeoutMs: 15000 },
      page: MICROSCAPE,
    },
    sources: [
      'FACTS.md §2 Pipelining: response order',
      'FACTS.md §5 Nielsen et al. (pipelined HTTP/1.1 beat HTTP/1.0)',
      MICROSCAPE_SRC,
    ],
  },
  'modern-browser': {
    name: 'modern-browser',
    title: 'A modern browser over HTTP/1.1: 6 per host, IW10, TLS 1.3, nginx 75 s',
    scenario: {
      http: { version: '1.1' },
      tls: 'tls1.3',
      tcp: { initialWindow: 10 },
      client: { maxConnectionsPerHost: 6, maxConnectionsTotal: 256, idleTimeoutMs: 300000 },
      server: { keepAliveTimeoutMs: 75000, maxRequestsPerConnection: 1000 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §4 Chrome/Chromium per host 6, 256 per pool; used idle socket 300 s',
      'FACTS.md §3 Linux IW 10',
      'FACTS.md §6 TLS 1.3 full handshake: 1 RTT',
      'FACTS.md §3 nginx keepalive_timeout 75 s, keepalive_requests 1000',
    ],
  },
  'http2-page': {
    name: 'http2-page',
    title: 'The modern page over HTTP/2: one TLS 1.3 connection, 30 objects as concurrent streams',
    scenario: {
      http: { version: '2', maxConcurrentStreams: 100 },
      tls: 'tls1.3',
      tcp: { initialWindow: 10 },
      client: { maxConnectionsTotal: 256, idleTimeoutMs: 300000 },
      server: { keepAliveTimeoutMs: 75000 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §6 HTTP/2 connection count: one connection per host:port, persistent',
      'FACTS.md §8 Per-host parallelism: h2 and h3 1 connection per host:port',
      'FACTS.md §3 nginx and HTTP/2: keepalive_timeout (75 s) applies',
      'FACTS.md §3 Linux IW 10',
      'FACTS.md §6 TLS 1.3 full handshake: 1 RTT',
    ],
  },
  'https-resumed': {
    name: 'https-resumed',
    title:
      'A returning visitor reconnects over HTTP/1.1 with a resumed TLS 1.2 session: 3 RTT to the first response instead of 4',
    scenario: {
      tls: 'tls1.2-resumed',
      network: { rttMs: 100 },
      tcp: { initialWindow: 10 },
      page: { htmlBytes: 30000, objects: 10, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §9 TLS 1.2 resumption: session ID or ticket, abbreviated handshake of 1 RTT, no certificate',
      'FACTS.md §6 TLS 1.2 full handshake: 2 RTT (1 with resumption)',
      'FACTS.md §8 Handshake round trips: +TLS1.2 2 (1 with False Start or resumption)',
    ],
    expected: 'the HTML request leaves at 200 ms and the response starts arriving at 300 ms',
  },
  'http2-0rtt': {
    name: 'http2-0rtt',
    title:
      'A returning visitor over HTTP/2 with TLS 1.3 0-RTT: the first request leaves with the ClientHello',
    scenario: {
      http: { version: '2', maxConcurrentStreams: 100 },
      tls: 'tls1.3-0rtt',
      tcp: { initialWindow: 10 },
      client: { maxConnectionsTotal: 256, idleTimeoutMs: 300000 },
      server: { keepAliveTimeoutMs: 75000 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §6 TLS 1.3 0-RTT: only with a PSK (resumption); early data replayable',
      'FACTS.md §8 Handshake round trips: +TLS1.3 1 (0 with 0-RTT)',
      'FACTS.md §6 HTTP/2 connection count: one connection per host:port, persistent',
      'FACTS.md §3 nginx and HTTP/2: keepalive_timeout (75 s) applies',
    ],
  },
  'http3-page': {
    name: 'http3-page',
    title: 'The modern page over HTTP/3: one QUIC connection, transport and TLS 1.3 in 1 RTT',
    scenario: {
      http: { version: '3', maxConcurrentStreams: 100 },
      tls: 'tls1.3',
      client: { maxConnectionsTotal: 256, idleTimeoutMs: 300000 },
      quic: { maxIdleTimeoutMs: 30000, serverMaxIdleTimeoutMs: 30000 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §6 QUIC handshake: transport and TLS 1.3 combined, 1-RTT data after one round trip',
      'FACTS.md §6 QUIC initial RTT and window: initial window 10 x max_datagram_size, limited to max(14720 B, 2 x max_datagram_size)',
      'FACTS.md §6 QUIC idle timeout: the smaller of the two advertised values',
      'FACTS.md §6 QUIC keep-alive vs middleboxes: packets every 30 s keep most middleboxes',
      'FACTS.md §8 Per-host parallelism: h2 and h3 1 connection per host:port',
    ],
  },
  'http3-0rtt': {
    name: 'http3-0rtt',
    title: 'A returning visitor over HTTP/3 with 0-RTT: the request goes in the first flight',
    scenario: {
      http: { version: '3', maxConcurrentStreams: 100 },
      tls: 'tls1.3-0rtt',
      client: { maxConnectionsTotal: 256, idleTimeoutMs: 300000 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §6 QUIC 0-RTT requires resumption (TLS 1.3 session resumption)',
      'FACTS.md §8 Handshake round trips: QUIC 1 (0 with 0-RTT)',
      'FACTS.md §7 "0-RTT is free": early data can be replayed',
    ],
  },
  migration: {
    name: 'migration',
    title: 'The client changes address mid-page (Wi-Fi to cellular): HTTP/3 migrates, TCP breaks',
    scenario: {
      http: { version: '3', maxConcurrentStreams: 100 },
      tls: 'tls1.3',
      network: { rttMs: 100, bandwidthMbps: 10 },
      client: { addressChangeAtMs: 600 },
      page: { htmlBytes: 30000, objects: 30, objectBytes: 10000 },
    },
    sources: [
      'FACTS.md §6 QUIC connection IDs keep packets routed when UDP/IP addresses change',
      'FACTS.md §6 QUIC connection migration: client-initiated, the new path must be validated',
    ],
  },
  'hpbn-ch2-new': {
    name: 'hpbn-ch2-new',
    title: 'HPBN ch.2: 64 KB over a new connection (flights of 10, 20, 15 segments)',
    scenario: HPBN_CH2,
    sources: [HPBN_CH2_SRC, 'FACTS.md §8 HPBN example path'],
    expected: 'request done at 264 ms',
  },
  'hpbn-ch2-reused': {
    name: 'hpbn-ch2-reused',
    title: 'HPBN ch.2: the same 64 KB request again on the warm connection',
    scenario: {
      ...HPBN_CH2,
      tcp: { ...HPBN_CH2.tcp, slowStartAfterIdle: false },
      followUps: [{ atMs: 300, path: '/again.html', bytes: 64750, processingMs: 40 }],
    },
    sources: [
      'FACTS.md §5 HPBN ch.2: reused connection (96 ms)',
      'FACTS.md §5 HPBN ch.2: slow-start restart (HPBN advises disabling it)',
    ],
    expected: 'follow-up request: 96 ms from sent to done',
  },
  'hpbn-ch11-two-connections': {
    name: 'hpbn-ch11-two-connections',
    title: 'HPBN ch.11: HTML then CSS over two non-persistent connections',
    scenario: { ...HPBN_CH11, http: { version: '1.0', keepAlive: false } },
    sources: [HPBN_CH11_SRC],
    expected: 'page load 284 ms',
  },
  'hpbn-ch11-keepalive': {
    name: 'hpbn-ch11-keepalive',
    title: 'HPBN ch.11: HTML then CSS on one persistent connection',
    scenario: { ...HPBN_CH11, http: { version: '1.1' } },
    sources: [HPBN_CH11_SRC],
    expected: 'page load 228 ms',
  },
  'hpbn-ch11-pipelined': {
    name: 'hpbn-ch11-pipelined',
    title: 'HPBN ch.11: HTML and CSS pipelined (both known up front), serial server',
    scenario: {
      ...HPBN_CH11,
      http: { version: '1.1', pipelining: true },
      page: { ...HPBN_CH11.page, discovery: 'upfront' },
    },
    sources: [HPBN_CH11_SRC],
    expected: 'page load 172 ms',
  },
  'hpbn-ch11-pipelined-parallel': {
    name: 'hpbn-ch11-pipelined-parallel',
    title: 'HPBN ch.11: HTML and CSS pipelined, processed in parallel by the server',
    scenario: {
      ...HPBN_CH11,
      http: { version: '1.1', pipelining: true },
      server: { ...HPBN_CH11.server, pipelineProcessing: 'parallel' },
      page: { ...HPBN_CH11.page, discovery: 'upfront' },
    },
    sources: [
      HPBN_CH11_SRC,
      'FACTS.md §2 Pipelining: response order (the server MAY process safe requests in parallel)',
    ],
    expected: 'page load 152 ms (20 ms less than serial processing)',
  },
  'pipelining-hol': {
    name: 'pipelining-hol',
    title: 'Head-of-line blocking: a slow first response holds back the pipelined ones behind it',
    scenario: {
      http: { version: '1.1', pipelining: true },
      page: {
        htmlBytes: 10000,
        objects: [{ bytes: 5000, processingMs: 500 }, 5000, 5000, 5000, 5000],
      },
    },
    sources: [
      'FACTS.md §7 "Pipelining is multiplexing" (responses in request order: head-of-line blocking)',
    ],
  },
  'domain-sharding': {
    name: 'domain-sharding',
    title: 'Domain sharding: 2 connections per host, objects spread over 3 hostnames',
    scenario: {
      client: { maxConnectionsPerHost: 2 },
      page: { htmlBytes: 20000, objects: 24, objectBytes: 5000, shards: 3 },
    },
    sources: [
      'FACTS.md §1 RFC 2616 connection limit (2 per server)',
      'FACTS.md §8 Per-host parallelism',
    ],
  },
  'timeout-race': {
    name: 'timeout-race',
    title:
      "Timeout race: the client reuses a connection as the server's keep-alive FIN is in flight",
    scenario: {
      network: { rttMs: 100 },
      client: { idleTimeoutMs: 60000 },
      server: { keepAliveTimeoutMs: 5000 },
      page: { htmlBytes: 1000, objects: 0 },
      followUps: [{ atMs: 5160, path: '/click' }],
    },
    sources: [
      'FACTS.md §2 The keep-alive race',
      'FACTS.md §3 Apache KeepAliveTimeout 2.2+: 5 s',
      'FACTS.md §4 IE idle timeout 1 min',
    ],
    expected: 'the follow-up hits a closed socket (RST) and is retried once on a new connection',
  },
  'duplicate-post': {
    name: 'duplicate-post',
    title:
      'Duplicate POST: the server runs a POST on a reused connection, then resets it; the browser resends it',
    scenario: {
      network: { rttMs: 100 },
      client: { idleTimeoutMs: 60000, retryPolicy: 'browser' },
      // A worker that dies after doing the work: every connection is reset after its 2nd request.
      server: { keepAliveTimeoutMs: 5000, resetAfterProcessing: 2 },
      page: { htmlBytes: 1000, objects: 0 },
      followUps: [{ atMs: 1000, path: '/order', method: 'POST', bodyBytes: 200, bytes: 1000 }],
    },
    sources: [
      'FACTS.md §7 "Browsers only retry GET" / "browsers never resend a POST"',
      'FACTS.md §2 Retry rules (current)',
      'FACTS.md §3 Apache KeepAliveTimeout, 2.2 and later: 5 s',
    ],
    expected:
      'the POST is processed, the connection reset before any response byte, and the POST resent once on a new connection: the server processes it twice',
  },
  'nagle-delayed-ack': {
    name: 'nagle-delayed-ack',
    title:
      'Nagle with delayed ACK on a LAN: four 20 kB documents over one persistent connection stall 200 ms each; HTTP/1.0 does not',
    scenario: {
      network: { rttMs: 1, bandwidthMbps: 10 },
      tcp: { delayedAck: true, delayedAckMs: 200, nagle: true },
      http: { version: '1.1' },
      client: { maxConnectionsPerHost: 1 },
      page: { htmlBytes: 20000, objects: [20000, 20000, 20000] },
    },
    // Heidemann's own page (6,651, 3,883 and 1,866 bytes) stalled because of how Apache 1.1b4
    // and SunOS split the server's writes; the model writes each response at once, so 20 kB
    // responses, whose last flight ends in an odd segment followed by a short one, show the
    // same interaction. The 200 ms timer is classic BSD's (FACTS.md §9).
    sources: [
      'FACTS.md §9 Nagle and delayed ACK with persistent connections',
      'FACTS.md §5 Nielsen et al.: talk summary',
    ],
    expected:
      'each response waits one 200 ms delayed-ACK timer for its short last segment: about 880 ms for the page over HTTP/1.1, against about 76 ms over HTTP/1.0, where the FIN sends the last segment at once (and 73 ms over HTTP/1.1 without Nagle)',
  },
  'fast-open-reconnects': {
    name: 'fast-open-reconnects',
    title:
      'TCP Fast Open on the Microscape page over HTTP/1.0 with resumed TLS 1.3, one connection at a time: the 42 later connections each save a round trip',
    scenario: {
      network: { rttMs: 100, bandwidthMbps: 100000 },
      tcp: { fastOpen: true },
      tls: 'tls1.3-resumed',
      http: { version: '1.0' },
      client: { maxConnectionsPerHost: 1 },
      page: MICROSCAPE,
    },
    // Chapter 1's table counts 43 requests on new connections; here the 42 KB HTML also takes a
    // second flight of slow start (10 + 19 segments), one more round trip with or without TFO.
    sources: [
      MICROSCAPE_SRC,
      'FACTS.md §9 TCP Fast Open',
      'FACTS.md §6 TCP Fast Open',
      'FACTS.md §8 Handshake round trips before the first request byte',
    ],
    expected:
      'HTML 4 RTT (TCP, TLS, two flights), each image 2 RTT instead of 3 (TLS 1.3, request; the TCP round trip rides on the SYN): 8.8 s at RTT 100 against 13.0 s without Fast Open',
  },
  'syn-gives-up': {
    name: 'syn-gives-up',
    title:
      'SYNs that are never answered: 2 threaded workers held by 5-minute keep-alives, no backlog; later visitors give up after 6 SYN retransmissions',
    scenario: {
      network: { rttMs: 100 },
      server: { model: 'threaded', workers: 2, backlog: 0, keepAliveTimeoutMs: 300000 },
      workload: { clientsPerSecond: 1, durationMs: 10000, objectsPerClient: 1 },
    },
    // The 6 retransmissions are the default of tcp.synRetries (Linux tcp_syn_retries, tcp(7):
    // "approximately 127 seconds"); RFC 6298 §5.5 doubles the RTO on each expiry.
    sources: [
      'FACTS.md §3 Linux IW and initial RTO: TCP_TIMEOUT_INIT 1 s (RFC 6298)',
      'FACTS.md §9 Effective listen backlog',
    ],
    expected:
      'the first two visitors hold the two workers; every later SYN is dropped, retransmitted at +1, 3, 7, 15, 31 and 63 s, and its request fails 127 s after the first SYN',
    failures: 1,
  },
  'image-host': {
    name: 'image-host',
    title:
      'Image host: 60 visitors/s each fetch one 20 kB image from 256 threaded workers with a 5 s keep-alive timeout',
    scenario: {
      network: { rttMs: 100, bandwidthMbps: 1000 },
      server: { model: 'threaded', workers: 256, backlog: 511, keepAliveTimeoutMs: 5000 },
      workload: {
        kind: 'arrivals',
        clientsPerSecond: 60,
        durationMs: 20000,
        objectsPerClient: 1,
        objectBytes: 20000,
      },
    },
    sources: ['FACTS.md §3 Apache KeepAliveTimeout 2.2 and later: 5 s'],
    expected:
      "Little's law: 60/s x (5 s + 0.1 s lingering close) = 306 workers > 256: the backlog fills and p95 latency grows to seconds",
  },
  'image-host-event': {
    name: 'image-host-event',
    title: 'Image host on an event-driven server: idle keep-alive connections hold no worker',
    scenario: {
      network: { rttMs: 100, bandwidthMbps: 1000 },
      server: { model: 'event', maxConnections: 4096, backlog: 511, keepAliveTimeoutMs: 5000 },
      workload: {
        kind: 'arrivals',
        clientsPerSecond: 60,
        durationMs: 20000,
        objectsPerClient: 1,
        objectBytes: 20000,
      },
    },
    sources: ['FACTS.md §3 nginx keepalive_timeout 75 s (an event-driven server)'],
    expected: 'about 306 connections open, none waits in the backlog, p95 ≈ 3 RTT',
  },
};

/** Preset names, in definition order. */
export const presetNames: readonly string[] = Object.keys(presets);
