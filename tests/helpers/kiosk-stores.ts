/**
 * Real kiosk data folders for the component tests, built once per test run (their global setup):
 * the built-in exhibit's curator source, packed by the real `pack` and imported by the real core
 * as a kiosk imports its built-in package on first start, with a staff PIN set as
 * `vitrine staff set-pin` sets it. Each test then opens a copy (tests/component/real-kiosk.ts).
 * The stand-in images are made at build and are large; small real images take their place, so
 * that importing costs well under a second a package.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { createLogger } from '../../src-main/core/log';
import { generateSigningKeys } from '../../src-main/core/packages/signing';
import { pack } from '../../src-main/core/packages/pack';
import { readExhibitFolder } from '../../src-main/core/packages/source-format/exhibit-folder';
import { createPinStore } from '../../src-main/core/staff/pin';
import { openVitrine, type VitrineCore } from '../../src-main/core/vitrine';
import { BUILTIN_DIR, editManifest, makeImage, makePackage, smallSource, writeSource } from './packages';
import { folderEntries, makeZip } from './zips';

/** The staff PIN of every store (set with the core's own PIN store: a real scrypt hash). */
const STAFF_PIN = '2468';

/** Paths the global setup hands the tests: data folders to copy, and packages to bring to a kiosk. */
export interface KioskStores {
  /** The staff PIN of every store. */
  pin: string;
  /** The built-in exhibit (version 1.0.0), live; the staff PIN set. */
  exhibit: string;
  /**
   * The same exhibit as a curator might vary it: an attract loop of its own (title, invitation,
   * three objects), obj1 with a translation, obj5 without a permanent address, nothing dated.
   */
  variant: string;
  /** `exhibit` with version 1.1.0 live (1.0.0 kept to roll back to), Sunday closed, and a refused package in the inbox log. */
  staff: string;
  packages: {
    /** The built-in exhibit 1.0.0 as a zip archive. */
    builtin: string;
    /** The built-in exhibit 1.1.0. */
    newer: string;
    /** The same, signed with `signingKey` (a zip archive). */
    signed: string;
    signingKey: string;
    /** "New Acquisitions" 2.0.0, a small package of another id, as a zip archive. */
    acquisitions: string;
    /** A small package written in Russian. */
    russian: string;
  };
  /** The words of the translation given to obj1 in `variant`. */
  translation: string[];
}

const TRANSLATION = ['To the Council of People’s Commissars:', 'Shipments of grain are to proceed via Riga — without delay.'];

/** Changes a curator might make to the built-in exhibit's source. */
interface SourceEdits {
  yaml?: (yaml: Document) => void;
  /** Files to add: path inside the folder to text. */
  files?: Record<string, string>;
  /** No timeline and no topic periods: an exhibit that dates nothing. */
  undated?: boolean;
}

