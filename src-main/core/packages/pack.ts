/**
 * Making a package from a source folder: a curator's folder (exhibit.yaml, Markdown and images,
 * read by source-format/), or a folder holding a manifest.json whose image sizes and checksums
 * may be left out (what scripts and tests generate). Packing fills in every size and SHA-256,
 * writes the package beside its destination, checks what it wrote exactly as a kiosk's import
 * will (signature, manifest, every image decoded and tiled: check.ts), and only then puts it in
 * place. "A package that packs is a package that imports" (issue 17): a truncated JPEG, a TIFF
 * named .jpg or a 240-megapixel image is refused here, never signed and handed on.
 */
import { createReadStream, createWriteStream, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { hashFile } from '../media/store';
import { packageFiles, type FileEntry } from './package-files';
import { withCheckedPackage } from './check';
import { PackageError, PackageProblems, Problems } from './errors';
import { MANIFEST_FILE, type Manifest } from './manifest';
import { signManifest, SIGNATURE_FILE } from './signing';
import { locate } from './source-format/checks';
import { EXHIBIT_FILE, isExhibitFolder, readExhibitSource, type ExhibitSource } from './source-format/exhibit-folder';
import type { Origins } from './source-format/fields';
import { parseManifest } from './validate';

/** What was packed. */
export interface PackResult {
  manifest: Manifest;
  output: string;
  files: number;
  bytes: number;
  /** True when manifest.sig was added. */
  signed: boolean;
  /** For a curator's folder: its counts and warnings (a section without topics, a stray file). */
  source: ExhibitSource | null;
}

/** Signing and progress for pack(). */
export interface PackOptions {
  /** An Ed25519 private key (PEM, from vitrine keygen): adds manifest.sig over manifest.json. */
  signingKeyPem?: string;
  /** Called as each file (image, recording, captions …) is measured and hashed. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each file is checked as a kiosk will (images decoded and tiled, recordings probed, captions parsed). */
  onCheck?: (done: number, total: number) => void;
}

type SourceDraft = { artifacts?: unknown };

/** The manifest a source folder describes, images not yet measured; refuses an unclear folder. */
function readSource(sourceDir: string): { draft: SourceDraft; source: ExhibitSource | null } {
  if (existsSync(sourceDir) && statSync(sourceDir).isFile() && basename(sourceDir) === EXHIBIT_FILE) {
    throw new PackageError(sourceDir, null, `a source folder: give the folder that holds ${EXHIBIT_FILE} (${dirname(sourceDir)}), not the file`);
  }
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) throw new PackageError(sourceDir, null, 'a source folder that exists');
  const curator = isExhibitFolder(sourceDir);
  const ready = existsSync(join(sourceDir, MANIFEST_FILE));
  if (curator && ready) throw new PackageError(sourceDir, null, `a source folder with either ${EXHIBIT_FILE} (a curator's source) or ${MANIFEST_FILE} (a package), but it has both`);
  if (curator) {
    const source = readExhibitSource(sourceDir);
    return { draft: source.manifest, source };
  }
  if (!ready) throw new PackageError(sourceDir, null, `a source folder holding ${EXHIBIT_FILE} (see docs/content-package.md, "Writing an exhibit"), or a package's ${MANIFEST_FILE}`);
  try {
    return { draft: JSON.parse(readFileSync(join(sourceDir, MANIFEST_FILE), 'utf8')), source: null };
  } catch (error) {
    throw new PackageError(MANIFEST_FILE, null, `valid JSON (${(error as Error).message})`);
  }
}

/** SHA-256 of images already hashed, by path, size and time (vitrine preview hashes an unchanged image once). */
export type HashCache = Map<string, { bytes: number; mtimeMs: number; sha256: string }>;

