/**
 * The parameters' values in one line, for collapsed parameters (`ParamControls`): each input's
 * label and value as the inputs show them ("Round-trip time 100 ms"), the options by their
 * labels, a checkbox as on or off, joined by " · ". A schema of more than `SUMMARY_ALL`
 * parameters (the Playground's) lists only the values that differ from their defaults, then how
 * many others are at theirs. Parameters of a group that does not apply are left out, as the
 * inputs hide them.
 */
import { fill } from '../../i18n/fill';
import type { WidgetStrings } from '../../i18n/ui';
import { formatFixed } from '../views/number-format';
import type { ParamSchema } from './params';

/** Most parameters a summary lists whatever their values. */
export const SUMMARY_ALL = 8;

/** The line of values of the parameters in use, in schema order. */
export function paramSummary(
  schema: ParamSchema,
  values: Readonly<Record<string, unknown>>,
  t: WidgetStrings,
): string {
  const out: string[] = [];
  let others = 0;
  for (const p of schema) {
    if (p.group?.applies && !p.group.applies(values)) continue;
    const v = values[p.key];
    if (schema.length > SUMMARY_ALL && v === p.default) {
      others++;
      continue;
    }
    let shown: string;
    if (p.type === 'number') {
      shown = formatFixed(Number(v), 3) + (p.unit ? ` ${p.unit(t)}` : '');
    } else if (p.type === 'enum') {
      shown = p.optionLabels?.[String(v)]?.(t) ?? String(v);
    } else shown = v ? t.paramsOn : t.paramsOff;
    out.push(`${p.label(t)} ${shown}`);
  }
  if (others > 0)
    out.push(fill(out.length > 0 ? t.paramsOthers : t.paramsAllDefault, { n: others }));
  return out.join(' · ');
}