/** The built-in exhibit's curator folder, copied with small real images, and edited. */
export async function builtinSource(dir: string, { yaml: edit, files = {}, undated = false }: SourceEdits = {}): Promise<string> {
  mkdirSync(join(dir, 'media'), { recursive: true });
  cpSync(join(BUILTIN_DIR, 'sections'), join(dir, 'sections'), { recursive: true });
  if (undated) {
    // The `period:` block of each topic's front matter goes.
    for (const name of readdirSync(join(dir, 'sections'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.md'))) {
      const path = join(dir, 'sections', name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^period:\n(?: {2}.*\n)+/m, ''));
    }
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  const yaml = parseDocument(readFileSync(join(BUILTIN_DIR, 'exhibit.yaml'), 'utf8'));
  edit?.(yaml);
  if (undated) yaml.delete('timeline');
  writeFileSync(join(dir, 'exhibit.yaml'), String(yaml));
  const images = readExhibitFolder(dir, { images: false }).artifacts.flatMap((a) => a.media.map((m) => m.file));
  for (const [n, file] of images.entries()) await makeImage(join(dir, file), n + 1);
  return dir;
}

const quiet = createLogger(() => {});

/** Opens a data folder as a kiosk does, importing `builtin` when nothing is live yet. */
function open(dataDir: string, builtin: string | null): Promise<VitrineCore> {
  return openVitrine({ dataDir, builtinPackage: builtin, log: quiet, inbox: { watch: () => ({ close() {} }), stableMs: 0 } });
}

/** A kiosk data folder first started with `builtin`, and the staff PIN set. */
async function firstStart(dataDir: string, builtin: string): Promise<void> {
  const core = await open(dataDir, builtin);
  await createPinStore(core.store.db).set(STAFF_PIN);
  core.close();
}

/**
 * "New Acquisitions" 2.0.0: smallSource's words under another id, with images large enough
 * (800 px) that importing them takes a moment the staff screen can be seen to follow.
 */
async function acquisitionsSource(dir: string): Promise<string> {
  const source = smallSource();
  source.package = { id: 'new-acquisitions', version: '2.0.0', title: 'New Acquisitions' };
  await writeSource(dir, source);
  const images: string[] = source.artifacts.flatMap((a: { media: { file: string }[] }) => a.media.map((m) => m.file));
  for (const [n, file] of images.entries()) await makeImage(join(dir, file), n + 1, 800, 800);
  return dir;
}

/** Builds every store and package under `root` (a fresh folder). */
export async function buildKioskStores(root: string): Promise<KioskStores> {
  const at = (...parts: string[]) => join(root, ...parts);
  const packed = async (source: string, out: string, signingKeyPem?: string) => (await pack(source, at('packages', out), { signingKeyPem })).output;

  const [builtin, variant, newer, acquisitions] = await Promise.all([
    builtinSource(at('src', 'builtin')),
    builtinSource(at('src', 'variant'), {
      yaml: (yaml) => {
        yaml.set('attract', { title: 'Step into the archive', invitation: 'Tap anywhere to read the Cold War’s secrets', artifacts: ['obj1', 'obj2', 'obj3'] });
        yaml.deleteIn(['artifacts', 'obj1', 'translationNote']);
        yaml.setIn(['artifacts', 'obj1', 'translation'], 'translations/obj1.md');
        yaml.deleteIn(['artifacts', 'obj5', 'permanentUrl']);
      },
      files: { 'translations/obj1.md': TRANSLATION.join('\n\n') + '\n' },
      undated: true,
    }),
    builtinSource(at('src', 'newer'), { yaml: (yaml) => yaml.setIn(['package', 'version'], '1.1.0') }),
    acquisitionsSource(at('src', 'acquisitions')),
  ]);
  const keys = generateSigningKeys();
  const russian = smallSource();
  Object.assign(russian.exhibit, { language: 'ru', title: 'Тестовая выставка' });

  const [builtinFolder, builtinZip, variantFolder, newerFolder, signed, acquisitionsZip, russianFolder, malformed] = await Promise.all([
    packed(builtin, 'builtin'),
    packed(builtin, 'builtin-1.0.0.zip'),
    packed(variant, 'variant'),
    packed(newer, 'builtin-1.1.0'),
    packed(newer, 'builtin-1.1.0-signed.zip', keys.privatePem),
    packed(acquisitions, 'acquisitions-2.0.0.zip'),
    makePackage(at('packages'), russian, 'russian'),
    makePackage(at('packages'), smallSource(), 'malformed'),
  ]);

  const stores = { exhibit: at('stores', 'exhibit'), variant: at('stores', 'variant'), staff: at('stores', 'staff') };
  await Promise.all([firstStart(stores.exhibit, builtinFolder), firstStart(stores.variant, variantFolder)]);
  await staffStore(stores.exhibit, stores.staff, newerFolder, malformed, at('inbox'));
  return { ...stores, pin: STAFF_PIN, packages: { builtin: builtinZip, newer: newerFolder, signed, signingKey: keys.publicKey, acquisitions: acquisitionsZip, russian: russianFolder }, translation: TRANSLATION };
}

/**
 * The staff screen's kiosk: a newer version imported and gone live while the kiosk was idle, the
 * museum closed on Sundays, and a package with a malformed version refused from the inbox.
 */
async function staffStore(from: string, dataDir: string, newer: string, malformed: string, inbox: string): Promise<void> {
  cpSync(from, dataDir, { recursive: true });
  const core = await open(dataDir, null);
  try {
    core.publisher.report('attract');
    await core.importPackage(newer, 'inbox: builtin-1.1.0');
    const week = core.settings.get('openingHours');
    core.settings.set('openingHours', { ...week, sunday: null });
    editManifest(malformed, (m) => void (m.package.version = '1.2'));
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'old.zip'), await makeZip(folderEntries(malformed)));
    core.settings.set('inboxDir', inbox);
    // Seen once, then taken once its size stood still (stableMs 0): as a kiosk's inbox does.
    await core.inbox.scan();
    await core.inbox.scan();
    core.settings.reset('inboxDir');
  } finally {
    core.close();
  }
}
