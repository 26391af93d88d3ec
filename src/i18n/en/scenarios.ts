/**
 * Words of the scenario library (`scenario-library.ts`): the "Scenarios" menu beside each
 * widget's title, the guide's lesson tables, and each scenario's title and one-line purpose
 * (what the student should see). A figure stated in a purpose is computed by the simulation in
 * `tests/unit/widgets/scenario-library.test.ts`.
 */
export const scenarios = {
  menu: {
    /** The menu's button (`<summary>`). */
    summary: 'Scenarios',
    /** Name of the list: `{widget}` is the widget's title. */
    label: 'Scenarios for “{widget}”',
    /** One line above the list. */
    intro: 'Open the widget set up for one point:',
  },
  guide: {
    /** Caption of a chapter's table: `{chapter}` is its title. */
    caption: 'Lesson steps for {chapter}',
    /** Name of the scrolling region around a table. */
    region: 'Scenarios for {chapter}, scrolls sideways',
    scenario: 'Scenario',
    widget: 'Widget',
    purpose: 'What students should see',
    sources: 'Sources',
  },
  widgets: {
    handshake: {
      'tcp-only': {
        title: 'TCP alone, no TLS',
        purpose:
          'The request leaves after 1 round trip: SYN, SYN-ACK, and the request rides on the final ACK.',
      },
      'tls12-full': {
        title: 'TLS 1.2, full handshake',
        purpose:
          'Three round trips before the first request byte: 1 for TCP and 2 for TLS 1.2, paid by every new connection.',
      },
      'tls13-long-path': {
        title: 'TLS 1.3 across an ocean (RTT 250 ms)',
        purpose:
          'TLS 1.3 needs one round trip of its own: 2 round trips, 500 ms, pass before the request leaves.',
      },
      'tls13-resumed': {
        title: 'TLS 1.3, resumed session',
        purpose:
          'Resumption skips the certificate, not the round trip: still 2 round trips before the request.',
      },
    },
    race: {
      'microscape-1997': {
        title: 'The 1997 “Microscape” page over HTTP/1.0',
        purpose:
          '42 small images, 4 connections at a time, as IE did: Keep-Alive removes a handshake for almost every image.',
      },
      'many-small-objects': {
        title: 'Forty small images, one connection',
        purpose:
          'Without keep-alive each image waits for a new handshake: the gap grows by about one RTT per image.',
      },
      'few-large-objects': {
        title: 'Three large images on a slow link',
        purpose:
          'When the link, not the round trips, is the bottleneck, keep-alive saves little: the bars are mostly transfer.',
      },
      'six-connections': {
        title: 'Six connections in parallel',
        purpose:
          'Parallel connections narrow the gap, but without keep-alive each of them still opens a new connection per image.',
      },
    },
    pipelining: {
      'quick-responses': {
        title: 'Quick responses',
        purpose:
          'Sent back to back, the requests share round trips: the pipelined run finishes well ahead.',
      },
      'slow-first': {
        title: 'The first image is slow (600 ms)',
        purpose:
          'Responses must come back in request order: the quick ones wait behind the slow one (head-of-line blocking).',
      },
      'very-slow-first': {
        title: 'Ten images behind one very slow response',
        purpose:
          'Two seconds of server time on the first image hold back all nine others, although they are ready.',
      },
      'long-path': {
        title: 'Twenty images on a long path (RTT 300 ms)',
        purpose:
          'The longer the round trip, the more pipelining saves: one round trip per request.',
      },
    },
    'page-load': {
      http09: {
        title: 'HTTP/0.9: one connection per object',
        purpose:
          'Every object opens its own connection and the server closes it after the document: a handshake each time.',
      },
      'http10-close': {
        title: 'HTTP/1.0 without Keep-Alive',
        purpose:
          'Headers and Content-Length arrive, but the connection still closes after every response.',
      },
      'slow-start-restart': {
        title: 'A click after 3 s of idle: slow start again',
        purpose:
          'The reused connection skips the handshake, but after idle its congestion window starts small again.',
      },
      'warm-window': {
        title: 'The same click with a warm window',
        purpose:
          'With slow-start restart off the connection keeps its window: the large response comes in fewer round trips.',
      },
      'idle-timeout-reopen': {
        title: 'A click after the server’s 5 s timeout',
        purpose:
          'The server closes the idle connection 5 s after its last response, so the click at 8 s pays for a new handshake.',
      },
    },
    'connection-pool': {
      'two-per-host': {
        title: 'RFC 2616: two connections per host',
        purpose: 'Thirty images queue for two connections: the waterfall is a long staircase.',
      },
      'six-per-host': {
        title: 'Modern browsers: six per host',
        purpose: 'Six connections take the same thirty images in fewer, wider steps.',
      },
      sharding: {
        title: 'Domain sharding over three hosts',
        purpose:
          'Spreading images over three host names gets around the per-host limit, at the cost of more handshakes.',
      },
      'total-cap': {
        title: 'Sharding against a total cap of 8',
        purpose:
          'Four shards could open 24 connections, but the browser’s total cap keeps it to 8 at a time.',
      },
    },
    'timeout-race': {
      'post-retried': {
        title: 'A POST in the race, retried',
        purpose:
          'The server closes the idle connection as the POST leaves; the browser sends it again on a new connection.',
      },
      'post-idempotent-only': {
        title: 'A POST in the race, not retried',
        purpose:
          'A client that retries only idempotent requests shows an error instead, although the server never ran the POST.',
      },
      'post-processed-twice': {
        title: 'A POST processed, then the connection reset',
        purpose:
          'The server ran the POST and then reset the connection; the browser’s retry runs it a second time.',
      },
      'click-in-time': {
        title: 'The click arrives before the timeout',
        purpose:
          'The click comes 300 ms before the server’s timer fires: the request arrives in time and reuses the connection.',
      },
      'client-closes-first': {
        title: 'The browser times out first (4 s)',
        purpose:
          'A client idle timeout shorter than the server’s closes the connection first: no race.',
      },
    },
    'image-host': {
      'apache20-15s': {
        title: 'Apache 2.0’s 15 s keep-alive timeout',
        purpose:
          'Each one-image visitor holds a worker idle for 15 s: the 256 workers run out and visitors are turned away.',
      },
      'no-keepalive': {
        title: 'Keep-alive off',
        purpose:
          'Workers are freed as soon as the image is sent: few are busy, at the cost of a handshake per request.',
      },
      'event-driven': {
        title: 'An event-driven server (nginx style), 15 s',
        purpose:
          'Idle connections cost memory, not workers: the same 15 s timeout no longer turns visitors away.',
      },
      'more-workers': {
        title: 'A thousand workers, 15 s',
        purpose:
          'Enough workers stop the refusals, but most of them sit idle in keep-alive, waiting for requests that never come.',
      },
    },
    multiplexing: {
      'long-path': {
        title: 'A long path without loss (RTT 200 ms)',
        purpose:
          'One HTTP/2 or HTTP/3 connection does the work of six HTTP/1.1 connections, with one handshake.',
      },
      'one-lost-packet': {
        title: 'One lost packet',
        purpose:
          'Over HTTP/2 the lost packet holds up other streams’ data inside TCP (head-of-line blocking); over HTTP/3 no stream waits for another’s packet.',
      },
      'random-loss': {
        title: '2 % random loss',
        purpose:
          'Under loss, TCP’s in-order delivery blocks all of HTTP/2’s streams; QUIC’s streams go on independently.',
      },
      'zero-rtt': {
        title: 'Returning visitor with 0-RTT',
        purpose:
          'HTTP/3 sends its first request in its first flight; TCP still spends a round trip on its handshake.',
      },
    },
    playground: {
      'fast-open': {
        title: 'TCP Fast Open on reconnects',
        purpose:
          'The first connection fetches a cookie; each of the 3 later ones puts its ClientHello in the SYN and saves 1 round trip.',
      },
      'nagle-delayed-ack': {
        title: 'Nagle meets delayed ACK',
        purpose:
          'The response’s short last segment waits for an ACK the client is delaying: a stall on a persistent connection.',
      },
      'syn-retries': {
        title: 'Lost SYNs (10 % loss)',
        purpose:
          'The first connection’s SYN is lost twice: it goes again after 1 s, then after 2 s more (the timeout doubles), before any request can leave.',
      },
      'quic-migration': {
        title: 'HTTP/3: the client changes address',
        purpose:
          'The client’s address changes mid-load; the QUIC connection keeps its connection ID and carries on.',
      },
    },
  },
};
