import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      '.budget/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    // The simulation must stay deterministic and free of UI code.
    files: ['src/sim/**/*.ts'],
    ignores: ['src/sim/cli.ts', 'src/sim/bench.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG (src/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'The simulation runs on virtual time.' },
        { object: 'performance', property: 'now', message: 'The simulation runs on virtual time.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: ['svelte', 'svelte/*', 'd3-*', 'astro', 'astro:*', 'node:*'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'No wall clock in the simulation.',
        },
      ],
    },
  },
);
