import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { resolve } from 'node:path';

export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  // As electron.config.ts resolves it for the renderer: the renderer's one way to the contract.
  resolve: { alias: { '@contract': resolve(import.meta.dirname, 'src-main/contract') } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The component tests run on the real core: their global setup builds its data once per run.
      { extends: true, test: { name: 'component', include: ['tests/component/**/*.test.ts'], globalSetup: ['tests/component/global-setup.ts'] } },
    ],
  },
});
