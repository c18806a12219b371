/**
 * Lint, and the walls of the house (README, "Map of the code") as import rules the toolchain
 * enforces: a path tells where code runs, and nothing reaches across a wall. `npm run lint`,
 * run by `npm test`. The rules see `import`, `export ... from` and `import()` alike.
 *
 * A rule switched off for some files says why, here, beside it; none is switched off in a file.
 */
import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

/** Node's own modules, however spelled. */
const NODE = { regex: '^(node:.*|fs|fs/promises|path|os|child_process|crypto|http|net|url|stream|worker_threads)$', message: 'Node modules run in the main process only.' };
/** Packages of the main process (native, or too heavy for a page). */
const MAIN_PACKAGES = { regex: '^(better-sqlite3|sharp|yauzl|yazl|yaml|qrcode)$', message: 'This package belongs to the main process: ask the core through the contract.' };

/**
 * One wall: files matching `files` may not import what `patterns` name. `allowTypeImports`
 * lets `import type` through (types cost nothing at run time and carry the contract's shapes).
 */
function wall(name, files, patterns, paths = []) {
  return {
    name: `vitrine/wall/${name}`,
    files,
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
      // The import rule does not look inside `import('...')`: the same walls, for loading later.
      'no-restricted-syntax': ['error', ...dynamicImports(patterns, paths)],
    },
  };
}

/** Selectors refusing `import('x')` where `x` is what the wall's patterns or paths name. */
function dynamicImports(patterns, paths) {
  const regexes = [...patterns.map((p) => p.regex), ...paths.map((p) => `^${p.name}$`)];
  return regexes.map((regex, i) => ({
    selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\/')}/]`,
    message: (patterns[i] ?? paths[i - patterns.length]).message,
  }));
}

const ELECTRON = { name: 'electron', message: 'Only src-main/electron/main.ts and the preload load electron; the rest take its objects as parameters.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'screens/**', 'assets/exhibit/media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    name: 'vitrine/node',
    files: ['**/*.{js,mjs,ts}'],
    ignores: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'vitrine/renderer',
    files: ['src-renderer/**/*.{ts,svelte}', 'tests/component/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // e2e specs and benchmarks hand functions to the page (page.evaluate): they run in the browser.
    name: 'vitrine/page-functions',
    files: ['tests/e2e/**/*.{ts,mjs}', 'tests/screens/**/*.ts', 'bench/**/*.mjs', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    name: 'vitrine/svelte',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    name: 'vitrine/style',
    rules: {
      // `_`-prefixed names are kept on purpose (a callback's unused first parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    name: 'vitrine/prefer-const',
    files: ['**/*.{js,mjs,ts}'],
    // A `let` read by a closure before its one assignment (two objects that need each other) stays
    // a `let`. (Svelte files keep the plugin's own rule, which knows `let { ... } = $props()`.)
    rules: { 'prefer-const': ['error', { ignoreReadBeforeAssign: true }] },
  },
  {
    name: 'vitrine/tests',
    files: ['tests/**'],
    rules: {
      // Tests hand the core malformed input on purpose (`{ ...manifest, title: 42 } as any`).
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },

  // The walls.
  wall('renderer', ['src-renderer/**'], [
    { regex: 'src-main', message: 'The renderer reaches the main process through the contract only: import from @contract/.' },
    { regex: '^@contract/(?!methods$)', allowTypeImports: true, message: 'The renderer imports the contract\'s types (import type), and at run time only the dependency-free @contract/methods.' },
    { ...NODE, message: 'The renderer knows no Node: it runs in a sandboxed page.' },
    MAIN_PACKAGES,
  ], [{ ...ELECTRON, message: 'The renderer knows no Electron: the preload hands it the contract\'s verbs.' }]),
  wall('contract', ['src-main/contract/**'], [
    { regex: '^\\.\\./', message: 'The contract imports nothing of ours but itself.' },
    { ...NODE, message: 'The contract runs in the sandboxed preload and the page too: no Node.' },
    MAIN_PACKAGES,
  ], [ELECTRON]),
  wall('verb-list', ['src-main/contract/methods.ts'], [{ regex: '.', message: 'The verb list is loaded by the sandboxed preload and the page: it imports nothing.' }]),
  wall('core', ['src-main/core/**'], [
    { regex: '(^|/)(electron|http|cli)(/|$)', message: 'The core is host-independent: it knows nothing of Electron, HTTP or the CLI.' },
  ], [ELECTRON]),
  wall('http', ['src-main/http/**'], [
    { regex: '(^|/)(electron|cli)/', message: 'The browser host and the Electron glue do not import each other.' },
  ], [ELECTRON]),
  // The kiosk binary also answers `--cli` (cli-mode.ts), so the Electron glue may start the command line.
  wall('electron', ['src-main/electron/**'], [
    { regex: '(^|/)http/', message: 'The Electron glue and the browser host do not import each other.' },
    // Only main.ts loads electron at run time; the others may name its types.
    { regex: '^electron$', allowTypeImports: true, message: ELECTRON.message },
  ]),
  {
    name: 'vitrine/wall/electron-main',
    files: ['src-main/electron/main.ts'],
    // main.ts is where Electron's objects are made and handed down (README, "Map of the code").
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)http/', message: 'The Electron glue and the browser host do not import each other.' }] }] },
  },
  wall('cli', ['src-main/cli/**'], [{ regex: '(^|/)electron/', message: 'The command line runs without Electron.' }], [ELECTRON]),
);
