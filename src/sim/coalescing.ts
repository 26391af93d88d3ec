/**
 * Connection coalescing (HTTP/2: RFC 9113 §9.1.1; HTTP/3: RFC 9114 §3.3): a browser may send a
 * request for one origin on a connection to another when the host resolves to the address that
 * connection goes to and the connection's certificate covers the host. The scenario states which
 * origins qualify (`page.origins[].coalesceWith`); this turns its pairs into groups.
 */

/**
 * Each host named in `origins`, mapped to the name of its group: the hosts linked to each other
 * by `coalesceWith`, directly or through others (coalescing is transitive: a connection to A that
 * may carry B's requests, and one to B that may carry C's, make one pool for A, B and C). A host
 * with no link is its own group.
 */
export function coalescingGroups(
  origins: readonly { readonly host: string; readonly coalesceWith?: string | undefined }[],
): ReadonlyMap<string, string> {
  const parent = new Map<string, string>();
  const find = (h: string): string => {
    let root = h;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root))
      root = up;
    return root;
  };
  const add = (h: string): void => {
    if (!parent.has(h)) parent.set(h, h);
  };
  for (const o of origins) {
    add(o.host);
    if (o.coalesceWith === undefined) continue;
    add(o.coalesceWith);
    const a = find(o.host);
    const b = find(o.coalesceWith);
    if (a !== b) parent.set(b, a);
  }
  const groups = new Map<string, string>();
  for (const h of parent.keys()) groups.set(h, find(h));
  return groups;
}
