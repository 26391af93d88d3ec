/** English strings for the shared views (Ladder, Waterfall, ConnectionLanes, Metrics). */
export const views = {
  client: 'Client',
  server: 'Server',
  /** A duration or time in milliseconds; `{v}` is already formatted. */
  ms: '{v} ms',
  timeAxis: 'Time (ms)',
  connN: 'conn {n}',
  /** Legend: the connections beyond the eighth, whose colours repeat the first eight's. */
  connRange: 'conn {from}–{to} (colours repeat)',
  /** The same when the ninth is the only one beyond the eighth. */
  connRepeat: 'conn {n} (colours repeat)',
  /** The same when some numbers in the range are not in the diagram. */
  connRangeSome: '{count} more, conn {from}–{to} (colours repeat)',
  connectionN: 'connection {n}',
  /** Several connections, as one mark of a dense diagram may hold. */
  connectionsRange: 'connections {from}–{to}',
  /** A collapsed quiet stretch of a time axis. */
  gap: '{time} skipped',
  /** Note under a horizontal time axis with collapsed stretches. */
  gapsNote: 'Quiet stretches are shortened (shaded): {list}.',
  listSep: ', ',
  /** Singular and plural forms for counts. */
  count: {
    packets: { one: '{n} packet', other: '{n} packets' },
    connections: { one: '{n} connection', other: '{n} connections' },
    requests: { one: '{n} request', other: '{n} requests' },
  },
  ladder: {
    title: 'Sequence diagram',
    summary: 'Sequence diagram: {packets} on {conns}, up to {time}.',
    legend: 'Legend',
    packet: 'packet',
    retransmit: 'retransmission',
    dropped: 'dropped',
    inFlight: 'in flight',
    flight: 'back-to-back packets, drawn as one band (label: what they carry, ×count)',
    /** Legend of a diagram too dense to draw every flight: some marks are bundles. */
    bundle:
      'packets too close together to draw apart at this zoom, drawn as one band (label: what they carry, first … last, ×count; grey when of several connections); zoom in to separate them',
    /** Note under a ladder with HTTP/2 packets: what their compact labels mean. */
    framesNote:
      'Labels on HTTP/2 packets list the frames they carry, by type with their stream ids: “DATA 3,5” is data of streams 3 and 5, and “+” joins frames of different types.',
    /** Note under a ladder with QUIC packets. */
    quicNote:
      'Labels on QUIC packets give the packet type and number, then the frames: “1-RTT #12: STREAM 4,8” is 1-RTT packet 12 carrying data of streams 4 and 8. A lost packet is never sent again: its frames go out in a new packet with a new number.',
  },
  /** The packet inspector under a sequence diagram (select a packet, read it, drop it). */
  inspector: {
    zoom: 'Zoom of the sequence diagrams',
    zoomIn: 'Zoom in (+)',
    zoomOut: 'Zoom out (−)',
    zoomReset: 'Reset zoom (0)',
    zoomValue: 'Time drawn {factor}× larger; drag or scroll to move, pinch or Ctrl + wheel to zoom',
    zoomHint: 'Pinch or Ctrl + wheel over the diagram to zoom',
    /** The overview strip under the zoom buttons: the whole time axis and the window shown. */
    overview:
      'Overview of the whole time axis: drag across it to zoom to a span, drag the window to move it; ← → and Page Up/Down move it',
    overviewValue: 'showing {from} to {to}, of {total}',
    filters: 'Which packets the sequence diagrams show',
    show: 'Show',
    allConns: 'all packets',
    connections: 'Connections',
    requests: 'Requests (over HTTP/2 and HTTP/3, one stream each)',
    /** A request of an HTTP/2 or HTTP/3 connection in the "Show" filter. */
    streamOf: '{path} (stream {stream})',
    hideAcks: 'Hide bare ACKs',
    /** QUIC packet number spaces (RFC 9000 §12.3), by packet type. */
    spaces: {
      Initial: 'Initial',
      Handshake: 'Handshake',
      '0-RTT': 'Application data (0-RTT)',
      '1-RTT': 'Application data (1-RTT)',
    },
    region: 'Packet details',
    /** Accessible description of the focusable diagram once the inspector is ready. */
    keys: 'Packets: ↑ and ↓ select the previous or next packet, Enter shows its details; + and − zoom the time axis, 0 resets it.',
    /** Live status while selecting: "{n} of {count}: {label}, {dir}, sent at {time}". */
    selected: '{n} of {count}: {label} on {conn}, {dir}, sent at {time}.',
    none: 'No packet sent yet at this moment: play or step forward first.',
    close: 'Close',
    flight: 'Flight of {count} back-to-back packets',
    bundle:
      'Bundle of {count} packets sent too close together to draw apart at this zoom; zoom in (+) to see them one by one.',
    members: 'Packets in this flight',
    more: '… and {count} more',
    packet: 'Packet #{id}',
    connection: 'Connection',
    direction: 'Direction',
    sent: 'Sent',
    wire: 'On the wire',
    arrived: 'Arrived',
    lost: 'Lost',
    lostWhy: {
      random: 'lost by the link (random loss)',
      targeted: 'lost on purpose (a dropped packet, network.drop)',
      unroutable: 'lost: sent to the client’s old address',
    },
    size: 'Size on the wire',
    sizeValue: '{wire} B ({payload} B of payload)',
    flags: 'TCP flags',
    seq: 'Sequence number',
    ack: 'Acknowledgement number',
    window: 'Receive window',
    cwnd: 'Sender’s congestion window at send',
    cwndValue: '{cwnd} segments',
    retransmitOf: 'Retransmission of',
    retransmitOfValue: 'packet #{id}, sent at {time}',
    retransmitQuic: 'data of a lost packet, in a new packet with a new number',
    space: 'Packet number space',
    packetNumber: 'Packet number',
    frames: 'Frames',
    frameItem: '{type} (stream {stream})',
    frameConn: '{type} (connection)',
    requestHead: 'Request head, as on the wire',
    responseHead: 'Response head, as on the wire',
    headNote:
      'Headers the lesson is not about (User-Agent, Accept…, Server, Cache-Control) are typical values; the last one, a Cookie or an ETag, fills the head to the size the scenario sets.',
    drop: 'Drop this packet and run again',
    cannotDrop:
      'Only packets that carry data (a request, a response, TLS records, QUIC CRYPTO or STREAM frames) can be dropped here; this one carries none.',
    dropped: 'You dropped {count} in this run: {list}.',
    droppedItem: 'data packet {segment} of connection {conn}, {dir}',
    restore: 'Run again without them',
    rerunning: 'Running again without packet #{id}…',
  },
  waterfall: {
    title: 'Request waterfall',
    summary: 'Request waterfall: {done} of {requests} finished on {conns}, up to {time}.',
    request: 'Request',
    conn: 'Conn',
    attempt: 'attempt {n}',
    legend: 'Phases',
    server: 'server processing',
    more: 'Showing the first {shown} of {total} requests.',
    /** A request row on a multiplexed connection (HTTP/2, HTTP/3): its path and stream id. */
    stream: '{path} · stream {stream}',
    /** Heading row over a multiplexed connection's requests; `{stack}` is a `stack` string. */
    group: 'connection {conn} · {stack}',
    groupHost: 'connection {conn} · {host} · {stack}',
    /** Legend of the head-of-line blocked segments (`stream-stall` events, cause `head-of-line`). */
    hol: 'head-of-line blocked: arrived, waiting behind other lost data',
    /** Legend of the segments waiting for the stream's own lost data (cause `own-data`). */
    ownData: 'waiting for its own lost data',
    /** Added to the summary when requests waited for DNS lookups (`network.dnsMs`). */
    summaryDns:
      'Waiting for DNS lookups: {requests}, {time} in all (each request’s waiting time added up).',
    /** Added to the summary when requests were head-of-line blocked (HTTP/2). */
    summaryStalls:
      'Head-of-line blocked (waiting behind other lost data): {requests}, {time} in all (each request’s waiting time added up).',
    /** Added to the summary when requests waited for their own lost data (HTTP/2, HTTP/3). */
    summaryOwnData:
      'Waiting for own lost data: {requests}, {time} in all (each request’s waiting time added up).',
    /** The connect phase when every connection is QUIC. */
    phase: {
      dns: 'DNS lookup',
      queued: 'queued',
      stalled: 'stalled',
      connect: 'TCP connect',
      quic: 'QUIC handshake',
      tls: 'TLS',
      send: 'sending',
      wait: 'waiting (TTFB)',
      receive: 'receiving',
    },
    outcome: {
      done: 'done',
      error: 'failed',
      retry: 'retried',
    },
  },
  lanes: {
    title: 'Connection lanes',
    summary: 'Connection lanes: {conns}, up to {time}.',
    legend: 'Connection phases',
    serverSide: 'server side',
    more: 'Showing the first {shown} of {total} connections.',
    phase: {
      handshake: 'TCP handshake',
      tls: 'TLS handshake',
      active: 'active',
      idle: 'idle (keep-alive)',
      closing: 'closing',
      'time-wait': 'TIME_WAIT',
      closed: 'closed',
    },
    /** The handshake phase when every connection is QUIC (TLS 1.3 rides inside it). */
    handshakeQuic: 'QUIC handshake (TLS inside)',
    /** Short tag under a connection's name: HTTP version and transport ("h2 TCP"). */
    tag: 'h{http} · {transport}',
  },
  /** A connection's protocol stack ("HTTP/2 · TCP + TLS 1.3"; QUIC has TLS 1.3 built in). */
  stack: 'HTTP/{http} · {transport}',
  stackTls: 'HTTP/{http} · {transport} + {tls}',
  transport: {
    tcp: 'TCP',
    quic: 'QUIC',
  },
  metrics: {
    label: 'Metrics',
    pageLoad: 'Page load',
    pageLoadSoFar: 'Elapsed (loading)',
    connections: 'Connections opened',
    packets: 'Packets',
    packetsValue: '{total} ({dropped} dropped)',
    handshakeRtts: 'Round trips on handshakes',
    requests: 'Requests done',
    requestsValue: '{done} of {total}',
    /** After requestsValue when some requests failed for good. */
    requestsFailed: ', {n} failed',
    /** Time streams were head-of-line blocked, summed over streams (HTTP/2 and HTTP/3 traces). */
    stalls: 'Head-of-line blocked (all streams)',
    /** Time streams waited for their own lost data, summed over streams (HTTP/2 and HTTP/3). */
    ownDataStalls: 'Waiting for own lost data (all streams)',
    final: 'final',
    soFar: 'so far',
  },
  table: {
    caption: 'Trace events up to {time}',
    time: 'Time (ms)',
    direction: 'Direction',
    connection: 'Connection',
    event: 'Event',
    bytes: 'Bytes',
    none: 'No events yet.',
    pages: 'Pages of the table',
    first: 'First',
    previous: 'Previous {n}',
    next: 'Next {n}',
    latest: 'Latest',
    range: 'Events {from}–{to} of {total}',
    /** While the sequence diagrams are zoomed, the table holds their window's moments. */
    window: 'Following the zoomed sequence diagrams: the events from {from} to {to}.',
  },
  dir: {
    c2s: 'client → server',
    s2c: 'server → client',
  },
  side: {
    client: 'client',
    server: 'server',
  },
  /** `{time}` is formatted with `ms`. */
  at: '{time}: {text}',
  event: {
    send: '{side} sends {label} on connection {conn}',
    resend: '{side} retransmits {label} on connection {conn}',
    arrive: '{side} receives {label} on connection {conn}',
    drop: '{label} from the {side} is lost on connection {conn}',
    /** A packet sent to the client's old address after it moved (QUIC migration). */
    dropUnroutable:
      '{label} from the {side} is lost on connection {conn} (sent to the client’s old address)',
    /** A QUIC packet's label in the sentences above: type, packet number, what it carries. */
    quicPacket: '{type} packet #{n} ({label})',
    /** HTTP/2 or HTTP/3 connection; `{stack}` is a `stack` string. */
    connOpenStack: 'client opens connection {conn} to {host} ({stack})',
    /** A request on a multiplexed connection opens a stream. */
    sentStream: 'client sends {request} on connection {conn}, stream {stream}',
    /** `stream-stall`, cause `head-of-line`: bytes that arrived waited behind other lost data. */
    streamStall:
      'stream {stream} is head-of-line blocked for {time} on connection {conn}: its bytes waited behind other lost data',
    streamStallServer:
      'stream {stream} is head-of-line blocked for {time} at the server on connection {conn}: its bytes waited behind other lost data',
    /** `stream-stall`, cause `own-data`: the stream waited for its own lost data. */
    streamStallOwn: 'stream {stream} waits {time} for its own lost data on connection {conn}',
    streamStallOwnServer:
      'stream {stream} waits {time} at the server for its own lost data on connection {conn}',
    connOpen: 'client opens connection {conn} to {host}',
    connOpenTls: 'client opens connection {conn} to {host} ({tls})',
    connState: '{side} side of connection {conn} enters {state}',
    connStatePhase: '{side} side of connection {conn}: {state}, {phase}',
    /** A sentence with its cause. */
    withReason: '{text} ({reason})',
    tlsStart: '{side} starts the {version} handshake on connection {conn}',
    tlsDone: '{side} finishes the {version} handshake on connection {conn}',
    cwnd: '{side} congestion window on connection {conn}: {cwnd} segments ({reason})',
    end: 'simulation ends',
    server:
      'server: {busy} connections serving, {idle} idle in keep-alive, {backlog} in the backlog, {refused} SYNs refused',
    request: {
      queued: 'the page queues {request}',
      resolved: 'the DNS lookup of {host} ends, so {request} may now take a connection',
      assigned: '{request} is assigned to connection {conn}',
      assignedReused: '{request} is assigned to connection {conn} (reused)',
      sent: 'client sends {request} on connection {conn}',
      'server-received': 'server has the whole of {request}',
      'server-start': 'server starts processing {request}',
      'server-end': 'server writes the response to {request}',
      'server-reset':
        'server has processed {request} but resets the connection instead of answering',
      'first-byte': 'first byte of the response to {request} arrives',
      done: 'response to {request} complete',
      error: '{request} fails ({error})',
      retry: '{request} is retried ({error})',
    },
  },
  reason: {
    'idle-timeout': 'idle timeout',
    'keep-alive-timeout': 'keep-alive timeout',
    'max-requests': 'maximum requests reached',
    'not-persistent': 'not persistent',
    evicted: 'evicted from the pool',
    'peer-closed': 'peer closed',
    reset: 'reset',
    'retransmit-limit': 'retransmission limit',
    'response-timeout': 'response timeout',
    'time-wait-expired': 'TIME_WAIT expired',
    'address-change': 'the client’s address changed',
    'reset-after-processing': 'reset by the server after processing a request',
  },
  error: {
    'connection-reset': 'connection reset',
    'connection-closed': 'connection closed',
    'connection-timeout': 'connection timed out',
    'incomplete-response': 'incomplete response',
  },
  cwndReason: {
    init: 'initial window',
    'slow-start': 'slow start',
    'congestion-avoidance': 'congestion avoidance',
    'idle-restart': 'restart after idle',
    timeout: 'timeout',
    'fast-retransmit': 'fast retransmit',
    recovery: 'recovery',
    'recovery-exit': 'recovery over',
  },
  tls: {
    'tls1.2': 'TLS 1.2',
    'tls1.2-resumed': 'TLS 1.2 resumed',
    'tls1.3': 'TLS 1.3',
    'tls1.3-resumed': 'TLS 1.3 resumed',
    'tls1.3-0rtt': 'TLS 1.3 0-RTT',
  },
  /** A time or duration in seconds; `{v}` is already formatted. */
  s: '{v} s',
  /** Between two sentences of a summary. */
  sentenceSep: ' ',
  /** The disclosure that opens a chart's data table. */
  dataTable: 'Show the data as a table',
  /** SlotChart: server workers (threaded) or connections (event) by state over time. */
  slots: {
    title: { threaded: 'Server workers over time', event: 'Server connections over time' },
    yAxis: { threaded: 'Workers', event: 'Connections' },
    busy: { threaded: 'busy (serving a request)', event: 'active connections' },
    idle: { threaded: 'idle (held by keep-alive)', event: 'idle connections' },
    free: { threaded: 'free', event: 'free (under the cap)' },
    limit: { threaded: 'worker limit {n}', event: 'connection cap {n}' },
    backlog: 'Listen backlog (longest queue)',
    drops: 'Refused SYNs',
    legend: 'Legend',
    /** `{limit}` and `{refused}` are the sentences below; `{step}` is one interval's length. */
    summary: {
      threaded:
        'Server workers over {duration}: at most {busy} busy and {idle} idle in keep-alive (averages per {step}); {limit}; {refused}.',
      event:
        'Server connections over {duration}: at most {busy} active and {idle} idle (averages per {step}); {limit}; {refused}.',
    },
    reached: {
      threaded: 'all {n} workers are first taken between {from} and {to}',
      event: 'the cap of {n} connections is first reached between {from} and {to}',
    },
    notReached: {
      threaded: 'the limit of {n} workers is never reached',
      event: 'the cap of {n} connections is never reached',
    },
    unlimited: { threaded: 'no worker limit', event: 'no connection cap' },
    refused: {
      zero: 'no SYN refused',
      one: '{n} SYN refused (backlog full)',
      other: '{n} SYNs refused (backlog full)',
    },
    /** The values at the playback cursor; `{values}` is a list of `value`. */
    at: 'At {time}: {values}.',
    value: '{name} {v}',
    short: {
      busy: { threaded: 'busy', event: 'active' },
      idle: 'idle',
      free: 'free',
      backlog: 'backlog',
      drops: 'SYNs refused',
    },
    table: {
      caption: 'Server state per interval of {step}',
      interval: 'Interval (s)',
      busy: { threaded: 'Busy (mean)', event: 'Active (mean)' },
      idle: 'Idle (mean)',
      free: 'Free (mean)',
      backlog: 'Backlog (max)',
      drops: 'Refused SYNs',
    },
  },
  /** LatencyHistogram: the distribution of response times on a logarithmic axis. */
  histogram: {
    title: 'Response times',
    summary:
      'Response times of {requests}: median {p50}, 95th percentile {p95}, 99th percentile {p99}; fastest {min}, slowest {max}.',
    empty: 'No completed requests.',
    emptySummary: 'Response times: no completed requests.',
    xAxis: 'Response time (logarithmic scale)',
    yAxis: 'Requests',
    bars: 'requests per interval',
    /** Label of a percentile line: "p95 1.2 s". */
    mark: 'p{p} {value}',
    markLegend: 'p{p}: {p}% of requests took at most this long',
    legend: 'Legend',
    table: {
      caption: 'Requests by response time',
      from: 'At least',
      to: 'Less than',
      count: 'Requests',
    },
  },
  /** SweepChart: throughput and p95 latency against the server keep-alive timeout. */
  sweep: {
    title: 'Throughput and p95 latency by keep-alive timeout',
    xAxis: 'Server keep-alive timeout (s)',
    xAxisNote: '0 = keep-alive off',
    throughput: 'Throughput (requests/s)',
    latency: { ms: 'p95 latency (ms)', s: 'p95 latency (s)' },
    legend: 'Series',
    /** `{series}` is one `series` (or `seriesOne`) sentence per series. */
    summary: 'Throughput and p95 latency by server keep-alive timeout. {series}',
    series:
      '{label}: at a timeout of {from}, throughput {tp0} requests/s and p95 latency {l0}; at {to}, {tp1} requests/s and {l1}.',
    seriesOne: '{label}: at a timeout of {from}, throughput {tp0} requests/s and p95 latency {l0}.',
    /** A timeout of 0 in a sentence. */
    off: '0 s (keep-alive off)',
    pending: {
      one: '{n} more timeout is still being computed.',
      other: '{n} more timeouts are still being computed.',
    },
    empty: 'No results yet.',
    table: {
      caption: 'Throughput and p95 latency by keep-alive timeout',
      series: 'Series',
      timeout: 'Timeout (s)',
      throughput: 'Requests/s',
      latency: 'p95 latency',
    },
  },
};
