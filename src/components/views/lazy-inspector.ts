/**
 * The ladder's parts loaded on first use: the packet inspector (`ladder/Inspector.svelte`), when
 * a reader first focuses or clicks a diagram, and the bundling of a diagram too dense for flights
 * (`ladder/bundles.ts`). Kept in the chunk every widget loads, whose list of lazily loaded files
 * they join, so the ladder's own chunk needs no list of its own.
 */
export const loadInspector = (): Promise<typeof import('./ladder/Inspector.svelte')> =>
  import('./ladder/Inspector.svelte');

export const loadBundles = (): Promise<typeof import('./ladder/bundles')> =>
  import('./ladder/bundles');
