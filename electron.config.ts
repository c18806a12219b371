/**
 * electron-vite configuration: builds the main process (Electron entry, browser host and staff
 * CLI share one bundle of the core), the sandboxed preload, and the Svelte renderer.
 * `npm run build` runs `electron-vite build -c electron.config.ts`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;
/** The renderer's one way to the contract (tsconfig.base.json `paths` and vitest.config.ts say the same). */
const contractAlias = { '@contract': resolve(root, 'src-main/contract') };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Native and heavy modules stay in node_modules (better-sqlite3 must be rebuilt per runtime).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          main: resolve(root, 'src-main/electron/main.ts'),
          'browser-host': resolve(root, 'src-main/http/browser-host.ts'),
          cli: resolve(root, 'src-main/cli/vitrine.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules or node_modules: one self-contained CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: { alias: contractAlias },
    base: './',
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // Fonts and icons are bundled as files, never inlined from or fetched at a CDN.
      assetsInlineLimit: 0,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          // Script-free page shown by src-main/electron/recovery.ts while the app rests.
          fallback: resolve(root, 'src-renderer/fallback.html'),
        },
      },
    },
  },
});
