/**
 * TCP Fast Open (RFC 7413, `tcp.fastOpen`): the client's cookie cache and the limits of data in
 * a SYN. The endpoint's half (SYN data, the early open on both sides) is in `endpoint.ts`.
 */

/**
 * What a SYN or SYN-ACK carries in its Fast Open option: `request`, an empty cookie (a client
 * without a cookie asks for one, RFC 7413 §4.1.1), or `cookie`: on a SYN, the client's cached
 * cookie (data may follow in the same SYN); on a SYN-ACK, a cookie the server issues.
 */
export type FastOpenOption = 'request' | 'cookie';

/**
 * Bytes Linux keeps free for TCP options in a SYN that carries data, so that middleboxes adding
 * their own options do not push it past the path MTU (`MAX_TCP_OPTION_SPACE`, 40, in
 * net/ipv4/tcp_output.c, `tcp_send_syn_data`): a SYN carries at most MSS - 40 bytes of data.
 */
export const SYN_DATA_OPTION_RESERVE = 40;

/**
 * A client's Fast Open cookie cache. RFC 7413 §4.1.3: the client caches the most recent cookie
 * per client and server IP address pair (Linux: `tcp_fastopen_cache_set`, in the TCP metrics
 * of the destination). Every hostname in this model is one server machine, so one cookie serves
 * them all; a new client address (the client moved) has none. The model's server always accepts
 * the cookie it issued (no expiry, no key rotation, no middlebox that strips the option).
 */
export class FastOpenCookies {
  private held = false;

  /** True once a SYN-ACK has brought a cookie (and the client address has not changed since). */
  get has(): boolean {
    return this.held;
  }

  /** A SYN-ACK carried a cookie. */
  store(): void {
    this.held = true;
  }

  /** The client's address changed: its cookies were for the old address pair. */
  forget(): void {
    this.held = false;
  }
}
