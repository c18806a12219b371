/**
 * A visitor's whole journey through the built-in exhibit, by touch, in a real Chromium against
 * the browser host: every topic's text as the seed gives it, every object's images loaded,
 * and not one request outside the app's own origin.
 */
import { browserHostOnly, expect, test, type Page, scrollIntoReach } from './support/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Block { type: 'paragraph' | 'artifact'; text?: string; ref?: string }
interface Topic { id: string; era: string | null; title: string; body: Block[] }
interface Artifact { id: string; title: string; caption: string | null; permanentUrl: string; translationNote: string | null; media: { alt: string }[] }
const source = JSON.parse(readFileSync(join(import.meta.dirname, '../../out/exhibit/manifest.json'), 'utf8'));
const [emptySection, section] = source.exhibit.sections as { title: string; introduction: string[]; topics: Topic[] }[];
const artifacts = new Map<string, Artifact>(source.artifacts.map((a: Artifact) => [a.id, a]));

const screen = (page: Page, name: string) => page.locator(`main[data-screen="${name}"]`);

async function expectImagesLoaded(page: Page, count: number) {
  const images = screen(page, 'artifact').locator('img');
  await expect(images.first()).toBeVisible();
  await expect
    .poll(async () => images.evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.complete && i.naturalWidth > 0).length))
    .toBeGreaterThanOrEqual(count);
}

test('a visitor taps through the whole built-in exhibit', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreign.push(r.url());
  });
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('pageerror', (e) => failed.push(`page error: ${e.message}`));
  page.on('console', (m) => void (m.type() === 'error' && failed.push(`console error: ${m.text()}`)));

  await page.goto('/');
  await expect(screen(page, 'attract')).toBeVisible();
  await page.getByRole('button', { name: 'Touch to begin' }).tap();

  // Home: both sections; the one the seed has no text for is shown, not openable.
  await expect(screen(page, 'home')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(source.exhibit.title);
  await expect(screen(page, 'home')).toContainText(emptySection!.title);
  await expect(screen(page, 'home')).toContainText('Not on this kiosk');
  await expect(page.getByRole('button', { name: new RegExp(`^${emptySection!.title}`) })).toHaveCount(0);
  await page.getByRole('button', { name: new RegExp(`^${section!.title}`) }).tap();

  // Section: its introduction, exactly, then topics grouped by era.
  await expect(screen(page, 'section')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(section!.title);
  await expect(screen(page, 'section').locator('article p')).toHaveText(section!.introduction);
  for (const era of ['Early Cooperation', 'World War II', 'Cold War']) {
    await expect(page.getByRole('heading', { level: 2, name: era })).toBeVisible();
  }
  // Scrolled down, "Back to top" comes; one tap, and the visitor is at the title again.
  const toTop = page.getByRole('button', { name: 'Back to top' });
  await expect(toTop).toBeHidden();
  await page.mouse.move(960, 600);
  await page.mouse.wheel(0, 1200);
  await expect(toTop).toBeVisible();
  await toTop.tap();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(toTop).toBeHidden();

  const seenObjects = new Set<string>();
  for (const topic of section!.topics) {
    await scrollIntoReach(page.getByRole('button', { name: new RegExp(`^${topic.title}`) }).first());
    await page.getByRole('button', { name: new RegExp(`^${topic.title}`) }).first().tap();
    await expect(screen(page, 'topic')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.title);
    if (topic.era) await expect(screen(page, 'topic')).toContainText(topic.era);
    // The essay's paragraphs, exactly as the seed gives them, in order.
    const paragraphs = topic.body.filter((b) => b.type === 'paragraph').map((b) => b.text!);
    await expect(screen(page, 'topic').locator('article p')).toHaveText(paragraphs);
    // Objects placed where the source places them: after the paragraphs that precede them.
    const order = await screen(page, 'topic').locator('article').evaluate((article) =>
      [...article.querySelectorAll('p, button')].map((el) => (el.tagName === 'P' ? 'p' : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim())),
    );
    const expectedOrder = topic.body.map((b) => (b.type === 'paragraph' ? 'p' : `Open ${artifacts.get(b.ref!)!.title}`));
    // A card's name starts "Open {title}" and goes on with the other words it shows (stand-in, action).
    const seen = order.filter((o) => o === 'p' || o.startsWith('Open '));
    expect(seen.map((o, i) => (o.startsWith(expectedOrder[i]!) ? expectedOrder[i] : o))).toEqual(expectedOrder);

    for (const block of topic.body.filter((b) => b.type === 'artifact')) {
      const artifact = artifacts.get(block.ref!)!;
      // Down the essay to the object, as a reader scrolls.
      await scrollIntoReach(page.getByRole('button', { name: `Open ${artifact.title}` }));
      await page.getByRole('button', { name: `Open ${artifact.title}` }).tap();
      await expect(screen(page, 'artifact')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(artifact.title);
      await expectImagesLoaded(page, 1);
      await expect(screen(page, 'artifact')).toContainText('Stand-in image');
      if (artifact.caption) await expect(screen(page, 'artifact')).toContainText(artifact.caption);
      await expect(page.getByTestId('permanent-url')).toContainText(artifact.permanentUrl.replace(/^https:\/\//, ''));
      await expect(page.getByRole('img', { name: `QR code for ${artifact.permanentUrl}` })).toBeVisible();
      // No translation in this package: a plain notice, never an empty panel.
      await expect(page.getByRole('region', { name: 'Translation' })).toContainText(/no translation|not included/i);
      if (artifact.media.length > 1) {
        await page.getByRole('button', { name: 'Page 2' }).tap();
        await expect(screen(page, 'artifact').locator('img[alt="' + artifact.media[1]!.alt + '"]')).toBeVisible();
        await expectImagesLoaded(page, 1);
      }
      seenObjects.add(artifact.id);
      await page.getByRole('button', { name: 'Back', exact: true }).tap();
      await expect(screen(page, 'topic')).toBeVisible();
      // Back where they were in the essay: the object they opened is still in view.
      await expect(page.getByRole('button', { name: `Open ${artifact.title}` })).toBeInViewport();
    }
    await page.getByRole('button', { name: 'Back', exact: true }).tap();
    await expect(screen(page, 'section')).toBeVisible();
  }
  expect([...seenObjects].sort()).toEqual([...artifacts.keys()].sort());

  // Home from deep inside, in one tap.
  await scrollIntoReach(page.getByRole('button', { name: /^Cold War|^Cuban Missile Crisis/ }).last());
  await page.getByRole('button', { name: /^Cold War|^Cuban Missile Crisis/ }).last().tap();
  await scrollIntoReach(page.getByRole('button', { name: `Open ${artifacts.get('obj9')!.title}` }));
  await page.getByRole('button', { name: `Open ${artifacts.get('obj9')!.title}` }).tap();
  await page.getByRole('button', { name: 'Home' }).tap();
  await expect(screen(page, 'home')).toBeVisible();

  expect(foreign, 'requests outside the app origin').toEqual([]);
  expect(failed, 'failed requests or page errors').toEqual([]);
});

test('the API refuses foreign origins and bad arguments', async ({ request }) => {
  browserHostOnly('the HTTP binding\'s checks (the IPC binding\'s are unit-tested in tests/unit/electron)');
  const bad = await request.post('/api/getTopic', { data: { id: '../../etc/passwd' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/argument "id"/);
  const foreign = await request.post('/api/getExhibit', { data: {}, headers: { Origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
});
