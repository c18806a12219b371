/**
 * Numbered migrations, applied in order inside one transaction and tracked with
 * `PRAGMA user_version`. A migration is never edited once released: add the next number.
 */
import * as m0001 from './0001-content';
import * as m0002 from './0002-settings';
import * as m0003 from './0003-attract';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'content', up: m0001.up },
  { version: 2, name: 'settings', up: m0002.up },
  { version: 3, name: 'attract', up: m0003.up },
];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;
