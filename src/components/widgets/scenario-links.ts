/**
 * Addresses that open a widget in one of the library's scenarios (`scenario-library.ts`): the
 * query a widget instance reads (`?<id>.rtt=250` on a chapter or the gallery, `?rtt=250` on an
 * embed page), its menu's links, and the guide's links to the gallery and the embed page. The
 * query is written against the instance's own starting values (a chapter's `params`), so reading
 * it back gives exactly the scenario's values.
 */
import { localePath, type Lang } from '../../i18n/lang';
import {
  defaults,
  serializeParams,
  withDefaults,
  type ParamSchema,
  type ParamValues,
} from '../controls/params';
import { widgetRegistry } from './registry';
import type { LibraryScenario } from './scenario-library';
import { widgetParams } from './schemas';

/** Starting values a page gave a widget instance (`<Widget params={…}>`). */
export type Initial = Readonly<Record<string, number | string | boolean>> | undefined;

/** A scenario's complete values: its widget's defaults with the scenario's values over them. */
export function scenarioValues(sc: LibraryScenario): Readonly<Record<string, unknown>> {
  return { ...defaults(widgetParams[sc.widget].schema), ...sc.values };
}

/** The query (`?…`, empty when nothing differs) that sets an instance to the scenario. */
export function scenarioQuery(sc: LibraryScenario, namespace = '', initial?: Initial): string {
  const schema: ParamSchema = withDefaults(widgetParams[sc.widget].schema as ParamSchema, initial);
  return serializeParams(schema, scenarioValues(sc) as ParamValues<ParamSchema>, '', namespace);
}

/**
 * A link in the widget's own menu: relative to the page, so it keeps the page's path; on a
 * chapter or the gallery it scrolls to the widget (`#ka-<id>`).
 */
export function scenarioMenuHref(
  sc: LibraryScenario,
  id: string,
  embed: boolean,
  initial?: Initial,
): string {
  const query = scenarioQuery(sc, embed ? '' : id, initial) || '?';
  return embed ? query : `${query}#ka-${id}`;
}

/** The scenario on the widget gallery page, in a language. */
export function scenarioGalleryHref(lang: Lang, sc: LibraryScenario): string {
  const id = widgetRegistry[sc.widget].galleryId;
  return `${localePath(lang, 'widgets/')}${scenarioQuery(sc, id)}#ka-${id}`;
}

/** The scenario on its widget's embed page, in a language. */
export function scenarioEmbedHref(lang: Lang, sc: LibraryScenario): string {
  return `${localePath(lang, `embed/${sc.widget}/`)}${scenarioQuery(sc)}`;
}
