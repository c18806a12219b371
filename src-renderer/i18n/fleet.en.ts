/**
 * The staff screen's fleet section in English (issue 22): the content channel this kiosk follows
 * and its metrics endpoint; a part of the reference catalogue spread into en.ts.
 */
export const fleetEn = {
  'staff.fleet.title': 'Channel and monitoring',
  'staff.fleet.noChannel': 'This kiosk follows no channel: new content comes from the inbox or the staff command line.',
  'staff.fleet.channel': 'Channel',
  'staff.fleet.group': 'Group',
  'staff.fleet.wholeFleet': 'the whole fleet',
  'staff.fleet.state': 'State',
  'staff.fleet.state.off': 'Off',
  'staff.fleet.state.needs-key': 'Waiting for a trusted key',
  'staff.fleet.state.waiting': 'Up to date',
  'staff.fleet.state.checking': 'Looking at the channel…',
  'staff.fleet.state.downloading': 'Downloading',
  'staff.fleet.state.importing': 'Checking and importing',
  'staff.fleet.state.offline': 'Cannot reach the channel: showing what it has',
  'staff.fleet.state.refused': 'Refused what the channel offers',
  'staff.fleet.offered': 'Offered',
  'staff.fleet.offeredIs': '"{title}" {version}, {size}',
  'staff.fleet.download': 'Downloaded {done} of {total}',
  'staff.fleet.lastCheck': 'Last look',
  'staff.fleet.lastReached': 'Last answer',
  'staff.fleet.nextCheck': 'Next look',
  'staff.fleet.never': 'never',
  'staff.fleet.failures': { one: '{count} failed look in a row', other: '{count} failed looks in a row' },
  'staff.fleet.checkNow': 'Look at the channel now',
  'staff.fleet.metrics': 'Monitoring',
  'staff.fleet.metricsOff': 'Off (set metricsAddress and metricsToken with vitrine settings)',
  'staff.fleet.metricsOn': 'Prometheus reads {url}',
} as const;
