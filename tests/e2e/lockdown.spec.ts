/**
 * The renderer's lockdown in a real Chromium: what a curious visitor (or a stray mouse and
 * keyboard) tries on a kiosk changes nothing on screen. Long-press and right-click menus, text
 * selection, dragging, zoom and the browser's shortcuts. Against the global webServer.
 */
import { expect, test, type CDPSession, type Page, scrollIntoReach, screenOf } from './support/test';

/** What a visitor would notice: the screen, its title, where it is scrolled, the address, a selection. */
function screenState(page: Page) {
  return page.evaluate(() => ({
    screen: document.querySelector('main[data-screen]')?.getAttribute('data-screen'),
    title: document.querySelector('main[data-screen] h1')?.textContent,
    scrollY: Math.round(window.scrollY),
    url: location.href,
    selection: getSelection()?.toString() ?? '',
    overlays: document.querySelectorAll('[role="dialog"], [role="alertdialog"]').length,
  }));
}

/** Records, after the kiosk's own guards have run, whether each event of these types was refused. */
async function recordRefusals(page: Page, types: string[]): Promise<void> {
  await page.evaluate((list) => {
    const log: { type: string; refused: boolean; key?: string }[] = [];
    (window as unknown as { refusals: typeof log }).refusals = log;
    for (const type of list) {
      // Bubble phase on window, added after the guards: runs after them.
      window.addEventListener(type, (event) => log.push({ type, refused: event.defaultPrevented, ...(event instanceof KeyboardEvent ? { key: event.key } : {}) }));
    }
  }, types);
}

const refusals = (page: Page) => page.evaluate(() => (window as unknown as { refusals: { type: string; refused: boolean; key?: string }[] }).refusals);

/** Opens an essay with text and an object card on screen, ready for mischief. */
async function openEssay(page: Page): Promise<void> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Touch to begin' }).tap();
  await page.getByRole('button', { name: /^The Soviet Union and the United States/ }).tap();
  // Further down the section's list of topics: a visitor scrolls to it.
  await scrollIntoReach(page.getByRole('button', { name: /^Postwar Estrangement/ }));
  await page.getByRole('button', { name: /^Postwar Estrangement/ }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Postwar Estrangement');
  await expect(screenOf(page, 'topic').locator('img').first()).toBeVisible();
  // Every picture loaded and decoded before the first screenshot: on a busy machine a card's
  // image could still be arriving, and the "after" picture would differ by it alone.
  await screenOf(page, 'topic').locator('img').evaluateAll((images) => Promise.all((images as HTMLImageElement[]).map((img) => img.decode().catch(() => undefined))));
}

async function longPress(cdp: CDPSession, x: number, y: number): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  // The gesture itself: a finger held still for 1.5 s (Chromium's long press is about 0.5 s).
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator(selector).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const screenshot = (page: Page) => page.screenshot({ animations: 'disabled', caret: 'hide' });

/** Pixel-identical, compared as bytes (a deep-equality diff of two PNGs would take minutes to print). */
async function expectSamePicture(before: Buffer, after: Buffer): Promise<void> {
  if (!before.equals(after)) {
    await test.info().attach('before', { body: before, contentType: 'image/png' });
    await test.info().attach('after', { body: after, contentType: 'image/png' });
  }
  expect(before.equals(after), 'the screen looks the same as before (see attachments)').toBe(true);
}

test('right-click and long-press open no menu and change nothing', async ({ page }) => {
  await openEssay(page);
  await recordRefusals(page, ['contextmenu']);
  const before = await screenState(page);
  const picture = await screenshot(page);

  const paragraph = await centreOf(page, 'main[data-screen="topic"] article p');
  const card = await centreOf(page, 'main[data-screen="topic"] article button img');
  await page.mouse.click(paragraph.x, paragraph.y, { button: 'right' });
  await page.mouse.click(card.x, card.y, { button: 'right' });
  const cdp = await page.context().newCDPSession(page);
  await longPress(cdp, paragraph.x, paragraph.y);
  await longPress(cdp, card.x, card.y);

  const menus = await refusals(page);
  expect(menus.length, 'context menus asked for').toBeGreaterThanOrEqual(2);
  expect(menus.every((m) => m.refused), 'every context menu refused').toBe(true);
  expect(await screenState(page)).toEqual(before);
  // The pressed look (:active) is feedback that the finger is down; Chromium lifts it a moment
  // after the touch ends. Wait for that, then nothing may differ.
  await page.waitForFunction(() => document.querySelectorAll(':active').length === 0);
  await expectSamePicture(picture, await screenshot(page));
});

