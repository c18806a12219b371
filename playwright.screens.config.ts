/**
 * `npm run screens`: pictures of every screen (tests/screens/screens.spec.ts), in Debian's
 * Chromium, each kiosk on a host of its own. Not part of `npm test`: it is for looking.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'tests/screens',
  webServer: undefined,
  timeout: 600_000,
});
