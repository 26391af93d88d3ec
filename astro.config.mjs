// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import svelte from '@astrojs/svelte';
import stripSvelteMarkers from './src/integrations/strip-svelte-markers.mjs';

/** Public origin of the site; set SITE_URL when deploying (used for canonical links and the sitemap). */
const site = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * A pattern for modules under `src/components/<dir>/` with one of `names` (any extension).
 * @param {string} dir
 * @param {string[]} names
 */
const modules = (dir, names) => `src[\\\\/]components[\\\\/]${dir}[\\\\/](${names.join('|')})\\.`;

/**
 * A few chunks for the browser instead of a dozen small ones, so an embed page (the widget alone,
 * hydrating at once) gzips fewer, larger files: `widget-core` holds what every widget loads (the
 * Svelte runtime, the frame, controls, player and shared view parts); `time-views` what the
 * views drawn on a widget's clock share (the clock, the metrics strip, the list of views);
 * `ladder` the sequence diagram, which all widgets but the Connection pool and the Image host
 * draw; and `waterfall` and `lanes` the row views, each loaded when first shown
 * (`views/lazy-views.ts`), so a narrow widget, which shows one view at a time, loads only the one
 * it starts with. The stalls the views show come measured with each result
 * (`views/trace-stalls.ts`), so the code that measures them stays in the simulation worker. Lazy
 * parts (the simulator, the tables, the live-region text) stay separate, and so does Astro's
 * Svelte renderer, which only chapter islands need (an embed hydrates its widget itself). Server
 * rendering keeps the default chunks.
 */
const CHUNK_GROUPS = [
  // What a page with widgets or questions loads up front: the island loader, Vite's preload
  // helper and the string filler that the concept checks share with the widgets. Left to the
  // bundler they land in widget-core (whose modules share them) and pull all of widget-core
  // (33 KB gzip) into every such page before any widget is on screen.
  {
    name: 'islands',
    priority: 3,
    test: new RegExp(
      [
        'preload-helper',
        'src[\\\\/]i18n[\\\\/]fill\\.',
        modules('widgets', ['islands', 'island-attrs']),
      ].join('|'),
    ),
  },
  {
    name: 'widget-core',
    eager: true,
    priority: 2,
    test: new RegExp(
      [
        'node_modules[\\\\/](svelte|esm-env|d3-array)[\\\\/]',
        'src[\\\\/]i18n[\\\\/]ui\\.',
        'src[\\\\/]sim[\\\\/]percentile\\.',
        modules('controls', [
          'ParamControls',
          'Player',
          'params',
          'param-state',
          'playback',
          'timeline',
          'widget-events',
          'param-summary',
          // Not `ParamFields`, the inputs: a narrow widget loads them when the reader opens them.
          'param-fields',
        ]),
        // Not `snippet`: only the Embed panel, loaded when opened, builds snippets.
        modules('embed', ['embed-query', 'hydrate-embed']),
        modules('views', [
          'axis',
          'number-format',
          'text',
          'colors',
          'Legend',
          // Not `TimeAxis` and `TimeOverlay`: only the row views and the Image host's slot chart
          // draw them, each loaded when shown, so a widget that starts with its ladder loads none.
          'ViewFigure',
          'LazyTraceTable',
          'ticks',
          'lazy-inspector',
          // The loader of views shown on demand: the Image host, which draws no time view, uses
          // it too, and would otherwise load the time views' chunk for it.
          'LazyView',
          'lazy-views',
          // Each view's first mount in a task of its own: the Image host's too.
          'Staged',
          'staging',
        ]),
        modules('widgets', [
          'WidgetFrame',
          'widget-setup',
          'simulations',
          'trace-facts',
          'run-epilogue',
          'retry-param',
          'labels',
          'ViewTabs',
          // Loaded with widget-core whenever a widget starts: one gzip stream, not two.
          'mount-widget',
          'ui-strings-loader',
        ]),
      ].join('|'),
    ),
  },
  {
    name: 'time-views',
    eager: true,
    priority: 1,
    test: new RegExp(
      [
        modules('views', ['MetricsStrip', 'metrics', 'ViewNotes', 'pixels', 'clock']),
        // Not SideBySide: only the three comparisons load it (a chunk of their own), the others
        // would carry it for nothing.
        modules('widgets', ['RunViews']),
        'src[\\\\/]sim[\\\\/]stalls\\.',
      ].join('|'),
    ),
  },
  // The ladder, for the widgets that draw one (all but the Connection pool and the Image host).
  {
    name: 'ladder',
    eager: true,
    priority: 1,
    test: new RegExp(
      [
        modules('views', ['Ladder']),
        // Not the ladder's packet inspector, its overview strip and their plot watcher (they load
        // when a reader first focuses or clicks a diagram) nor its bundling (loaded by a diagram
        // too dense for flights).
        'src[\\\\/]components[\\\\/]views[\\\\/]ladder[\\\\/](?![Ii]nspector|Overview|bundles|watch-plot)',
      ].join('|'),
    ),
  },
  // The time axis and the clock's overlay that the row views and the Image host's slot chart
  // draw: a chunk of their own, so that none of them carries the others' code along.
  {
    name: 'time-axis',
    eager: true,
    priority: 1,
    test: new RegExp(modules('views', ['TimeAxis', 'TimeOverlay', 'gap-marks'])),
  },
  // The row views, each loaded when a widget first shows it (`views/lazy-views.ts`): a narrow
  // widget starts with its ladder (the Connection pool with its lanes), so a phone loads the
  // others only when the reader picks their tab.
  // Before the waterfall's group, which would otherwise take `lanes.ts` along (it uses it).
  {
    name: 'lanes',
    eager: true,
    priority: 1,
    test: new RegExp(modules('views', ['ConnectionLanes', 'lanes'])),
  },
  {
    name: 'waterfall',
    eager: true,
    priority: 1,
    test: new RegExp(
      [
        modules('views', ['Waterfall']),
        'src[\\\\/]components[\\\\/]views[\\\\/]waterfall[\\\\/]',
      ].join('|'),
    ),
  },
  // The workload views the Image host and the Playground's visitors start with (the server's
  // chart, the figures), with the data table they share with the charts below: before those, so
  // that their group does not take the table along.
  {
    name: 'workload-views',
    eager: true,
    priority: 1,
    test: new RegExp(modules('views', ['SlotChart', 'slots', 'WorkloadStats', 'DataTable'])),
  },
  // The Image host's (and the Playground visitors') response-time and sweep charts, loaded when
  // first shown: a narrow widget starts with the server's chart.
  {
    name: 'workload-charts',
    priority: 1,
    test: new RegExp(
      modules('views', ['LatencyHistogram', 'histogram', 'SweepChart', 'sweep-chart']),
    ),
  },
];

