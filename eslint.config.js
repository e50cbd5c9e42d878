// Lint rules that hold the layering of DESIGN.md: only a few files may import 'electron',
// and the renderer may import neither electron nor Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises',
  'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream',
  'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'bench-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: "Only electron/main.ts, preload.ts, ipc.ts and the Electron halves in electron/shell/ (electron.ts, vault/) may import 'electron'." }] },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'electron/shell/*/electron.ts', 'electron/shell/vault/**', 'test/fakes/**', 'test/electron-*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The extension runs in the browser only: no Node, no electron/, only shared/ and chrome.*.
    files: ['extension/**', 'test/e2e/helpdesk/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'The extension never touches Node.' })),
          patterns: [
            { group: ['node:*'], message: 'The extension never touches Node.' },
            { group: ['**/electron/**'], message: 'The extension imports only shared/, never electron/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through window.rpd (renderer/api.ts).' },
            ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer never touches Node.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer never touches Node.' },
            { group: ['**/electron/**', '../electron/*'], message: 'The renderer imports only shared/, never electron/.' },
          ],
        },
      ],
    },
  },
);
