/**
 * Every visitor screen and overlay, and how a visitor arrives at it: the matrix that the
 * accessibility and layout spec checks (tests/e2e/accessibility.spec.ts) and that `npm run screens`
 * photographs (tests/screens/screens.spec.ts). A new screen is one line here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { IDLE_SECONDS, type Kiosk, type Locale } from './a11y-kiosk';
import { startHost, type RunningHost } from './host';
import { importTranslatedPackage, TRANSLATED } from './package';
import { FILM_PATH, importRecordingPackage } from './recordings';
import { scrollIntoReach } from './test';

export const SECTION = 'The Soviet Union and the United States';
export const TOPIC = 'Postwar Estrangement';
export const OBJECT = 'Open Telegram to President Truman';
/** The built-in exhibit's one object with two pages (obj4). */
export const TWO_PAGES = 'Open Testimony of Wendell Wilkie';
export const TWO_PAGES_TOPIC = 'Alliance';

export interface ScreenCase {
  name: string;
  /** From a fresh page, in English and the default modes: arrive at the screen. */
  open: (k: Kiosk) => Promise<void>;
  /** An overlay is shown after the mode is set (the page under it is inert) and hidden after. */
  overlay?: { show: (k: Kiosk) => Promise<void>; hide: (k: Kiosk) => Promise<void> };
  /** The attract screen: its settings are made in the panel, which stays open over it. */
  panelStaysOpen?: boolean;
  /** The languages it can be seen in (attract: the package's; a tap on a language begins). */
  languages?: readonly Locale[];
  /** The kiosk with a translated package (the built-in exhibit has no translations). */
  translated?: boolean;
  /** The kiosk with films and sound (support/recordings.ts; the built-in exhibit has none). */
  recordings?: boolean;
  /** After turning to portrait: what a visitor does there to see the same screen. */
  portrait?: (k: Kiosk) => Promise<void>;
  /**
   * After each mode is set: what a visitor does to see the same part of a scrolled screen again
   * (larger text moves what lies above it, and the bar grows over it).
   */
  arrange?: (k: Kiosk) => Promise<void>;
}

const toObject = (k: Kiosk) => k.start().then(() => k.walk([SECTION, TOPIC, OBJECT], 'artifact'));
const toFilm = (k: Kiosk) => k.start().then(() => k.walk([...FILM_PATH], 'artifact'));

/**
 * The film's player as a visitor sets it (issue 20): the sign-language interpreter on, and a tap
 * on the scrubber a quarter of the way along (1 s, within the first cue).
 */
async function setPlayer(k: Kiosk): Promise<void> {
  const sign = k.page.locator('[data-action="sign-language"]');
  await scrollIntoReach(sign);
  if ((await sign.getAttribute('aria-pressed')) !== 'true') await sign.tap();
  const scrubber = k.page.getByTestId('scrubber');
  await scrollIntoReach(scrubber);
  const box = (await scrubber.boundingBox())!;
  await scrubber.tap({ position: { x: 16 + 0.25 * (box.width - 32), y: box.height / 2 } });
  await expect(k.page.getByTestId('caption-cue')).toBeVisible();
}

/**
 * The visitor scrolls the film's picture up to the top of the screen (under the bar where the bar
 * stands at the top): the picture whole, with its caption and interpreter, and what lies above
 * it (the image's controls, the words column's Save) scrolled away rather than half under the bar.
 */
const toPicture = (k: Kiosk) =>
  k.page.evaluate(() => {
    const frame = document.querySelector('[data-testid="recording"] .frame')!.getBoundingClientRect();
    const bar = document.querySelector('header')!.getBoundingClientRect();
    const top = bar.top < innerHeight / 2 ? bar.bottom : 0;
    window.scrollBy({ top: frame.top - top - 16, behavior: 'instant' });
  });

export const SCREENS: ScreenCase[] = [
  { name: 'attract', open: (k) => k.start(false), panelStaysOpen: true, languages: ['en'] },
  { name: 'home', open: (k) => k.start() },
  { name: 'section', open: (k) => k.start().then(() => k.walk([SECTION], 'section')) },
  { name: 'topic', open: (k) => k.start().then(() => k.walk([SECTION, TOPIC], 'topic')) },
  { name: 'topic, scrolled to its end', open: (k) => k.start().then(() => k.walk([SECTION, TOPIC], 'topic')).then(() => k.scrollToEnd()) },
  { name: 'artifact', open: toObject },
  { name: 'artifact with two pages', open: (k) => k.start().then(() => k.walk([SECTION, TWO_PAGES_TOPIC, TWO_PAGES], 'artifact')) },
  { name: 'artifact, translation open', translated: true, open: (k) => k.start().then(() => k.walk(['Letters', 'Grain', `Open ${TRANSLATED.title}`], 'artifact')).then(() => k.tapIfShown('Read the translation')), portrait: (k) => k.tapIfShown('Read the translation') },
  { name: 'my list with saved items', open: (k) => toObject(k).then(() => k.walk(['Save', 'Next object', 'Save', 'My list'], 'my-list')) },
  { name: 'accessibility panel', open: (k) => k.start(), overlay: { show: (k) => k.openPanel(), hide: (k) => k.page.keyboard.press('Escape') } },
  { name: 'idle warning', open: (k) => k.start(), overlay: { show: (k) => k.showIdleWarning(), hide: (k) => k.answerIdleWarning() } },
  { name: 'staff PIN pad', open: (k) => k.start(), overlay: { show: (k) => k.showStaffPinPad(), hide: (k) => k.closeStaff() } },
  { name: 'search with results', open: (k) => k.start().then(() => k.walk(['Search', /^s$/i, /^o$/i, /^v$/i], 'search')).then(() => expect(k.page.getByTestId('search-count')).toBeVisible()) },
  { name: 'timeline', open: (k) => k.start().then(() => k.walk([/^Timeline 1917/], 'timeline')) },
  { name: 'artifact with a film', recordings: true, open: toFilm },
  { name: 'film player: a caption and the sign-language interpreter', recordings: true, open: (k) => toFilm(k).then(() => setPlayer(k)), arrange: toPicture },
  // An object that is a sound recording alone (issue 20): no image, its poster and its player.
  { name: 'sound recording without images', recordings: true, open: (k) => k.start().then(() => k.walk(['First Section', 'Gamma', /^Open Radio address/], 'artifact')) },
];

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** The kiosks the matrix needs: the built-in exhibit, one with a translated package, one with films and sound. */
export interface ScreenHosts {
  host: RunningHost;
  translatedHost: RunningHost;
  recordingsHost: RunningHost;
  stop(): Promise<void>;
}

/** Starts the kiosks, with an idle time long enough that no warning comes unasked. */
export async function startScreenHosts(): Promise<ScreenHosts> {
  const work = await mkdtemp(join(tmpdir(), 'vitrine-screens-'));
  const settings = { idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: 120 };
  const [host, translatedHost, recordingsHost] = await Promise.all([
    startHost(settings),
    startHost(settings, 120_000, (dataDir) => importTranslatedPackage(work, dataDir)),
    startHost(settings, 120_000, (dataDir) => importRecordingPackage(join(work, 'recordings'), dataDir)),
  ]);
  return {
    host,
    translatedHost,
    recordingsHost,
    stop: async () => {
      await Promise.all([host.stop(), translatedHost.stop(), recordingsHost.stop()]);
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** The kiosk a screen is seen on. */
export function hostFor(hosts: ScreenHosts, screen: ScreenCase): RunningHost {
  return screen.recordings ? hosts.recordingsHost : screen.translated ? hosts.translatedHost : hosts.host;
}
