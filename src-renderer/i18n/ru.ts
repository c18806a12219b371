/**
 * The kiosk's own words in Russian, in the register of a Russian museum's labels: «ёлочки»,
 * a no-break space between a number and its noun and before a dash. Typed as a complete
 * catalogue, so a key missing here or not in English is a type error (messages.ts).
 */
import type { Catalogue, RussianPlural } from './messages';

export const ru: Catalogue<RussianPlural> = {
  'kiosk.label': 'Навигация',
  'kiosk.loading': 'Загрузка…',
  'kiosk.back': 'Назад',
  'kiosk.home': 'На главную',
  'kiosk.myList': 'Мой список',
  'kiosk.myListSaved': {
    one: 'Мой список, {count}\u00a0предмет',
    few: 'Мой список, {count}\u00a0предмета',
    many: 'Мой список, {count}\u00a0предметов',
    other: 'Мой список, {count}\u00a0предмета',
  },
  'kiosk.backToTop': 'Наверх',
  'kiosk.language': 'Язык',

  'a11y.open': 'Доступность',
  'a11y.title': 'Настройки доступности',
  'a11y.textSize': 'Размер текста',
  'a11y.textSizeStep': '{size}\u00a0%',
  'a11y.contrast': 'Высокая контрастность',
  'a11y.motion': 'Меньше движения',
  'a11y.motionSystem': 'Включено в настройках самого экрана',
  'a11y.reach': 'Всё под рукой',
  'a11y.reachHint': 'Все кнопки в нижней части экрана',
  'a11y.on': 'Вкл.',
  'a11y.off': 'Выкл.',
  'a11y.reset': 'Вернуть обычный вид',
  'a11y.close': 'Закрыть',

  'error.title': 'Что-то пошло не так',
  'error.action': '— коснитесь, чтобы вернуться на главную',

  'attract.begin': 'Коснитесь экрана, чтобы начать',
  'attract.welcome': 'Добро пожаловать',

  'count.topics': { one: '{count}\u00a0тема', few: '{count}\u00a0темы', many: '{count}\u00a0тем', other: '{count}\u00a0темы' },
  'count.objects': { one: '{count}\u00a0предмет', few: '{count}\u00a0предмета', many: '{count}\u00a0предметов', other: '{count}\u00a0предмета' },
  'count.results': { one: '{count}\u00a0результат', few: '{count}\u00a0результата', many: '{count}\u00a0результатов', other: '{count}\u00a0результата' },

  'home.eyebrow': 'Выставка',
  'home.sections': 'Разделы',
  'home.explore': 'Смотреть',
  'home.notHere': 'Здесь не представлен',

  'section.eyebrow': 'Раздел',
  'section.topics': 'Темы',

  'topic.more': 'Другие темы',
  'topic.previous': 'Предыдущая тема',
  'topic.next': 'Следующая тема',

  'object.open': 'Открыть «{title}»',
  'object.fromArchives': 'Из архивов',
  'object.lookCloser': 'Рассмотреть',
  'object.standIn': 'Условное изображение\u00a0— не подлинник',
  'object.save': 'Сохранить',
  'object.saved': 'Сохранено',
  'object.saveHint': 'Добавьте предмет в список, чтобы взять его с собой.',
  'object.savedHint': 'Предмет в вашем списке, с кодом, чтобы взять его с собой.',
  'object.page': 'Страница {page} из {total}',
  'object.others': 'Другие предметы',
  'object.previous': 'Предыдущий предмет',
  'object.next': 'Следующий предмет',
  'object.takeHome': 'Возьмите с собой',

  'zoom.label': 'Масштаб',
  'zoom.in': 'Приблизить',
  'zoom.out': 'Отдалить',
  'zoom.reset': 'Исходный вид',
  'zoom.hint': 'Разведите пальцы или коснитесь дважды, чтобы приблизить',

  'pages.label': 'Страницы',
  'pages.page': 'Страница {page}',

  'translation.title': 'Перевод',
  'translation.read': 'Читать перевод',
  'translation.hide': 'Скрыть перевод',
  'translation.none': 'Перевод к этому предмету в выставку не включён.',

  'idle.title': 'Вы ещё здесь?',
  'idle.seconds': { one: '{count}\u00a0секунда', few: '{count}\u00a0секунды', many: '{count}\u00a0секунд', other: '{count}\u00a0секунды' },
  'idle.explain': 'Затем выставка начнётся заново для следующего посетителя.',
  'idle.continue': 'Продолжить',

  'staff.title': 'Режим сотрудника',
  'staff.logOut': 'Выйти',
  'staff.close': 'Закрыть',
  'staff.leaveTitle': 'Выход из режима киоска',
  'staff.leaveText': 'Закрывает режим киоска, чтобы обслужить этот компьютер.',
  'staff.leave': 'Выйти из киоска',
  'pin.enter': 'Введите ПИН-код сотрудника',
  'pin.locked': 'Ввод ПИН-кода заблокирован',
  'pin.entered': 'Введено цифр: {entered} из {max}',
  'pin.delete': 'Стереть',
  'pin.ok': 'Войти',

  'takeHome.lead': 'Наведите камеру телефона на код, чтобы найти этот предмет в собрании, где он хранится, или перейдите по адресу:',
  'takeHome.qr': 'QR-код ссылки {url}',

  'search.title': 'Поиск',
  'timeline.title': 'Хронология',
  'myList.eyebrow': 'Возьмите с собой',
  'myList.title': 'Мой список',
  'myList.saved': {
    one: 'Сохранён {count}\u00a0предмет. Отсканируйте код телефоном, чтобы дома снова найти предмет.',
    few: 'Сохранено {count}\u00a0предмета. Отсканируйте код телефоном, чтобы дома снова найти предмет.',
    many: 'Сохранено {count}\u00a0предметов. Отсканируйте код телефоном, чтобы дома снова найти предмет.',
    other: 'Сохранено {count}\u00a0предмета. Отсканируйте код телефоном, чтобы дома снова найти предмет.',
  },
  'myList.empty': 'Здесь пока ничего нет. Нажмите «{save}» на странице любого предмета, чтобы добавить его сюда и взять с собой.',
  'myList.items': 'Сохранённые предметы',
  'myList.scan': 'Отсканируйте код, чтобы взять предмет с собой, или перейдите по адресу:',
  'myList.noAddress': 'У этого предмета нет постоянного адреса, который можно взять с собой.',
  'myList.remove': 'Убрать',
  'myList.removeItem': 'Убрать «{title}»',
};
