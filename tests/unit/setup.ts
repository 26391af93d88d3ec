/**
 * Registers both languages' UI strings, as `UiStringsScript.astro` does for a page, and fixes
 * the seed of the property tests.
 */
import fc from 'fast-check';
import { languages, uiStringsOf } from '../../src/i18n';
import { provideUiStrings } from '../../src/i18n/ui';

for (const lang of languages) provideUiStrings(lang, uiStringsOf(lang));

// Property tests draw from one fixed seed, so a run is reproducible and CI cannot fail by
// chance; set FC_SEED to explore other draws (a failure prints its seed and counterexample).
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 20261122) });
