/**
 * Which failed requests the browser sends again on a new connection (`client.retryPolicy`).
 *
 * - `browser` (default): what Chromium, Firefox and curl do. A request of ANY method is resent
 *   once when a reused (keep-alive) connection fails before any of its response has arrived:
 *   Chromium's `HttpNetworkTransaction::ShouldResendRequest` is `connection_is_proven &&
 *   !has_received_headers` (net/http/http_network_transaction.cc); Firefox restarts any
 *   transaction on a reused connection; curl retries when the response has not started
 *   (draft-nottingham-httpbis-retry-01 §2). A failure on a fresh connection is not retried: the
 *   server may simply be refusing it.
 * - `idempotent-only`: the spec-conservative client of RFC 9110 §9.2.2 (a client SHOULD NOT
 *   retry a non-idempotent method automatically): only idempotent methods (GET here) are resent.
 *
 * Both resend at most once (RFC 9110 §9.2.2: a client SHOULD NOT retry a failed automatic
 * retry; the retry runs on a new connection, which is not "proven", so Chromium would not resend
 * it again either). Both also resend an idempotent request whose connection broke because the
 * client's own address changed, even after part of its response had arrived (a GET can be
 * repeated harmlessly; Chromium retries after ERR_NETWORK_CHANGED); a non-idempotent one only
 * under `browser` and only on a reused connection before any response byte, the same rule as a
 * server's close, since the client cannot tell whether the server ran it.
 *
 * "Before the response headers" is, in the simulation, before the first response byte reached
 * the client (`Attempt.firstByte`): an HTTP/1.x response's header block comes first and is
 * smaller than one segment (`http.responseHeaderBytes`, 250 B by default), so its first byte and
 * its whole header block arrive together.
 */
import type { HttpMethod } from './trace';

/**
 * The browser's retry rules (`client.retryPolicy`), the default first. The field table takes
 * its values from here, so a control can list them without loading the whole table.
 */
export const RETRY_POLICIES = ['browser', 'idempotent-only'] as const;

/** The browser's retry rule (`client.retryPolicy`). */
export type RetryPolicy = (typeof RETRY_POLICIES)[number];

/**
 * Whether a method is idempotent (RFC 9110 §9.2.2: GET, HEAD, PUT, DELETE, OPTIONS, TRACE); of
 * the methods the model knows, GET is and POST is not.
 */
export function isIdempotent(method: HttpMethod): boolean {
  return method === 'GET';
}

/** What the browser knows of a failed attempt when it decides whether to send it again. */
export interface FailedAttempt {
  readonly method: HttpMethod;
  /** Attempts made so far (1 = the original request). */
  readonly attempts: number;
  /** The connection had carried an earlier request (Chromium's `connection_is_proven`). */
  readonly reused: boolean;
  /** Some of the response had arrived (Chromium's `has_received_headers`). */
  readonly firstByte: boolean;
  /** The connection died because the client's address changed. */
  readonly networkChanged: boolean;
}

/** Whether the browser resends a failed attempt on a new connection under `policy`. */
export function shouldResend(policy: RetryPolicy, f: FailedAttempt): boolean {
  if (f.attempts > 1) return false;
  const beforeResponseOnReused = f.reused && !f.firstByte;
  if (isIdempotent(f.method)) return beforeResponseOnReused || f.networkChanged;
  return policy === 'browser' && beforeResponseOnReused;
}
