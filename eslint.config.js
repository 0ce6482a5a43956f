// One ESLint setup for the API (src, test, bench) and the admin (admin/src).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import featureBoundaries from './scripts/eslint-feature-boundaries.js';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'dist-bench/**', 'coverage/**', 'data/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    // Features meet only through their events and read doors; the kernel knows no feature.
    files: ['src/**/*.ts'],
    plugins: { local: featureBoundaries },
    rules: {
      // The demo county is still assembled from each feature's commands: unchecked until each feature
      // contributes its own demo part.
      'local/feature-boundaries': ['error', { shared: ['demo'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
