/** Bilingual labels for parameter schemas, taken from both widget dictionaries. */
import { widgets as en } from '../../i18n/en/widgets';
import { widgets as zh } from '../../i18n/zh/widgets';
import type { Bilingual } from '../controls/params';

type Widgets = typeof en;

/** The same widget string in English and Chinese: `bilingual((w) => w.param.rtt)`. */
export function bilingual(pick: (w: Widgets) => string): Bilingual {
  return { en: pick(en), zh: pick(zh) };
}
