/**
 * A kiosk whose exhibit has films and sound (issue 20), for the player's spec and the screen
 * matrix: the test media made by ffmpeg here and now (scripts/make-test-media.mjs, never
 * downloaded), packed into tests/helpers/recordings.ts's package and imported with the staff CLI
 * as staff would. The built-in exhibit is left as it is: it has no recordings.
 */
import { join } from 'node:path';
import { makeTestMedia } from '../../../scripts/make-test-media.mjs';
import { cli } from '../../harness/kiosk.mjs';
import { makeRecordingPackage, TRANSCRIPT_WORD } from '../../helpers/recordings';

/** What a visitor taps to reach the film (bilingualSource's first object, in English). */
export const FILM_PATH = ['First Section', 'Alpha', 'Open Letter on grain'] as const;
/** Its title, and the sound recording's. */
export const FILM_TITLE = { en: 'Arrival at Potsdam', ru: 'Прибытие в Потсдам' };
/** The first cue (0.5-1.5 s) and the second (2-3.5 s) of each language, as the screen shows them (no markup). */
export const CUES = {
  en: ['The delegates arrive at Potsdam.', 'The conference opens.'],
  ru: ['Делегаты прибывают в Потсдам.', 'Конференция открывается.'],
} as const;
export { TRANSCRIPT_WORD };

/** Makes the media and the package in `workDir`, and imports it into `dataDir`, live at once. */
export async function importRecordingPackage(workDir: string, dataDir: string): Promise<void> {
  const media = await makeTestMedia(join(workDir, 'media'));
  const packed = await makeRecordingPackage(workDir, media, 'recordings');
  // --now: live at once (without it, an import waits for the kiosk's next attract screen).
  cli(['import', packed, '--now', '--data', dataDir]);
}
