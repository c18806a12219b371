#!/usr/bin/env node
/**
 * Takes the README's screenshots of a running kiosk (Chromium at /usr/bin/chromium or $CHROMIUM_PATH):
 *   node out/main/browser-host.js --port 4397 --no-browser --data "$(mktemp -d)" &
 *   node scripts/screenshot.mjs http://127.0.0.1:4397/ docs/
 */
import { CHROMIUM_ARGS } from '../tests/harness/chromium.mjs';
import { chromium } from '@playwright/test';

const [url = 'http://127.0.0.1:4397/', outDir = 'docs/', width = '1920', height = '1080'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) }, hasTouch: true });
const shot = async (name) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600); // let the screen's entrance transition finish
  await page.screenshot({ path: `${outDir}${name}.png` });
};
await page.goto(url);
await page.locator('main[data-screen="attract"]').waitFor();
await shot('shot-attract');
await page.getByRole('button', { name: 'Touch to begin' }).tap();
await page.locator('main[data-screen="home"]').waitFor();
await shot('shot-home');
await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
await page.locator('main[data-screen="section"]').waitFor();
await shot('shot-section');
await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
await page.locator('main[data-screen="topic"]').waitFor();
await shot('screenshot');
await page.getByRole('button', { name: 'Open Testimony of Wendell Wilkie' }).count();
await page.getByRole('button', { name: 'Open Stalin at Potsdam' }).tap();
await page.locator('main[data-screen="artifact"]').waitFor();
await shot('shot-artifact');
await browser.close();
