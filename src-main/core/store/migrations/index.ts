/**
 * Numbered migrations, applied in order inside one transaction and tracked with
 * `PRAGMA user_version`. A migration is never edited once released: add the next number.
 */
import * as m0001 from './0001-content';
import * as m0002 from './0002-settings';
import * as m0003 from './0003-attract';
import * as m0004 from './0004-publishing';
import * as m0005 from './0005-inbox';
import * as m0006 from './0006-staff-pin';
import * as m0007 from './0007-periods';
import * as m0008 from './0008-localized-text';
import * as m0009 from './0009-oriented-size';
import * as m0010 from './0010-search-languages';
import * as m0011 from './0011-inbox-older';
import * as m0012 from './0012-recordings';
import * as m0013 from './0013-recording-titles';
import * as m0014 from './0014-analytics';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'content', up: m0001.up },
  { version: 2, name: 'settings', up: m0002.up },
  { version: 3, name: 'attract', up: m0003.up },
  { version: 4, name: 'publishing', up: m0004.up },
  { version: 5, name: 'inbox', up: m0005.up },
  { version: 6, name: 'staff-pin', up: m0006.up },
  { version: 7, name: 'periods', up: m0007.up },
  { version: 8, name: 'localized-text', up: m0008.up },
  { version: 9, name: 'oriented-size', up: m0009.up },
  { version: 10, name: 'search-languages', up: m0010.up },
  { version: 11, name: 'inbox-older', up: m0011.up },
  { version: 12, name: 'recordings', up: m0012.up },
  { version: 13, name: 'recording-titles', up: m0013.up },
  { version: 14, name: 'analytics', up: m0014.up },
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;