test('a mouse drag selects no text and drags no picture out', async ({ page }) => {
  await openEssay(page);
  await recordRefusals(page, ['dragstart', 'selectstart']);
  const before = await screenState(page);

  const paragraphs = page.locator('main[data-screen="topic"] article p');
  const from = (await paragraphs.nth(0).boundingBox())!;
  const to = (await paragraphs.nth(1).boundingBox())!;
  await page.mouse.move(from.x + 5, from.y + 5);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width - 5, to.y + to.height - 5, { steps: 12 });
  await page.mouse.up();
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('');
  // A double click would select a word in a web page; not here.
  await page.mouse.dblclick(from.x + 40, from.y + 10);
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('');

  // The object's picture, dragged as if to take it away.
  const card = await centreOf(page, 'main[data-screen="topic"] article button img');
  await page.mouse.move(card.x, card.y);
  await page.mouse.down();
  await page.mouse.move(card.x + 300, card.y + 200, { steps: 12 });
  await page.mouse.up();

  expect((await refusals(page)).every((r) => r.refused), 'every selection and drag refused').toBe(true);
  expect(await screenState(page)).toEqual(before);
});

test('a file dropped on the window is refused, never opened', async ({ page }) => {
  await openEssay(page);
  const before = await screenState(page);
  const refused = await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['<h1>elsewhere</h1>'], 'elsewhere.html', { type: 'text/html' }));
    const target = document.querySelector('main[data-screen] article')!;
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
    const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data });
    target.dispatchEvent(over);
    target.dispatchEvent(drop);
    return over.defaultPrevented && drop.defaultPrevented;
  });
  expect(refused).toBe(true);
  expect(await screenState(page)).toEqual(before);
});

test('ctrl+wheel, ctrl+plus and a pinch do not zoom the kiosk', async ({ page }) => {
  await openEssay(page);
  const zoom = () =>
    page.evaluate(() => ({ scale: visualViewport?.scale, dpr: devicePixelRatio, width: document.documentElement.clientWidth, inner: innerWidth }));
  const before = await zoom();
  await recordRefusals(page, ['wheel', 'keydown']);

  await page.mouse.move(960, 540);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -600);
  await page.mouse.wheel(0, -600);
  await page.keyboard.up('Control');
  for (const keys of ['Control+Equal', 'Control+Shift+Equal', 'Control+NumpadAdd', 'Control+Minus', 'Control+0']) await page.keyboard.press(keys);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.synthesizePinchGesture', { x: 960, y: 540, scaleFactor: 2.5, gestureSourceType: 'touch' });

  const seen = await refusals(page);
  expect(seen.filter((r) => r.type === 'wheel').length).toBeGreaterThan(0);
  expect(seen.filter((r) => r.type === 'keydown' && r.key !== 'Control' && r.key !== 'Shift').length).toBe(5);
  expect(seen.filter((r) => r.key !== 'Control' && r.key !== 'Shift').every((r) => r.refused), 'every zoom refused').toBe(true);
  expect(await zoom()).toEqual(before);
});

test('F5 and ctrl+R do not reload; print, find, devtools and history keys are refused', async ({ page }) => {
  await openEssay(page);
  const before = await screenState(page);
  const picture = await screenshot(page);
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  const origin = await page.evaluate(() => performance.timeOrigin);
  await recordRefusals(page, ['keydown']);

  const shortcuts = ['F5', 'Control+KeyR', 'Control+Shift+KeyR', 'Control+KeyP', 'Control+KeyF', 'Control+KeyS', 'Control+KeyU', 'Control+Shift+KeyI', 'F12', 'F11', 'Alt+ArrowLeft', 'Backspace'];
  for (const keys of shortcuts) await page.keyboard.press(keys);

  const pressed = (await refusals(page)).filter((r) => !['Control', 'Shift', 'Alt'].includes(r.key ?? ''));
  expect(pressed.map((r) => r.key)).toHaveLength(shortcuts.length);
  expect(pressed.filter((r) => !r.refused).map((r) => r.key), 'shortcuts that got through').toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(origin);
  expect(await screenState(page)).toEqual(before);
  await expectSamePicture(picture, await screenshot(page));
});

test('the pointer is hidden on a touch kiosk (showCursor is off by default)', async ({ page }) => {
  await openEssay(page);
  const cursors = await page.evaluate(() =>
    ['html', 'body', 'main[data-screen] h1', 'button'].map((selector) => getComputedStyle(document.querySelector(selector)!).cursor),
  );
  expect(cursors).toEqual(['none', 'none', 'none', 'none']);
});