/** Reads a source folder and returns the complete manifest text (sizes and checksums filled in). */
export async function completeManifest(sourceDir: string, onProgress?: PackOptions['onProgress'], hashes?: HashCache): Promise<{ text: string; manifest: Manifest; source: ExhibitSource | null }> {
  const { draft, source } = readSource(sourceDir);
  const files = packageFiles(draft);
  const problems = new Problems();
  for (const [i, { file, entry, field }] of files.entries()) {
    onProgress?.(i + 1, files.length);
    if (file.includes('..')) continue; // the schema check names it below
    await problems.attemptAsync(() => measure(sourceDir, file, entry, field, hashes));
  }
  problems.check();
  const text = JSON.stringify(draft, null, 2) + '\n';
  const manifest = parseManifest(text);
  return { text, manifest, source };
}

/**
 * Fills in a file's size and SHA-256. A manifest.json that already states them must be right:
 * repacking a package never blesses a file that changed after its manifest was written.
 */
async function measure(sourceDir: string, file: string, media: FileEntry, field: string, hashes?: HashCache): Promise<void> {
  const path = join(sourceDir, file);
  let bytes: number;
  let mtimeMs: number;
  try {
    ({ size: bytes, mtimeMs } = await stat(path));
  } catch {
    throw new PackageError(MANIFEST_FILE, `${field}.file`, `the name of a file in the source folder, but "${file}" does not exist`);
  }
  // Said here, by its name: the schema would say "bytes: a positive whole number", a field nobody types.
  if (bytes === 0) throw new PackageError(file, null, 'a file with something in it, but it is empty (0 bytes): copy it or save it again from the program that made it');
  const known = hashes?.get(path);
  const sha256 = known && known.bytes === bytes && known.mtimeMs === mtimeMs ? known.sha256 : await hashFile(path);
  hashes?.set(path, { bytes, mtimeMs, sha256 });
  const stale = media.sha256 !== undefined && media.sha256 !== sha256 ? 'sha256' : media.bytes !== undefined && media.bytes !== bytes ? 'bytes' : null;
  if (stale) throw new PackageError(MANIFEST_FILE, `${field}.${stale}`, `the ${stale === 'bytes' ? 'size' : 'SHA-256'} of ${file}, but the file has another (leave "bytes" and "sha256" out to have them filled in)`);
  Object.assign(media, { bytes, sha256 });
}

/** A package archive by its name (.zip or .vitrine); any other output is a folder. */
const isArchiveName = (output: string): boolean => /\.(zip|vitrine)$/i.test(output);

/** Packs `sourceDir` into `output`: a folder, or a zip archive when `output` ends in `.zip` or `.vitrine`. */
export async function pack(sourceDir: string, output: string, options: PackOptions = {}): Promise<PackResult> {
  refuseToReplace(sourceDir, output);
  const { text, manifest, source } = await completeManifest(sourceDir, options.onProgress);
  const named = packageFiles(manifest);
  const files = named.map((f) => f.file);
  const bytes = named.reduce((n, f) => n + (f.entry.bytes as number), 0);
  // The signature covers the exact bytes written as manifest.json, which hold every file's checksum.
  const signature = options.signingKeyPem ? signManifest(Buffer.from(text), options.signingKeyPem) : null;
  const archive = isArchiveName(output);
  // Written beside its destination, checked, and only then put in place: a refused package is
  // never left where it could be copied to a kiosk.
  const partial = `${output}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    if (archive) await writeArchive(sourceDir, partial, text, signature, files);
    else await writeFolder(sourceDir, partial, text, signature, files);
    const signer = signature ? [(JSON.parse(signature) as { publicKey: string }).publicKey] : [];
    await checkAsKioskWill(partial, signer, source?.origins ?? null, options.onCheck);
    await rm(output, { recursive: true, force: true });
    await rename(partial, output);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return { manifest, output, files: files.length + (signature ? 2 : 1), bytes, signed: signature !== null, source };
}

/** What a package folder holds: pack may replace such a folder, never one holding anything else. */
const PACKAGE_ENTRIES = new Set([MANIFEST_FILE, SIGNATURE_FILE, 'media']);

/**
 * Refuses an `output` that holds what pack did not make, before any work: a curator who gave
 * --out the source folder itself, its parent or a document lost them to the package (found on a
 * curator's walk through the docs). Pack replaces only an earlier package: an archive file, or a
 * folder holding a manifest and media alone; a new or empty folder is filled.
 */
function refuseToReplace(sourceDir: string, output: string): void {
  const refuse = (expected: string) => new PackageError(output, '--out', expected);
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));
  const source = real(sourceDir);
  const out = real(output);
  const within = (path: string, folder: string) => {
    const r = relative(folder, path);
    return r === '' || (!r.startsWith('..') && !isAbsolute(r));
  };
  const outside = 'a place for the package outside the source folder';
  const beside = join(dirname(source), `${basename(source)}.vitrine`);
  if (out === source) throw refuse(`${outside}; this is the source folder, and packing there would replace ${EXHIBIT_FILE} and the rest (try --out ${beside})`);
  if (within(source, out)) throw refuse(`${outside}; this folder holds the source folder, and packing there would replace it (try --out ${beside})`);
  if (within(out, source)) throw refuse(`${outside}; this is inside it, and packing there would replace the source's own files (try --out ${beside})`);
  if (!existsSync(output)) return;
  const archive = isArchiveName(output);
  const isFolder = lstatSync(output).isDirectory();
  if (archive) {
    if (isFolder) throw refuse('a package file to write; this is a folder, which pack never replaces');
    return;
  }
  if (!isFolder) throw refuse('a folder to write the package in, or a package file ending in .vitrine or .zip; this is a file, which pack never replaces');
  const entries = readdirSync(output);
  if (entries.length === 0 || (entries.includes(MANIFEST_FILE) && entries.every((entry) => PACKAGE_ENTRIES.has(entry)))) return;
  const others = entries.filter((entry) => !PACKAGE_ENTRIES.has(entry));
  const named = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
  throw refuse(`a new folder, an empty one, or an earlier package folder to replace; this folder holds other files (${named}), which pack never replaces`);
}

