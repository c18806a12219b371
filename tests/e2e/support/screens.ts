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
  /** After turning to portrait: what a visitor does there to see the same screen. */
  portrait?: (k: Kiosk) => Promise<void>;
}

const toObject = (k: Kiosk) => k.start().then(() => k.walk([SECTION, TOPIC, OBJECT], 'artifact'));

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
];

export const LANDSCAPE = { width: 1920, height: 1080 };
export const PORTRAIT = { width: 1080, height: 1920 };

/** The two kiosks the matrix needs: the built-in exhibit, and one with a translated package. */
export interface ScreenHosts {
  host: RunningHost;
  translatedHost: RunningHost;
  stop(): Promise<void>;
}

/** Starts both kiosks, with an idle time long enough that no warning comes unasked. */
export async function startScreenHosts(): Promise<ScreenHosts> {
  const work = await mkdtemp(join(tmpdir(), 'vitrine-screens-'));
  const settings = { idleTimeoutSeconds: IDLE_SECONDS, idleCountdownSeconds: 120 };
  const [host, translatedHost] = await Promise.all([startHost(settings), startHost(settings, 120_000, (dataDir) => importTranslatedPackage(work, dataDir))]);
  return {
    host,
    translatedHost,
    stop: async () => {
      await Promise.all([host.stop(), translatedHost.stop()]);
      await rm(work, { recursive: true, force: true });
    },
  };
}
