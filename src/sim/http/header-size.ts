/**
 * Header block sizes of HTTP/2 (HPACK, RFC 7541) and HTTP/3 (QPACK, RFC 9204, modelled with the
 * same sizes): how many bytes a request or response head takes once compressed.
 */

/**
 * HPACK model (RFC 7541), illustrative: the first header block in each direction of a connection
 * is the HTTP/1.x head Huffman-coded (§5.2; common header characters take 5-8 bits), about 0.7
 * of its size; later blocks repeat most fields as one-byte indexed references to the dynamic
 * table (§6.1), about 0.1 of the head, plus a request's :path as a Huffman-coded literal.
 */
export const HPACK_HUFFMAN_RATIO = 0.7;

/** Size of a repeated header block relative to the HTTP/1.x head (see `HPACK_HUFFMAN_RATIO`). */
export const HPACK_REPEAT_RATIO = 0.1;

/** Header block bytes for a head of `headBytes` (HTTP/1.x size); `path` for requests. */
export function hpackBytes(headBytes: number, first: boolean, path?: string): number {
  if (first) return Math.ceil(headBytes * HPACK_HUFFMAN_RATIO);
  const literal = path === undefined ? 0 : 1 + Math.ceil(path.length * HPACK_HUFFMAN_RATIO);
  return Math.ceil(headBytes * HPACK_REPEAT_RATIO) + literal;
}
