import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

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
      'core/**',
      'cli/**',
      'scripts/**',
      'devtools/**',
      'tests/**',
      'bench/**',
      'bin/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  // CommonJS files (bin/authdesk.cjs) load modules the CommonJS way.
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // The process boundary, enforced (see README "Layout"): main -> ipc -> core -> common,
  // renderer -> common, cli -> core -> common.
  //
  // common/ runs in every process (main, renderer, its worker, the CLI): no runtime's
  // APIs, and nothing of ours outside common/. tsconfig.common.json also compiles it
  // without DOM or Node types.
  {
    files: ['common/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'common/ runs in every process: no Electron.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'common/ runs in the renderer too: no Node.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'common/ runs in the renderer too: no Node.' },
            {
              group: [
                '**/electron/**',
                '**/core/**',
                '**/renderer/**',
                '**/cli/**',
                '**/devtools/**',
                '**/tests/**',
                '**/bench/**',
              ],
              message: 'common/ imports nothing of ours outside common/.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'self', 'process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'common/ runs in main, the renderer, its worker and the CLI: pass what you need in.',
        })),
      ],
    },
  },
  // core runs under plain Node (CLI, tests) and knows nothing of IPC.
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'core must run without Electron (CLI, tests): pass what you need in.' }],
          patterns: [
            {
              group: ['**/electron/**', '**/ipc/**', '**/renderer/**', '**/cli/**'],
              message: 'The arrows run main -> ipc -> core -> common: core never imports ipc, handlers or a UI.',
            },
          ],
        },
      ],
    },
  },
  // The CLI sits on core and common, never on the renderer or the Electron side.
  {
    files: ['cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The CLI runs without Electron.' }],
          patterns: [
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'cli -> core -> common: the CLI uses core/ and common/ only.',
            },
          ],
        },
      ],
    },
  },
  // React hooks: the rules of hooks and complete dependency arrays, as errors (React's recommended set).
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: { ...reactHooks.configs.flat.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  // The renderer talks to main only through the bridge, and shares only common/.
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
            {
              group: ['**/electron/**', '**/core/**', '**/cli/**', '**/devtools/**'],
              message:
                'renderer -> common: shared code lives in common/, main is reached through window.authenticator.',
            },
          ],
        },
      ],
    },
  },
  // What the web bridge (devtools/web-bridge) runs of the main side under plain Node:
  // no `electron` there, or the bridge and the app would stop running the same code.
  {
    files: [
      'electron/app-services.ts',
      'electron/app-info.ts',
      'electron/handlers/**',
      'electron/protocol-files.ts',
      'electron/csp.ts',
      'electron/ipc/origin.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The web bridge runs this under plain Node: pass Electron things in.' }],
        },
      ],
    },
  },
);
