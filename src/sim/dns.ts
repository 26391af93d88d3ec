/**
 * DNS lookups of one browser (`network.dnsMs`): the first time a request needs a hostname, a
 * lookup of that name starts and takes `lookupUs`; until it ends, every request for the name
 * waits; the answer is then cached for the rest of the run. Lookups of different names run side
 * by side. With a lookup time of 0 nothing waits and nothing is scheduled, so a scenario without
 * DNS runs exactly as before lookups were modelled.
 *
 * Coalesced origins (`coalescing.ts`) are looked up too, before a request of theirs may ride on
 * another origin's connection: the browser checks that the name resolves to that connection's
 * address (RFC 9113 §9.1.1, RFC 9114 §3.3). Chromium does so: its HTTP/2 (and QUIC) IP-based
 * pooling looks for a session among the endpoints the new host's DNS request returned
 * (`FindMatchingIpSessionForServiceEndpoint` over `service_endpoint_request_->
 * GetEndpointResults()` in net/http/http_stream_pool_attempt_manager.cc; crbug.com/824805:
 * "IP-based pooling ... requires that this IP be an element of the set of IPs the new host
 * resolves to"); Firefox pools when the new host's resolved addresses overlap the connection's
 * (`mCoalescingKeys`, same thread). WebPageTest runs show Firefox making the DNS query before
 * reusing the connection, and Chrome's query in the packet capture though its waterfall shows
 * none (forums.webpagetest.org, "HTTP2 multi-origin connection sharing vs DNS requests"). The
 * ORIGIN frame (RFC 8336), which would let a server vouch for names without a lookup, is not
 * modelled.
 */
import type { Engine } from './engine';

/** One browser's resolver: which names are resolved, and what waits for the others. */
export class Resolver<T> {
  // Both made on the first lookup: without DNS (most scenarios, and a workload's thousands of
  // browsers) nothing is ever looked up.
  private resolved: Set<string> | undefined;
  /** Lookups under way: the name, and what waits for it in arrival order. */
  private pending: Map<string, T[]> | undefined;

  constructor(
    private readonly engine: Engine,
    /** Time one lookup takes (µs); 0 = lookups are not modelled. */
    private readonly lookupUs: number,
    /** A lookup ended: everything that waited for `host`, in the order it came. */
    private readonly onResolved: (host: string, waiting: readonly T[]) => void,
  ) {}

  /**
   * True when `host` can be used now (resolved already, or lookups not modelled); otherwise
   * `item` waits for its lookup (started now when none is under way) and false is returned.
   */
  ready(host: string, item: T): boolean {
    if (this.lookupUs <= 0 || this.resolved?.has(host) === true) return true;
    const pending = (this.pending ??= new Map());
    const waiting = pending.get(host);
    if (waiting !== undefined) {
      waiting.push(item);
      return false;
    }
    pending.set(host, [item]);
    this.engine.schedule(this.lookupUs, () => {
      const list = pending.get(host) ?? [];
      pending.delete(host);
      (this.resolved ??= new Set()).add(host);
      this.onResolved(host, list);
    });
    return false;
  }
}
