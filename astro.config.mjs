// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import svelte from '@astrojs/svelte';

/** Public origin of the site; set SITE_URL when deploying (used for canonical links and the sitemap). */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh'],
    routing: { prefixDefaultLocale: false },
  },
  integrations: [
    svelte(),
    mdx(),
    sitemap({
      i18n: { defaultLocale: 'en', locales: { en: 'en', zh: 'zh-Hans' } },
      filter: (page) => !page.includes('/embed/') && !page.endsWith('/404/'),
    }),
  ],
  devToolbar: { enabled: false },
  prefetch: false,
  // Content Security Policy as a <meta> tag on every page. Astro hashes the scripts and <style>
  // elements it emits (island loader, processed <script>s); ThemeScript.astro registers the hash
  // of its inline pre-paint script, and the search page adds 'wasm-unsafe-eval' for Pagefind.
  // Scripts never get 'unsafe-inline'. Styles do: Svelte renders style="…" attributes on SVG
  // marks, which hashes cannot cover, and Astro leaves out the hashes of <style> elements from
  // components inside MDX content (Exercise.astro); injected CSS cannot run code. Astro then
  // emits no style hashes (they would disable 'unsafe-inline'). `frame-ancestors` is ignored in
  // a <meta> policy, so which sites may frame the embeds can only be set by an HTTP header.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
    },
  },
});
