// Lint enforces the layer rules of ARCHITECTURE.md, so a wrong import fails CI instead of
// relying on reviewers: shared is pure, the renderer cannot reach Node, main or the server.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url'];
const layer = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer(
      [
        ...nodeBuiltins,
        'electron',
        'react',
        'react-dom',
        '**/main/**',
        '**/server/**',
        '**/renderer/**',
        '**/preload/**',
      ],
      'src/shared is the pure domain: no Node, Electron, React or other layers.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...layer(
        [...nodeBuiltins, 'electron', '**/main/**', '**/server/**', '**/preload/**'],
        'The renderer talks only to the WorkbenchApi: no Node, Electron, main or server imports.',
      ),
    },
  },
  {
    files: ['src/main/services/**/*.ts', 'src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: layer(
      ['electron', '**/renderer/**', '**/preload/**', '../ipc', '../index', '../window', '../menu'],
      'The core and the browser host never import electron, the renderer or the Electron shell.',
    ),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: layer(
      ['**/main/**', '**/server/**', '**/renderer/**', ...nodeBuiltins],
      'The preload only bridges the API table to ipcRenderer.',
    ),
  },
);
