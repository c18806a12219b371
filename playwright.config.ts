/**
 * End-to-end tests: the built renderer and core behind the browser host, in Debian's Chromium
 * (Playwright cannot download its own browser here). `npm run build` must have run first.
 * Under an Electron driver (`npm run test:electron`), the specs start Electron kiosks through
 * tests/harness/kiosk.mjs instead, and no browser host is needed.
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/harness/chromium.mjs';
import { currentDriver } from './tests/harness/kiosk.mjs';

const PORT = Number(process.env.VITRINE_E2E_PORT ?? 4395);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    hasTouch: true,
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The kiosk's own switches, and those that keep Chromium off a closed network.
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], hasTouch: true, viewport: { width: 1920, height: 1080 } } }],
  webServer: currentDriver() !== 'browser' ? undefined : {
    // A fresh data folder each run, so the first start imports the built-in exhibit as on a new kiosk.
    command: `node out/main/browser-host.js --port ${PORT} --no-browser --data "$(mktemp -d -t vitrine-e2e-XXXXXX)"`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
