import { vitePreprocess } from '@astrojs/svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Scoping classes as "k" and the style's hash instead of "svelte-" and the hash: every styled
    // element of a component's markup template carries one, in the JavaScript every widget loads.
    cssHash: ({ hash, css }) => `k${hash(css)}`,
    // No `window.__svelte` version stamp in every page's code.
    discloseVersion: false,
  },
};
