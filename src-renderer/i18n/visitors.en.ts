/**
 * The staff screen's visitor figures in English (issue 21), a part of the reference catalogue
 * spread into en.ts (which is past 300 lines); its keys are message keys like any other.
 */
export const visitorsEn = {
  'staff.visitors.title': 'Visitors',
  'staff.visitors.about': 'Counted on this kiosk by the hour, never about a person, for the exhibit on show.',
  'staff.visitors.period': 'Period',
  'staff.visitors.today': 'Today',
  'staff.visitors.days7': 'Last 7 days',
  'staff.visitors.days30': 'Last 30 days',
  'staff.visitors.count': { one: '{count} visit', other: '{count} visits' },
  'staff.visitors.nothing': 'No visits in this period yet.',
  'staff.visitors.length': 'Visit length: median {median}, 90 % under {p90}',
  'staff.visitors.idle': 'Idle between visits: median {median}, 90 % under {p90}',
  'staff.visitors.byHour': 'Visits by hour of day',
  'staff.visitors.hour': '{hour}:00',
  'staff.visitors.top': 'Most opened objects',
  'staff.visitors.opens': '{count} ×',
  'staff.visitors.never': 'Never opened',
  'staff.visitors.allOpened': 'Every object was opened.',
  'staff.visitors.searches': 'Searches: {searches}, {empty} without results',
  'staff.visitors.unanswered': 'Searched for and not found',
  'staff.visitors.unansweredNone': 'No search without results was typed by enough visits to be kept.',
  'staff.visitors.languages': 'Languages',
  'staff.visitors.modes': 'Accessibility modes',
  'staff.visitors.none': 'None',
  'staff.visitors.dropped': '{count} events were lost while the kiosk’s store was busy.',
  'staff.visitors.secondsShort': '{s} s',
  'staff.visitors.minutesShort': '{m} min {s} s',
  'staff.visitors.noFigure': '–',
} as const satisfies Record<string, string | Record<string, string>>;
