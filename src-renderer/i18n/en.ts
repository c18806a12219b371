/**
 * The kiosk's own words in English: the reference catalogue. Its keys are the message keys, and
 * every other language must give exactly these keys (messages.ts turns a missing or extra one
 * into a type error). `{name}` is a placeholder; a message with plural forms takes `{count}`.
 * Only the UI lives here: the exhibit's content comes from its package and is never translated.
 */
export const en = {
  'kiosk.label': 'Kiosk',
  'kiosk.loading': 'Loading…',
  'kiosk.back': 'Back',
  'kiosk.home': 'Home',
  'kiosk.myList': 'My list',
  'kiosk.myListSaved': { one: 'My list, {count} saved', other: 'My list, {count} saved' },
  'kiosk.backToTop': 'Back to top',
  'kiosk.language': 'Language',

  'error.title': 'Something went wrong',
  'error.action': '— tap to go home',

  'attract.begin': 'Touch to begin',
  'attract.welcome': 'Welcome',

  'count.topics': { one: '{count} topic', other: '{count} topics' },
  'count.objects': { one: '{count} object', other: '{count} objects' },
  'count.results': { one: '{count} result', other: '{count} results' },

  'home.eyebrow': 'Exhibit',
  'home.sections': 'Sections',
  'home.explore': 'Explore',
  'home.notHere': 'Not on this kiosk',

  'section.eyebrow': 'Section',
  'section.topics': 'Topics',

  'topic.more': 'More topics',
  'topic.previous': 'Previous topic',
  'topic.next': 'Next topic',

  'object.open': 'Open {title}',
  'object.fromArchives': 'From the archives',
  'object.lookCloser': 'Look closer',
  'object.standIn': 'Stand-in image — not the original',
  'object.save': 'Save',

  'translation.title': 'Translation',
  'translation.read': 'Read the translation',
  'translation.hide': 'Hide the translation',
  'translation.none': 'This exhibit includes no translation of this object.',

  'takeHome.lead': 'Scan with your phone to find this object at its home institution, or visit:',
  'takeHome.qr': 'QR code for {url}',

  'search.title': 'Search',
  'timeline.title': 'Timeline',
  'myList.eyebrow': 'Take it home',
  'myList.title': 'My list',
  'myList.saved': {
    one: '{count} object saved. Scan a code with your phone to find an object again at home.',
    other: '{count} objects saved. Scan a code with your phone to find an object again at home.',
  },
  'myList.empty': 'Nothing saved yet. Tap “{save}” on any object to keep it here and take it home.',
  'myList.items': 'Saved objects',
  'myList.scan': 'Scan to take it home, or visit:',
  'myList.noAddress': 'This object has no permanent address to take home.',
  'myList.remove': 'Remove',
  'myList.removeItem': 'Remove {title}',
} as const satisfies Record<string, string | { one: string; other: string }>;
