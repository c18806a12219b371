/**
 * The host-independent kiosk core, opened once per process by a host (Electron or browser).
 * Opening it migrates the store and, on first start, imports the built-in exhibit package.
 */
import { join } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import type { ApiImplementation } from '../contract/api';
import { createLogger, type Logger } from './log';
import { openStore, type Store } from './store/connection';
import { createApi } from './api';
import { importPackage } from './packages/importer';
import { createSettingsStore, type SettingsStore } from './settings/store';

export interface VitrineOptions {
  /** Folder for the store and media; created if missing. */
  dataDir: string;
  /** Folder of the built-in exhibit package, imported when the store has no live package. */
  builtinPackage: string;
  log?: Logger;
}

export interface VitrineCore {
  api: ApiImplementation;
  store: Store;
  settings: SettingsStore;
  /** Folder of content-addressed media files (`/media/<sha256>.<ext>` resolves inside it). */
  mediaDir: string;
  /** Folder of Deep Zoom pyramids (`/tiles/<sha256>/…` resolves inside it). */
  tilesDir: string;
  log: Logger;
  close(): void;
}

/** Opens (and if needed initialises) the kiosk's data folder. */
export async function openVitrine(options: VitrineOptions): Promise<VitrineCore> {
  const log = options.log ?? createLogger();
  mkdirSync(options.dataDir, { recursive: true });
  const mediaDir = join(options.dataDir, 'media');
  const tilesDir = join(options.dataDir, 'tiles');
  // An import cut short (power loss) leaves only its staging folder: clear it for the next one.
  rmSync(join(options.dataDir, 'staging'), { recursive: true, force: true });
  const store = openStore(join(options.dataDir, 'vitrine.sqlite'));
  try {
    if (store.liveVersionId() === null) {
      log.info('core', 'No live exhibit yet: importing the built-in package', { from: options.builtinPackage });
      await importPackage(store, options.builtinPackage, { mediaDir, tilesDir, log, source: 'built-in' });
    }
  } catch (error) {
    store.close();
    throw error;
  }
  const settings = createSettingsStore(store.db, log);
  const api = createApi(store, { startedAt: Date.now(), settings });
  return { api, store, settings, mediaDir, tilesDir, log, close: () => store.close() };
}
