/**
 * One reading of a curator's source folder: where it is, the problems found so far, where each
 * manifest field came from, the exhibit's languages, and every file the exhibit uses (so what is
 * left over can be named: a stray file, an image nothing shows).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { Problems } from '../errors';
import type { Origins } from './fields';
import type { FolderLanguages } from './languages';
import { readSourceText } from './text-file';
import { sourceError } from './yaml-text';

// What file managers leave behind: never part of an exhibit, never worth a word.
export const IGNORED = /^(\..*|Thumbs\.db|desktop\.ini)$/i;

export class SourceRead {
  readonly problems = new Problems();
  readonly origins: Origins = new Map();
  /** Files of the folder the exhibit reads or shows, relative to it. */
  readonly used = new Set<string>();
  langs: FolderLanguages = { language: '', languages: [] };

  constructor(readonly dir: string) {}

  /** The text of `file` (UTF-8 only, text-file.ts); `missing` says, in its words, what was expected. */
  text(file: string, missing?: () => Error): string {
    this.used.add(file);
    try {
      return readSourceText(this.dir, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && missing) throw missing();
      if ((error as NodeJS.ErrnoException).code) throw sourceError(file, null, `a readable file (${(error as Error).message})`);
      throw error;
    }
  }

  isFile(file: string): boolean {
    try {
      return statSync(join(this.dir, file)).isFile();
    } catch {
      return false;
    }
  }

  isDir(folder: string): boolean {
    try {
      return statSync(join(this.dir, folder)).isDirectory();
    } catch {
      return false;
    }
  }

  /** The entries of a folder of the source, without what file managers leave, in name order. */
  entries(folder: string): Dirent[] {
    return readdirSync(join(this.dir, folder), { withFileTypes: true })
      .filter((entry) => !IGNORED.test(entry.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
