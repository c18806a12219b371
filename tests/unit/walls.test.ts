/**
 * The architecture's walls (README, "Map of the code") are ESLint rules (eslint.config.js), and
 * `npm test` lints the tree. This checks the rules themselves: each breach a newcomer could
 * write is refused, in whichever form it comes (import, export-from, import()), and the imports
 * the map allows pass. Without it, a typo in a regex would let the walls fall silently.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

/** The messages of the wall rules for `code` placed at `file`. */
async function wallMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => /restricted/.test(m.ruleId ?? '')).map((m) => m.message);
}

const refused: [where: string, file: string, code: string][] = [
  ['the renderer loads the database', 'src-renderer/state/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;"],
  ['the renderer imports a core module', 'src-renderer/screens/x.svelte.ts', "import { openVitrine } from '../../src-main/core/vitrine';\nexport const o = openVitrine;"],
  ['the renderer re-exports a core module', 'src-renderer/state/x.ts', "export { createApi } from '../../src-main/core/api';"],
  ['the renderer loads Node later', 'src-renderer/state/x.ts', "export const later = () => import('node:fs');"],
  ['the renderer loads electron', 'src-renderer/api/x.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;"],
  ['the renderer takes a value from the contract', 'src-renderer/api/x.ts', "import { ApiError } from '@contract/errors';\nexport const e = ApiError;"],
  ['the contract imports the core', 'src-main/contract/x.ts', "import type { Store } from '../core/store/connection';\nexport type S = Store;"],
  ['the verb list imports anything', 'src-main/contract/methods.ts', "import { z } from 'zod';\nexport const s = z;"],
  ['the core imports the browser host', 'src-main/core/x.ts', "export { startHttpHost } from '../http/server';"],
  ['the core loads electron', 'src-main/core/store/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ['the browser host imports the Electron glue', 'src-main/http/x.ts', "import { openWindow } from '../electron/window';\nexport const w = openWindow;"],
  ['Electron glue below main.ts loads electron', 'src-main/electron/window.ts', "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;"],
  ['the Electron glue imports the browser host', 'src-main/electron/main.ts', "import { startHttpHost } from '../http/server';\nexport const h = startHttpHost;"],
];

const allowed: [where: string, file: string, code: string][] = [
  ['the renderer names the contract\'s types', 'src-renderer/state/x.ts', "import type { Api } from '@contract/api';\nexport type A = Api;"],
  ['the renderer loads the verb list', 'src-renderer/api/x.ts', "import { API_METHODS } from '@contract/methods';\nexport const m = API_METHODS;"],
  ['the renderer loads its own libraries later', 'src-renderer/components/x.ts', "export const osd = () => import('openseadragon');"],
  ['Electron glue names electron\'s types', 'src-main/electron/window.ts', "import type { BrowserWindow } from 'electron';\nexport type B = BrowserWindow;"],
  ['main.ts loads electron', 'src-main/electron/main.ts', "import { app } from 'electron';\nexport const a = app;"],
  ['the Electron binary answers --cli', 'src-main/electron/cli-mode.ts', "import { runCli } from '../cli/run';\nexport const r = runCli;"],
  ['the core uses Node and SQLite', 'src-main/core/store/x.ts', "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nexport const d = [Database, join];"],
];

describe('architecture walls (eslint.config.js)', () => {
  it.each(refused)('refuses: %s', async (_where, file, code) => {
    expect(await wallMessages(file, code)).not.toEqual([]);
  });

  it.each(allowed)('allows: %s', async (_where, file, code) => {
    expect(await wallMessages(file, code)).toEqual([]);
  });
});
