/**
 * The staff screen's visitor figures in Russian (issue 21), spread into ru.ts: exactly the keys
 * of visitors.en.ts, so a key missing here is a type error, as in the rest of the catalogue.
 */
import type { Catalogue, RussianPlural } from './messages';
import type { visitorsEn } from './visitors.en';

export const visitorsRu: Pick<Catalogue<RussianPlural>, keyof typeof visitorsEn> = {
  'staff.visitors.title': 'Посетители',
  'staff.visitors.about': 'Считаются на этом киоске по часам, без сведений о людях, для выставки, которая сейчас показывается.',
  'staff.visitors.period': 'Период',
  'staff.visitors.today': 'Сегодня',
  'staff.visitors.days7': 'За 7 дней',
  'staff.visitors.days30': 'За 30 дней',
  'staff.visitors.count': { one: '{count}\u00a0посещение', few: '{count}\u00a0посещения', many: '{count}\u00a0посещений', other: '{count}\u00a0посещения' },
  'staff.visitors.nothing': 'За этот период посещений пока нет.',
  'staff.visitors.length': 'Длительность посещения: медиана {median}, у 90\u00a0% меньше {p90}',
  'staff.visitors.idle': 'Простой между посещениями: медиана {median}, у 90\u00a0% меньше {p90}',
  'staff.visitors.byHour': 'Посещения по часам',
  'staff.visitors.hour': '{hour}:00',
  'staff.visitors.top': 'Чаще всего открывали',
  'staff.visitors.opens': '{count}\u00a0×',
  'staff.visitors.never': 'Ни разу не открывали',
  'staff.visitors.allOpened': 'Открывали каждый предмет.',
  'staff.visitors.searches': 'Поисков: {searches}, без результатов: {empty}',
  'staff.visitors.unanswered': 'Искали и не нашли',
  'staff.visitors.unansweredNone': 'Ни один поиск без результатов не повторили столько посетителей, чтобы его можно было сохранить.',
  'staff.visitors.languages': 'Языки',
  'staff.visitors.modes': 'Режимы доступности',
  'staff.visitors.none': 'Нет',
  'staff.visitors.dropped': 'Потеряно событий, пока хранилище киоска было занято: {count}.',
  'staff.visitors.secondsShort': '{s}\u00a0с',
  'staff.visitors.minutesShort': '{m}\u00a0мин {s}\u00a0с',
  'staff.visitors.noFigure': '–',
};
