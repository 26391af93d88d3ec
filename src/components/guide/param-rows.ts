/**
 * Build-time only: the instructors' guide's parameter tables, generated from the widget registry
 * and each widget's schema, so a widget or parameter added later appears in the guide by itself.
 */
import { dict, fill, type Lang } from '../../i18n';
import {
  EMBED_ID_KEY,
  EMBED_ID_MAX,
  embedEventsParam,
  embedLayoutParam,
  embedPresentParam,
  embedThemeParam,
} from '../embed/embed-query';
import { embedPath } from '../embed/snippet';
import { formatValue, type ParamSchema, type ParamSpec } from '../controls/params';
import { bilingual } from '../widgets/bilingual';
import { widgetEntry, widgetNames } from '../widgets/registry';
import type { WidgetName } from '../widgets/schemas';

/** One row of a parameter table, every cell as plain text in the page's language. */
export interface ParamRow {
  /** URL key, as written in the embed's address (`rtt`). */
  readonly key: string;
  readonly type: string;
  /** Range and step, each option with its label, or the on/off values. */
  readonly values: readonly string[];
  /** Default, as written in the URL. */
  readonly default: string;
  readonly unit: string;
  readonly label: string;
  readonly description: string;
}

/** A widget's table: its name, title, embed page and one row per schema entry. */
export interface WidgetTable {
  readonly name: WidgetName;
  readonly title: string;
  /** Path of its embed page in the same language, with default parameters. */
  readonly embedPath: string;
  readonly rows: readonly ParamRow[];
}

/** The table row of one parameter. */
export function paramRow(p: ParamSpec, lang: Lang): ParamRow {
  const t = dict(lang).guide.params;
  const text = (picker: ParamSpec['label'] | undefined): string =>
    picker ? bilingual(picker)[lang] : t.none;
  const values =
    p.type === 'number'
      ? [fill(t.range, { min: p.min, max: p.max, step: p.step })]
      : p.type === 'enum'
        ? p.options.map((o) => {
            const label = p.optionLabels?.[o];
            return label ? fill(t.option, { value: o, label: text(label) }) : o;
          })
        : [t.booleanValues];
  return {
    key: p.key,
    type: p.type === 'number' ? t.number : p.type === 'enum' ? t.choice : t.boolean,
    values,
    default: formatValue(p, p.default),
    unit: p.type === 'number' ? text(p.unit) : t.none,
    label: text(p.label),
    description: text(p.description),
  };
}

/** The rows of a whole schema, in its order. */
export function paramRows(schema: ParamSchema, lang: Lang): ParamRow[] {
  return schema.map((p) => paramRow(p, lang));
}

/** Every widget's table, in gallery order. */
export function widgetTables(lang: Lang): WidgetTable[] {
  return widgetNames.map((name) => {
    const entry = widgetEntry(name);
    return {
      name,
      title: bilingual(entry.title)[lang],
      embedPath: embedPath(lang, name, ''),
      rows: paramRows(entry.schema, lang),
    };
  });
}

/**
 * The parameters every embed page reads besides its widget's: `theme`, `layout`, `present`,
 * `events` and `embedId` (the page's own keys have no descriptions in the widget: the guide's
 * strings give them).
 */
export function commonRows(lang: Lang): ParamRow[] {
  const t = dict(lang).guide.params;
  const e = dict(lang).widgets.embed;
  const layoutLabels = { full: e.layoutFull, compact: e.layoutCompact, diagram: e.layoutDiagram };
  return [
    paramRow(embedThemeParam, lang),
    {
      ...paramRow(embedLayoutParam, lang),
      values: embedLayoutParam.options.map((o) =>
        fill(t.option, { value: o, label: layoutLabels[o] }),
      ),
      description: t.layout,
    },
    { ...paramRow(embedPresentParam, lang), description: t.present },
    { ...paramRow(embedEventsParam, lang), description: t.events },
    {
      key: EMBED_ID_KEY,
      type: t.text,
      values: [t.none],
      default: t.none,
      unit: t.none,
      label: t.embedIdLabel,
      description: fill(t.embedId, { max: EMBED_ID_MAX }),
    },
  ];
}
