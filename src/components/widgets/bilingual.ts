/**
 * Build-time only (never imported by a widget): a schema label in both languages, for pages
 * that show both, such as the instructors' guide, and for tests that every label exists twice.
 */
import { widgets as en } from '../../i18n/en/widgets';
import { widgets as zh } from '../../i18n/zh/widgets';
import type { UiText } from '../controls/params';

/** A label in English and Chinese. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** Resolves a schema label in both languages: `bilingual(schema[0].label)`. */
export function bilingual(text: UiText): Bilingual {
  return { en: text(en), zh: text(zh) };
}
