/**
 * Every widget the site can mount, by its embed name (`/embed/<name>/`): its parameters (from
 * `schemas.ts`), its title, its entry on the gallery page and the names chapters may use. The
 * Svelte component of each name is in `WidgetMount.astro` (the static figure) and
 * `mount-widget.ts` (the live widget). To add a widget: its schema in `schemas.ts`, an entry
 * here, a line in both of those, and its gallery strings; the chapter `<Widget>`, the gallery and the
 * embed routes then all have it.
 */
import type { Dictionary } from '../../i18n/en';
import type { UiText } from '../controls/params';
import { widgetParams, type WidgetName } from './schemas';

type Gallery = Dictionary['widgets']['gallery'];

/** Keys of the gallery dictionary that have a name and an `…About` blurb. */
export type GalleryKey = {
  [K in keyof Gallery & string]: `${K}About` extends keyof Gallery ? K : never;
}[keyof Gallery & string];

/** What the site knows about a widget besides its parameters. */
export interface WidgetEntry {
  /** The widget's title (its figcaption): `(w) => w.race.title`. */
  readonly title: UiText;
  /** Name and blurb in the gallery dictionary (`gallery.race`, `gallery.raceAbout`); its anchor is `#g-<key>`. */
  readonly gallery: GalleryKey;
  /** Instance id on the gallery page (its URL namespace there). */
  readonly galleryId: string;
  /** Other names a chapter may mount it by (`<Widget name="keep-alive-race">`). */
  readonly aliases?: readonly string[];
}

/** The widgets in gallery order. */
export const widgetRegistry = {
  handshake: { title: (w) => w.handshake.title, gallery: 'handshake', galleryId: 'handshake' },
  race: {
    title: (w) => w.race.title,
    gallery: 'race',
    galleryId: 'race',
    aliases: ['keep-alive-race'],
  },
  pipelining: { title: (w) => w.pipelining.title, gallery: 'pipelining', galleryId: 'pipelining' },
  'page-load': { title: (w) => w.pageLoad.title, gallery: 'pageLoad', galleryId: 'page-load' },
  'connection-pool': { title: (w) => w.pool.title, gallery: 'pool', galleryId: 'pool' },
  'timeout-race': {
    title: (w) => w.timeoutRace.title,
    gallery: 'timeoutRace',
    galleryId: 'timeout-race',
  },
  'image-host': {
    title: (w) => w.imageHost.title,
    gallery: 'imageHost',
    galleryId: 'image-host',
  },
  multiplexing: {
    title: (w) => w.multiplexing.title,
    gallery: 'multiplexing',
    galleryId: 'multiplexing',
  },
  playground: {
    title: (w) => w.playground.title,
    gallery: 'playground',
    galleryId: 'playground',
  },
} as const satisfies Record<WidgetName, WidgetEntry>;

/** Every widget name, in gallery order. */
export const widgetNames = Object.keys(widgetRegistry) as WidgetName[];

/** A widget's entry and parameters. */
export function widgetEntry(name: WidgetName): WidgetEntry & (typeof widgetParams)[WidgetName] {
  return { ...widgetRegistry[name], ...widgetParams[name] };
}

/** Names a chapter may use: every widget name and alias. */
export function mountNames(): string[] {
  return widgetNames.flatMap((n) => [n, ...((widgetRegistry[n] as WidgetEntry).aliases ?? [])]);
}

/** The widget a chapter's name (or alias) stands for; throws with the valid names otherwise. */
export function resolveWidget(name: string): WidgetName {
  for (const n of widgetNames) {
    if (n === name || (widgetRegistry[n] as WidgetEntry).aliases?.includes(name)) return n;
  }
  throw new Error(`Unknown widget "${name}": expected one of ${mountNames().join(', ')}`);
}
