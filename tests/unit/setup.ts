/** Registers both languages' UI strings, as `UiStringsScript.astro` does for a page. */
import { languages, uiStringsOf } from '../../src/i18n';
import { provideUiStrings } from '../../src/i18n/ui';

for (const lang of languages) provideUiStrings(lang, uiStringsOf(lang));
