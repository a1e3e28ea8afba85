import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'http',
  'https',
  'url',
  'util',
  'stream',
  'worker_threads',
  'module',
  'process',
  'buffer',
  'events',
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
    },
  },
  {
    files: [
      '**/*.{js,mjs,cjs}',
      'electron/**',
      'cli/**',
      'scripts/**',
      'devtools/**',
      'tests/**',
      'bench/**',
      'bin/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  // The process boundary, enforced: core runs under plain Node (CLI, tests) ...
  {
    files: ['electron/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core must run without Electron (CLI, tests): pass what you need in.' }],
        },
      ],
    },
  },
  // ... and the renderer talks to main only through the bridge.
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through window.authenticator.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node in the renderer.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node in the renderer.' },
            // gitignore semantics: a file under an excluded folder cannot be re-included, so re-include otp/ first.
            {
              group: [
                '**/electron/core/**',
                '!**/electron/core/otp/',
                '!**/electron/core/otp/types',
                '!**/electron/core/errors',
                '!**/electron/core/fold-text',
              ],
              message: 'Only types, errors and the pure fold-text helper cross into the renderer.',
            },
          ],
        },
      ],
    },
  },
);
