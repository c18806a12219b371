/**
 * `npm run screens`: a picture of every visitor screen and overlay (support/screens.ts), in both
 * orientations, every accessibility mode and both languages, written to screens/ (not committed)
 * with an index.html that shows them all on one page, so a person can look at every screen in a
 * minute (docs/verify.md: the eye finds in a minute what a hundred assertions miss).
 *
 * The modes are switched in the page as a visitor switches them, on the screen already open, the
 * same way the accessibility and layout spec does: a fault that appears only when a mode is turned
 * on over a screen (reach mode over a zoomed object) is pictured as a visitor meets it.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from '../e2e/support/test';
import { Kiosk, MODES, type Locale } from '../e2e/support/a11y-kiosk';
import { hostFor, LANDSCAPE, PORTRAIT, SCREENS, startScreenHosts, type ScreenHosts } from '../e2e/support/screens';

const OUT = join(import.meta.dirname, '../../screens');

let hosts: ScreenHosts;
const shots: { screen: string; orientation: string; locale: Locale; mode: string; file: string }[] = [];

test.describe.configure({ timeout: 600_000 });

test.beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  hosts = await startScreenHosts();
});

test.afterAll(async () => {
  await hosts?.stop();
  await writeFile(join(OUT, 'index.html'), contactSheet());
  console.log(`${shots.length} pictures: ${join(OUT, 'index.html')}`);
});

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

for (const screen of SCREENS) {
  test(screen.name, async ({ page }) => {
    await page.clock.install();
    const k = new Kiosk(page, hostFor(hosts, screen));
    await screen.open(k);
    for (const [orientation, size] of [['landscape', LANDSCAPE], ['portrait', PORTRAIT]] as const) {
      if (orientation === 'portrait') {
        await page.setViewportSize(size);
        await screen.portrait?.(k);
      }
      for (const locale of screen.languages ?? (['en', 'ru'] as const)) {
        if (!screen.panelStaysOpen) await k.language(locale);
        for (const mode of MODES) {
          await k.modeInPage(mode, screen.panelStaysOpen);
          await screen.arrange?.(k);
          await screen.overlay?.show(k);
          await k.settle();
          const file = `${slug(screen.name)}--${orientation}--${locale}--${slug(mode.name)}.png`;
          await page.screenshot({ path: join(OUT, file) });
          shots.push({ screen: screen.name, orientation, locale, mode: mode.name, file });
          await screen.overlay?.hide(k);
        }
      }
    }
  });
}

/** One page with every picture, a row per screen and orientation, small enough to scan. */
function contactSheet(): string {
  const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = new Map<string, typeof shots>();
  for (const shot of shots) {
    const key = `${shot.screen} · ${shot.orientation}`;
    rows.set(key, [...(rows.get(key) ?? []), shot]);
  }
  const sections = [...rows].map(
    ([title, row]) =>
      `<h2>${escape(title)}</h2><div class="row">${row
        .map((s) => `<figure><a href="${s.file}"><img src="${s.file}" loading="lazy" alt=""></a><figcaption>${s.locale} · ${escape(s.mode)}</figcaption></figure>`)
        .join('')}</div>`,
  );
  return `<!doctype html><meta charset="utf-8"><title>Vitrine: every screen</title>
<style>body{font:14px system-ui;margin:1rem;background:#222;color:#eee}.row{display:flex;flex-wrap:wrap;gap:.5rem}figure{margin:0}img{height:180px;border:1px solid #555}figcaption{font-size:12px}h2{font-size:16px;margin:1.5rem 0 .5rem}</style>
<h1>Vitrine: ${shots.length} pictures</h1>${sections.join('\n')}`;
}
