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
  shortcuts: 'Keys, with focus in the diagram: Space or K play/pause · ← → or J L step · Home reset',
  reducedMotion: 'Reduced motion is on: Play moves one event at a time.',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  parameters: 'Parameters',
  notices: 'The address asked for values this diagram cannot use:',
  noticeClamped: '{key}={raw} is out of range; using {used}.',
  noticeInvalid: '{key}={raw} is not a valid value; using the default {used}.',
  noticeUnknown: '{key} is not a parameter of this diagram; ignored.',
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
    slowMsHelp: 'Makes the first image’s response slow, to show head-of-line blocking.',
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
      'The same page — an HTML document and {objects} images of {bytes} bytes — loaded over a path with a {rtt} ms round-trip time and {bw} Mbit/s, once with HTTP/1.0 (a new connection per object) and once with HTTP/1.1 keep-alive ({conns}). Both run on one clock.',
    oneConnection: 'at most 1 connection',
    nConnections: 'at most {n} parallel connections',
    http10: 'HTTP/1.0: a connection per object',
    keepAlive: 'HTTP/1.1 keep-alive',
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
      'One persistent HTTP/1.1 connection fetches an HTML document and {objects} images of {bytes} bytes over a {rtt} ms round trip. On the left each request waits for the previous response; on the right the requests are pipelined — sent back to back — and the server must answer them in order. The first image takes {slow} ms longer on the server.',
    sequential: 'Sequential (one request at a time)',
    pipelined: 'Pipelined',
    summary:
      'Pipelined, the page is complete at {pipe} ms instead of {seq} ms. Behind the slow first image, the later responses wait up to {wait} ms in the server’s queue although they are ready: head-of-line blocking.',
    summaryNoWait:
      'Pipelined, the page is complete at {pipe} ms instead of {seq} ms; no response had to wait behind another one.',
  },
  gallery: {
    title: 'Interactive diagrams',
    description:
      'All interactive diagrams of the Keep-Alive tutorial in one place: handshakes, HTTP/1.0 against keep-alive, and pipelining with head-of-line blocking, each driven by the network simulation.',
    intro:
      'Every diagram here is drawn from a trace of the simulator for the parameters beside it. Press Play to watch the packets move, step from event to event, or change a parameter: the simulation runs again at once, and the address of the page keeps your settings so you can share them.',
    noScript:
      'Without JavaScript each diagram shows its final state for the default parameters; the controls need JavaScript.',
  },
};
