/**
 * The player's words in Russian (issue 20), spread into ru.ts: exactly the keys of player.en.ts,
 * so a key missing here is a type error, as in the rest of the catalogue.
 */
import type { Catalogue, RussianPlural } from './messages';
import type { playerEn } from './player.en';

export const playerRu: Pick<Catalogue<RussianPlural>, keyof typeof playerEn> = {
  'player.film': 'Фильм',
  'player.sound': 'Звукозапись',
  'player.soundOnly': 'Только звук',
  'player.controls': 'Проигрыватель',
  'player.play': 'Воспроизвести',
  'player.pause': 'Пауза',
  'player.back': 'Назад на {seconds}\u00a0с',
  'player.forward': 'Вперёд на {seconds}\u00a0с',
  'player.position': 'Место в записи',
  'player.positionValue': '{elapsed} из {total}',
  'player.captions': 'Субтитры',
  'player.signLanguage': 'Жестовый язык',
  'player.signLanguageVideo': 'Перевод на жестовый язык',
  'player.audioDescription': 'Тифлокомментарий',
  'player.transcriptShow': 'Читать расшифровку',
  'player.transcriptHide': 'Скрыть расшифровку',
  'player.transcript': 'Расшифровка',

  'staff.setting.volumeCeilingPercent': 'Наибольшая громкость',
  'staff.about.volumeCeilingPercent': 'Громче этого фильмы и звукозаписи не звучат: в процентах от громкости самого компьютера.',
  'staff.percent': '{percent}\u00a0%',
};
