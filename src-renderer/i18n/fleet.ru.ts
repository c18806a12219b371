/**
 * The staff screen's fleet section in Russian (issue 22), spread into ru.ts: exactly the keys of
 * fleet.en.ts, so a key missing here is a type error.
 */
import type { fleetEn } from './fleet.en';
import type { Catalogue, RussianPlural } from './messages';

export const fleetRu: Pick<Catalogue<RussianPlural>, keyof typeof fleetEn> = {
  'staff.fleet.title': 'Канал и мониторинг',
  'staff.fleet.noChannel': 'Киоск не подключён к каналу: новые выставки приходят через папку входящих или командную строку.',
  'staff.fleet.channel': 'Канал',
  'staff.fleet.group': 'Группа',
  'staff.fleet.wholeFleet': 'все киоски',
  'staff.fleet.state': 'Состояние',
  'staff.fleet.state.off': 'Выключен',
  'staff.fleet.state.needs-key': 'Нужен доверенный ключ',
  'staff.fleet.state.waiting': 'Всё загружено',
  'staff.fleet.state.checking': 'Проверка канала…',
  'staff.fleet.state.downloading': 'Загрузка',
  'staff.fleet.state.importing': 'Проверка и импорт',
  'staff.fleet.state.offline': 'Канал недоступен: показывается то, что есть',
  'staff.fleet.state.refused': 'Предложенное каналом отклонено',
  'staff.fleet.offered': 'Предлагается',
  'staff.fleet.offeredIs': '«{title}» {version}, {size}',
  'staff.fleet.download': 'Загружено {done} из {total}',
  'staff.fleet.lastCheck': 'Последняя проверка',
  'staff.fleet.lastReached': 'Последний ответ',
  'staff.fleet.nextCheck': 'Следующая проверка',
  'staff.fleet.never': 'не было',
  'staff.fleet.failures': { one: '{count}\u00a0неудачная проверка подряд', few: '{count}\u00a0неудачные проверки подряд', many: '{count}\u00a0неудачных проверок подряд', other: '{count}\u00a0неудачной проверки подряд' },
  'staff.fleet.checkNow': 'Проверить канал сейчас',
  'staff.fleet.appUpdate': 'Обновления программы',
  'staff.fleet.update.off': 'Выключены',
  'staff.fleet.update.idle': 'Установлена последняя версия',
  'staff.fleet.update.checking': 'Поиск новой версии…',
  'staff.fleet.update.downloading': 'Загрузка новой версии',
  'staff.fleet.update.downloaded': 'Версия {version} загружена: она установится, когда музей закрыт и у киоска никого нет',
  'staff.fleet.update.error': 'Последнее обновление не удалось',
  'staff.fleet.metrics': 'Мониторинг',
  'staff.fleet.metricsOff': 'Выключен: адрес и токен метрик задаются в настройках киоска из командной строки',
  'staff.fleet.metricsOn': 'Система мониторинга читает {url}',
};
