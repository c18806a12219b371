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

  'a11y.open': 'Accessibility',
  'a11y.title': 'Accessibility',
  'a11y.textSize': 'Text size',
  'a11y.textSizeStep': '{size}%',
  'a11y.contrast': 'High contrast',
  'a11y.motion': 'Less motion',
  'a11y.motionSystem': 'On by this screen’s own setting',
  'a11y.reach': 'Within reach',
  'a11y.reachHint': 'Every button in the lower part of the screen',
  'a11y.on': 'On',
  'a11y.off': 'Off',
  'a11y.reset': 'Restore defaults',
  'a11y.close': 'Close',

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
  'object.saved': 'Saved',
  'object.saveHint': 'Keep it on your list to take home.',
  'object.savedHint': 'On your list, with a code to take it home.',
  'object.page': 'Page {page} of {total}',
  'object.others': 'Other objects',
  'object.previous': 'Previous object',
  'object.next': 'Next object',
  'object.takeHome': 'Take it home',

  'zoom.label': 'Zoom',
  'zoom.in': 'Zoom in',
  'zoom.out': 'Zoom out',
  'zoom.reset': 'Reset view',
  'zoom.hint': 'Pinch or double-tap to look closer',

  'pages.label': 'Pages',
  'pages.page': 'Page {page}',

  'translation.title': 'Translation',
  'translation.read': 'Read the translation',
  'translation.hide': 'Hide the translation',
  'translation.none': 'This exhibit includes no translation of this object.',

  'idle.title': 'Still exploring?',
  'idle.seconds': { one: '{count} second', other: '{count} seconds' },
  'idle.explain': 'Then the exhibit starts again for the next visitor.',
  'idle.continue': 'Continue',

  'staff.title': 'Staff mode',
  'staff.logOut': 'Log out',
  'staff.close': 'Close',
  'staff.leaveTitle': 'Leave the kiosk',
  'staff.leaveText': 'Closes kiosk mode for maintenance on this computer.',
  'staff.leave': 'Leave kiosk',
  'pin.enter': 'Enter the staff PIN',
  'pin.locked': 'PIN pad locked',
  'pin.entered': '{entered} of {max} digits entered',
  'pin.delete': 'Delete',
  'pin.ok': 'OK',

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
