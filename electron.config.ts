/**
 * electron-vite configuration: builds the main process (Electron entry, browser host and staff
 * CLI share one bundle of the core), the sandboxed preload, and the Svelte renderer.
 * `npm run build` runs `electron-vite build -c electron.config.ts`.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
/** The renderer's one way to the contract (tsconfig.base.json `paths` and vitest.config.ts say the same). */
const contractAlias = { '@contract': resolve(root, 'src-main/contract') };

/**
 * The faces the attract screen sets its first words in (its title in Source Serif, its buttons in
 * Inter, "Русский" in Inter's Cyrillic), asked for by index.html itself. Otherwise the browser
 * learns it needs them only once the app has rendered the attract screen, and its first
 * contentful paint waited for their download: cold start median 795 ms against the static page's
 * 602 (issue 18), fonts arriving 60-100 ms after the text was ready.
 */
const FIRST_FACES = /^assets\/(inter-latin|inter-cyrillic|source-serif-4-latin)-wght-normal-[\w-]+\.woff2$/;

function preloadFirstFaces(): Plugin {
  return {
    name: 'vitrine-preload-first-faces',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { filename, bundle }) {
        if (!bundle || !filename.endsWith('index.html')) return;
        const faces = Object.keys(bundle).filter((file) => FIRST_FACES.test(file));
        if (faces.length !== 3) throw new Error(`Expected the attract screen's 3 font files in the bundle, found: ${faces.join(', ') || 'none'}.`);
        return faces.map((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `./${file}`, crossorigin: '' },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}

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
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') }), preloadFirstFaces()],
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
