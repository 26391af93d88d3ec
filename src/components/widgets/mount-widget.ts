/**
 * Mounts one widget's live component in its island (`islands.ts`) and swaps it in for the static
 * figure the build rendered. The live widget is mounted hidden beside the figure, at the same
 * width, so the reader keeps seeing the figure while the first runs compute in the worker; when
 * the widget marks itself ready (`data-ka-ready`, set by `WidgetFrame.svelte` once no run is
 * computing) the figure goes and the widget shows. Each widget's component is its own chunk: a
 * page loads only the widgets it has. The component mounts in a task after the one that evaluated
 * its modules: on an embed page, where the widget starts as the page loads, the two were one
 * main-thread task of 27 to 37 ms after first paint (Lighthouse's trace, 2026-12-07), which
 * Lighthouse's 4× CPU slowdown counts as blocking. When the address has an embed's `present` or
 * `events` key, it also loads `embed-options.ts`, which opens present mode once the widget shows
 * (`present=1`) or forwards the reader's actions to the host page (`events=1`).
 */
import { mount, type Component } from 'svelte';
import type { Lang } from '../../i18n/lang';
import { stage } from '../views/staging';
import { loadUiStrings } from './ui-strings-loader';
import { PENDING_ATTR } from './island-attrs';
import type { WidgetName } from './schemas';

type Loader = () => Promise<{ default: Component<{ lang: Lang; id: string; initial?: object }> }>;

/** Each widget's component, loaded on demand (the one place that names them for the browser). */
const components: Record<WidgetName, Loader> = {
  handshake: () => import('./Handshake.svelte') as never,
  race: () => import('./KeepAliveRace.svelte') as never,
  pipelining: () => import('./Pipelining.svelte') as never,
  'page-load': () => import('./PageLoad.svelte') as never,
  'connection-pool': () => import('./ConnectionPool.svelte') as never,
  'timeout-race': () => import('./TimeoutRace.svelte') as never,
  'image-host': () => import('./ImageHost.svelte') as never,
  multiplexing: () => import('./Multiplexing.svelte') as never,
  playground: () => import('./Playground.svelte') as never,
};

/** Starting values the page gave the widget (`data-ka-initial`), if any. */
function initialOf(island: HTMLElement): object | undefined {
  const raw = island.dataset['kaInitial'];
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function mountWidget(island: HTMLElement): Promise<void> {
  const name = island.dataset['kaWidget'] as WidgetName;
  const load = components[name] as Loader | undefined;
  if (!load) return;
  const lang: Lang = island.dataset['kaLang'] === 'zh' ? 'zh' : 'en';
  const [{ default: Widget }] = await Promise.all([load(), loadUiStrings(lang)]);
  // The widget's modules have just been evaluated, in this task: it mounts in a task of its own.
  await new Promise<void>((resolve) => stage(resolve));
  const figure = island.querySelector<HTMLElement>(':scope > .ka-static');
  // The figure keeps its look but no longer its ids: the live widget uses the same ones.
  figure?.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  figure?.removeAttribute('id');
  const live = document.createElement('div');
  live.className = 'ka-live';
  island.append(live);
  const query = new URLSearchParams(window.location.search);
  if (query.has('present') || query.has('events')) {
    void import('../embed/embed-options').then((m) => m.applyEmbedOptions(island));
  }
  const show = (): void => {
    figure?.remove();
    island.removeAttribute(PENDING_ATTR);
  };
  const watcher = new MutationObserver(() => {
    if (!island.hasAttribute('data-ka-ready')) return;
    watcher.disconnect();
    show();
  });
  watcher.observe(island, { attributes: true, attributeFilter: ['data-ka-ready'] });
  const initial = initialOf(island);
  mount(Widget, {
    target: live,
    props: { lang, id: island.dataset['kaId'] ?? name, ...(initial ? { initial } : {}) },
  });
}
