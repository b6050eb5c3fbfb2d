import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer reaches services only through the contract API.' },
            { group: ['**/electron/**', '../electron', '../../electron'], message: 'The renderer may import shared/ only.' },
            { group: nodeBuiltins, message: 'The renderer runs in a browser: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', 'react', 'react-dom', 'react/*'], message: 'shared/ is platform-free.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing outside shared/.' },
            { group: nodeBuiltins, message: 'shared/ is platform-free: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Services run in plain Node: import electron only as a type.', allowTypeImports: true }],
          patterns: [
            { group: ['**/electron/main/**', '../main/*', '../../main/*'], message: 'Services never import the Electron main process.' },
            { group: ['**/renderer/**'], message: 'Services never import the renderer.' },
          ],
        },
      ],
    },
  },
);
