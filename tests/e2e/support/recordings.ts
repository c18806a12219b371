/**
 * A kiosk whose exhibit has films and sound (issue 20), for the player's spec and the screen
 * matrix: the test media made by ffmpeg here and now (scripts/make-test-media.mjs, never
 * downloaded), packed into tests/helpers/recordings.ts's package and imported with the staff CLI
 * as staff would. The built-in exhibit is left as it is: it has no recordings.
 */
import { join } from 'node:path';
import { makeTestMedia } from '../../../scripts/make-test-media.mjs';
import { cli } from '../../harness/kiosk.mjs';
import { makeRecordingPackage, SOLO_TITLES, soloRecordingSource, TRANSCRIPT_WORD } from '../../helpers/recordings';
import { scrollIntoReach, type Locator, type Page } from './test';

/** What a visitor taps to reach the film (bilingualSource's first object, in English). */
export const FILM_PATH = ['First Section', 'Alpha', 'Open Letter on grain'] as const;
/** Its title, and the sound recording's. */
export const FILM_TITLE = { en: 'Arrival at Potsdam', ru: 'Прибытие в Потсдам' };
/** The first cue (0.5-1.5 s) and the second (2-3.5 s) of each language, as the screen shows them (no markup). */
export const CUES = {
  en: ['The delegates arrive at Potsdam.', 'The conference opens.'],
  ru: ['Делегаты прибывают в Потсдам.', 'Конференция открывается.'],
} as const;
export { SOLO_TITLES, TRANSCRIPT_WORD };

/** Makes the media and the package in `workDir`, and imports it into `dataDir`, live at once. */
export async function importRecordingPackage(workDir: string, dataDir: string): Promise<void> {
  const media = await makeTestMedia(join(workDir, 'media'));
  const packed = await makeRecordingPackage(workDir, media, 'recordings', soloRecordingSource());
  // --now: live at once (without it, an import waits for the kiosk's next attract screen).
  cli(['import', packed, '--now', '--data', dataDir]);
}

export interface MediaNow {
  time: number;
  paused: boolean;
  ended: boolean;
  muted: boolean;
  volume: number;
}

/** The player's elements and the cue on show, in one look. */
export function look(page: Page) {
  return page.evaluate(() => {
    const one = (role: string) => {
      const m = document.querySelector<HTMLMediaElement>(`[data-role="${role}"]`);
      return m ? { time: m.currentTime, paused: m.paused, ended: m.ended, muted: m.muted, volume: m.volume } : null;
    };
    return {
      main: one('recording')!,
      sign: one('sign-language'),
      described: one('audio-description'),
      cue: document.querySelector('[data-testid="caption-cue"]')?.textContent ?? null,
      tracks: [...document.querySelector<HTMLMediaElement>('[data-role="recording"]')!.textTracks].map((t) => `${t.language} ${t.mode}`),
    };
  });
}

/** Every media element in the page, playing or not. */
export const playing = (page: Page) => page.evaluate(() => [...document.querySelectorAll<HTMLMediaElement>('video, audio')].filter((m) => !m.paused).map((m) => m.dataset.role ?? m.tagName));

export const control = (page: Page, action: string): Locator => page.locator(`[data-action="${action}"]`).first();

/** A visitor scrolls to a control of the player and taps it. */
export async function press(page: Page, action: string): Promise<void> {
  await scrollIntoReach(control(page, action));
  await control(page, action).tap();
}
