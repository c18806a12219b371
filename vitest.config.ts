import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { availableParallelism } from 'node:os';
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
    // Vitest's default is one worker fewer than the cores: one alone on a 2-core machine. Many files
    // wait on a child process (the CLI, a killed import), so two keep both cores busy (measured on
    // 2 cores: the whole run 368 s with one worker, 252 s with two).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The component tests run on the real core: their global setup builds its data once per run.
      { extends: true, test: { name: 'component', include: ['tests/component/**/*.test.ts'], globalSetup: ['tests/component/global-setup.ts'] } },
    ],
  },
});
