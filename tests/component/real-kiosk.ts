/**
 * The real core under the component tests: each kiosk is a copy of a data folder the global
 * setup built once (tests/helpers/kiosk-stores.ts), opened with the core's own openVitrine, and
 * reached through the renderer's own client over the core's own dispatch, as the Electron
 * preload reaches it. The only additions are a record of the calls (`api.calls`) and verbs made
 * to fail (`failing`), as a broken store fails them. Copies are closed and removed after the file.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flushSync } from 'svelte';
import { afterAll, inject } from 'vitest';
import { API_METHODS, type Api, type ApiImplementation, type ApiMethod } from '../../src-main/contract/api';
import { dispatch } from '../../src-main/core/dispatch';
import { createLogger } from '../../src-main/core/log';
import type { Settings } from '../../src-main/core/settings/schema';
import type { KioskHost } from '../../src-main/core/staff/api';
import { openVitrine, type VitrineCore } from '../../src-main/core/vitrine';
import { createClient } from '../../src-renderer/api/client';
import type { VitrineBridge } from '../../src-renderer/api/envelope';
import { ManualClock } from '../helpers/clock';

/** What the global setup built (paths and package names). */
export const stores = inject('kioskStores');

export interface KioskOptions {
  /** Which data folder to copy (tests/helpers/kiosk-stores.ts says what each holds); the built-in exhibit by default. */
  store?: 'exhibit' | 'variant' | 'staff';
  /** Settings staff would have set, stored through the core's own validation. */
  settings?: Partial<Settings>;
  /** Verbs that fail inside the core, as over a damaged database. */
  failing?: ApiMethod[];
  /** What the host tells the core about itself (kind, address, versions, crashes, leaving). */
  host?: KioskHost;
  /** Folders, inside the kiosk's own folder, mounted as removable media (offered to staff as inbox folders). */
  mounted?: string[];
}

export type RecordedApi = Api & {
  calls: { method: ApiMethod; args: unknown }[];
  /** The latest answer to each verb (a staff token is random: tests read it here). */
  answers: Partial<{ [M in ApiMethod]: Awaited<ReturnType<Api[M]>> }>;
};

export interface RealKiosk {
  /** The core as the renderer sees it, every call recorded. */
  api: RecordedApi;
  /** The core itself, for what a host or staff's command line does (import, report the visitor). */
  core: VitrineCore;
  /** The core's clock: it moves only when a test moves it. */
  clock: ManualClock;
  /** An empty folder of this kiosk's own, beside its data (an inbox, a USB stick). */
  folder: string;
  /** The core's answers, synchronously, for rendering one component without the client. */
  read: ReturnType<typeof reader>;
}

const opened: { core: VitrineCore; dir: string }[] = [];
afterAll(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Calls made through any kiosk of this file that have not answered yet. */
const inFlight = new Set<Promise<unknown>>();

/** Opens a copy of a store as a kiosk. Its clock starts on a Monday at 10:00 (local time), in opening hours. */
export async function openKiosk(options: KioskOptions = {}): Promise<RealKiosk> {
  // (Not tests/helpers/packages.ts's tempDir: that module loads the packer, which no kiosk needs.)
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-kiosk-'));
  const dataDir = join(dir, 'data');
  const folder = join(dir, 'own');
  copyStore(stores[options.store ?? 'exhibit'], dataDir);
  mkdirSync(folder);
  const mounted = (options.mounted ?? []).map((name) => join(folder, name));
  for (const path of mounted) mkdirSync(path, { recursive: true });
  const clock = new ManualClock(new Date(2026, 0, 5, 10, 0).getTime());
  const core = await openVitrine({
    dataDir, builtinPackage: null, clock, log: createLogger(() => {}), host: options.host,
    // No file-system watcher (the tests say when the inbox looks), and a file is taken at its second sighting.
    inbox: { watch: () => ({ close() {} }), stableMs: 0 },
    inboxChoices: () => mounted,
  });
  opened.push({ core, dir });
  for (const [key, value] of Object.entries(options.settings ?? {})) core.settings.set(key, value);
  const impl = { ...core.api };
  for (const method of options.failing ?? []) {
    impl[method] = () => {
      throw new Error('database disk image is malformed');
    };
  }
  return { api: recorded(impl), core, clock, folder, read: reader(core.api) };
}

/**
 * Copies a data folder: the database itself, and its media and tiles as hard links (a tenth of
 * the time of copying them): they are content-addressed, written once under their hash and never
 * changed, and a copy that deletes one (its clean-up) only removes its own link.
 */
function copyStore(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) copyStore(source, target);
    else if (entry.name.startsWith('vitrine.sqlite')) copyFileSync(source, target);
    else link(source, target);
  }
}

function link(source: string, target: string): void {
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target); // a temporary folder on another file system
  }
}

/** Just the recorded API of a new kiosk. */
export async function kioskApi(options: KioskOptions = {}): Promise<RecordedApi> {
  return (await openKiosk(options)).api;
}

/** The renderer's client over the core's dispatch (as IPC, arguments and answers are copies), recording each call. */
function recorded(impl: ApiImplementation): RecordedApi {
  const bridge = Object.fromEntries(
    API_METHODS.map((method) => [method, async (args: unknown) => structuredClone(await dispatch(impl, method, structuredClone(args)))]),
  ) as unknown as VitrineBridge;
  const client = createClient({ bridge });
  const calls: RecordedApi['calls'] = [];
  const answers: Record<string, unknown> = {};
  const api = { calls, answers } as RecordedApi;
  for (const method of API_METHODS) {
    (api as Record<ApiMethod, (args: unknown) => Promise<unknown>>)[method] = (args) => {
      calls.push({ method, args });
      const answer = (client[method] as (args: unknown) => Promise<unknown>)(args);
      inFlight.add(answer);
      const done = () => void inFlight.delete(answer);
      answer.then((result) => {
        answers[method] = result;
        done();
      }, done);
      return answer;
    };
  }
  return api;
}

/** The core's own answers to the content verbs, for a test rendering one component with them. */
function reader(impl: ApiImplementation) {
  const now = <T>(answer: T | Promise<T>): T => {
    // Content verbs answer synchronously in the core (SQLite); should one become async, await api instead.
    if (answer instanceof Promise) throw new Error('the core answered asynchronously: await kiosk.api instead');
    return structuredClone(answer);
  };
  return {
    exhibit: () => now(impl.getExhibit({})),
    section: (id: string) => now(impl.getSection({ id })),
    topic: (id: string) => now(impl.getTopic({ id })),
    artifact: (id: string) => now(impl.getArtifact({ id })),
    timeline: () => now(impl.getTimeline({})),
    search: (query: string, limit?: number) => now(impl.search({ query, limit })),
    qr: (text: string) => now(impl.getQr({ text })),
  };
}

/**
 * Lets every call under way answer (a PIN is checked by scrypt on another thread, an import
 * decodes images), then the renderer's promises and Svelte's updates run.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 20; round++) {
    for (let i = 0; i < 30; i++) await Promise.resolve();
    if (inFlight.size === 0) break;
    await Promise.allSettled([...inFlight]);
  }
  flushSync();
}