/**
 * V8's explicit compile hint (Chrome 136 and later; https://v8.dev/blog/explicit-compile-hints):
 * a file that starts with it is compiled whole while it downloads, on a background thread, instead
 * of function by function on the main thread as each is first called. Only for the chunks a widget
 * runs through as it first mounts and draws (the frame, the views, the widget's own component),
 * where nearly every function is called at once: on a cold embed page lazy compilation took 15 to
 * 30 ms of the main thread's tasks after first paint (traces of /zh/embed/connection-pool/,
 * 2026-12-07), part of the blocking time Lighthouse counts (issue 14). Added after minification,
 * which would drop a comment, and first in the file (V8 reads it only there), before the list of
 * files Vite's preload helper puts at the top of a chunk with dynamic imports. The chunks: the
 * groups above marked `eager`, the parameter definitions most widgets share, and each widget's
 * component (`mount-widget.ts` loads them by these names).
 */
const EAGER_HINT = '//# allFunctionsCalledOnLoad\n';
const EAGER_CHUNKS = new Set([
  ...CHUNK_GROUPS.filter((g) => g.eager).map((g) => g.name),
  'common-params',
  ...['Handshake', 'KeepAliveRace', 'Pipelining', 'PageLoad', 'ConnectionPool'],
  ...['TimeoutRace', 'ImageHost', 'Multiplexing', 'Playground'],
]);

/** @type {import('vite').Plugin} */
const chunkGroups = {
  name: 'keep-alive-chunk-groups',
  configEnvironment(name) {
    if (name !== 'client') return;
    return {
      build: {
        // A dynamic import preloads the files the imported chunk needs, the chunk included, and
        // every chunk with dynamic imports carries the names of those files (widget-core: every
        // widget's), whose random hashes gzip poorly. Without a stylesheet among them, Vite's
        // helper calls `import()` at once, which fetches the chunk anyway: its name is left out.
        // (With one, `import()` waits for the stylesheet, and the chunk's preload runs meanwhile.)
        modulePreload: {
          resolveDependencies: (file, deps) =>
            deps.some((d) => d.endsWith('.css')) ? deps : deps.filter((d) => d !== file),
        },
        rolldownOptions: {
          output: {
            codeSplitting: { groups: CHUNK_GROUPS.map(({ eager: _, ...group }) => group) },
          },
        },
      },
    };
  },
  generateBundle: {
    order: 'post',
    handler(_, bundle) {
      if (this.environment.name !== 'client') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && EAGER_CHUNKS.has(chunk.name)) {
          chunk.code = EAGER_HINT + chunk.code;
        }
      }
    },
  },
};

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
    stripSvelteMarkers(),
  ],
  devToolbar: { enabled: false },
  // Code blocks stay plain: Shiki colours tokens with inline style attributes, which the
  // site's CSP would have to allow; the site's own <pre> style is enough for commands and output.
  // (global.css wraps long lines in <pre>, so no code block needs to scroll sideways.)
  markdown: { syntaxHighlight: false },
  vite: {
    plugins: [chunkGroups],
    // The workers' bundles (simulation, replay) kept the `/* @__PURE__ */` annotations, which only
    // guide a later bundler and which the pages' chunks drop: 37 in the simulation worker.
    worker: { rolldownOptions: { output: { comments: { annotation: false } } } },
    build: {
      // Stylesheets under 4 KB are inlined in each page (Astro's 'auto'), except the views': every
      // page with a widget carries them, so they stay files the browser caches across pages (the
      // time views' were one file before the views got chunks of their own; inlined, they took
      // /zh/server-costs/ to 50.9 KB of gzipped HTML, over its 50 KB).
      assetsInlineLimit: (file) =>
        /(^|[\\/])(time-views|ladder|waterfall|lanes|workload-views|workload-charts)\.[\w-]+\.css$/.test(
          file,
        )
          ? false
          : undefined,
    },
  },
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
