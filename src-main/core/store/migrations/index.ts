/**
 * Numbered migrations, applied in order inside one transaction and tracked with
 * `PRAGMA user_version`. A migration is never edited once released: add the next number.
 */
import * as m0001 from './0001-content';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'content', up: m0001.up }];

/** The schema version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.length;
