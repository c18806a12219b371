/**
 * The player's words in English (issue 20): the film and sound player on the artifact screen, and
 * the staff setting that bounds its volume. A part of the reference catalogue, spread into en.ts
 * (which was past 300 lines); its keys are message keys like any other.
 */
export const playerEn = {
  'player.film': 'Film',
  'player.sound': 'Sound recording',
  'player.soundOnly': 'Sound only',
  'player.controls': 'Player',
  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.back': 'Back {seconds} s',
  'player.forward': 'Forward {seconds} s',
  'player.position': 'Position in the recording',
  'player.positionValue': '{elapsed} of {total}',
  'player.captions': 'Captions',
  'player.signLanguage': 'Sign language',
  'player.signLanguageVideo': 'Sign language interpreter',
  'player.audioDescription': 'Audio description',
  'player.transcriptShow': 'Read the transcript',
  'player.transcriptHide': 'Hide the transcript',
  'player.transcript': 'Transcript',

  'staff.setting.volumeCeilingPercent': 'Loudest volume',
  'staff.about.volumeCeilingPercent': 'The loudest films and sound recordings play, in per cent of the computer’s own volume.',
  'staff.percent': '{percent}%',
} as const satisfies Record<string, string>;
