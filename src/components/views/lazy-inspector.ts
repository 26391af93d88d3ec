/**
 * Loads the ladder's packet inspector (`ladder/Inspector.svelte`) on first use. Kept in the chunk
 * every widget loads, whose list of lazily loaded files it joins, so the ladder's own chunk needs
 * no list of its own.
 */
export const loadInspector = (): Promise<typeof import('./ladder/Inspector.svelte')> =>
  import('./ladder/Inspector.svelte');
