/**
 * Why each rule applies, in English: the validator's error for a `reject` rule, an explanation
 * for the others (the CLI prints them). Apart from `rules.ts` because the browser's code never
 * shows them: the Playground lists its own notice per rule id, in the page's language, and the
 * validator runs in the simulation worker.
 */
import type { RuleId } from './rules';
import type { FieldValues } from './types';

const pipeliningNeeds = (v: FieldValues): string =>
  `requires http.version "1.1" with keepAlive true (got version ${JSON.stringify(v['http.version'])}, keepAlive ${String(v['http.keepAlive'])})`;

/** A rule's message on the values it applies to. */
export const RULE_MESSAGES: { readonly [K in RuleId]: (v: FieldValues) => string } = {
  keepAlive09: () => 'HTTP/0.9 has no keep-alive: every connection closes after its response',
  keepAliveMux: (v) =>
    `must be true (or absent) with http.version "${v['http.version']}": HTTP/${v['http.version']} connections are always persistent (keepAlive applies to HTTP/1.0 and 1.1)`,
  pipeliningMux: pipeliningNeeds,
  pipeliningVersion: pipeliningNeeds,
  pipeliningClose: pipeliningNeeds,
  tlsQuic: (v) =>
    `must be "tls1.3", "tls1.3-resumed" or "tls1.3-0rtt" with http.version "3": QUIC always uses TLS 1.3, its handshake is part of the transport's (got ${JSON.stringify(v.tls)})`,
  keepAliveUnderMs: (v) =>
    `must be 0 (keep-alive off) or at least 1 ms (got ${v['server.keepAliveTimeoutMs']})`,
  quicIdle: () =>
    "HTTP/3 closes idle connections with QUIC's max_idle_timeout (RFC 9000 §10.1): the client's and the server's idle timeouts become the two endpoints' max_idle_timeout; server.keepAliveTimeoutMs and server.maxRequestsPerConnection apply to HTTP/1.x and 2 only",
  resetMux: () =>
    'applies to HTTP/1.x only: a multiplexed server that fails after processing would reset one stream (RST_STREAM, RESET_STREAM), not the connection; it is not modelled, so HTTP/2 and HTTP/3 ignore this field',
  fastOpenQuic: () =>
    'TCP Fast Open shortens the TCP handshake; HTTP/3 runs over QUIC, which has none, so the field is ignored (QUIC saves the handshake round trip with tls "tls1.3-0rtt")',
  keepAliveOffQuic: () =>
    "a server keep-alive timeout of 0 (keep-alive off) has no HTTP/3 counterpart: as a max_idle_timeout 0 would disable the idle timeout (RFC 9000 §10.1), the server's max_idle_timeout stays as it is",
};