/**
 * The kiosk's own check of a package (check.ts), run on what pack wrote. An image it refuses is
 * named as the curator wrote it: the file, and the artifact and line of exhibit.yaml that use it.
 */
async function checkAsKioskWill(path: string, trustedKeys: string[], origins: Origins | null, onProgress?: PackOptions['onCheck']): Promise<void> {
  const staging = await mkdtemp(join(tmpdir(), 'vitrine-pack-check-'));
  try {
    await withCheckedPackage(path, join(staging, 'check'), { tilesDir: join(staging, 'tiles'), trustedKeys, onProgress }, async () => undefined);
  } catch (error) {
    if (!(error instanceof PackageError) || !origins) throw error;
    const problems = error instanceof PackageProblems ? error.problems : [error];
    throw new PackageProblems(problems.map((problem) => inCuratorTerms(problem, origins)), error instanceof PackageProblems ? error.more : 0);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** An image's refusal with the artifact and the line of exhibit.yaml that name the image. */
function inCuratorTerms(problem: PackageError, origins: Origins): PackageError {
  if (!problem.media) return problem;
  const origin = locate(origins, problem.media);
  const where = origin.line ? `${origin.file}, line ${origin.line}` : origin.file;
  return new PackageError(problem.file, problem.field, `${problem.expected} (${origin.label}, ${where})`);
}

async function writeFolder(sourceDir: string, output: string, text: string, signature: string | null, files: string[]): Promise<void> {
  await rm(output, { recursive: true, force: true });
  await mkdir(join(output, 'media'), { recursive: true });
  for (const file of files) await copyFile(join(sourceDir, file), join(output, file));
  if (signature) await writeFile(join(output, SIGNATURE_FILE), signature);
  // The manifest last: a folder with a manifest is a complete folder.
  await writeFile(join(output, MANIFEST_FILE), text);
}

async function writeArchive(sourceDir: string, output: string, text: string, signature: string | null, files: string[]): Promise<void> {
  await mkdir(dirname(output), { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(text), MANIFEST_FILE);
  if (signature) zip.addBuffer(Buffer.from(signature), SIGNATURE_FILE);
  // Images are already compressed: store them, and save both cores the work.
  for (const file of files) zip.addReadStream(createReadStream(join(sourceDir, file)), file, { compress: false });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(output));
}
