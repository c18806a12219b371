/**
 * Making a package from a curator's source folder: `exhibit.json` (the manifest without file
 * sizes and checksums) plus the images beside it. Packing fills in every size and SHA-256,
 * validates the result exactly as a kiosk will, and writes a package folder or one zip archive.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { hashFile } from '../media/store';
import { PackageError } from './errors';
import { MANIFEST_FILE, type Manifest } from './manifest';
import { signManifest, SIGNATURE_FILE } from './signing';
import { parseManifest } from './validate';

export const SOURCE_FILE = 'exhibit.json';

/** What was packed. */
export interface PackResult {
  manifest: Manifest;
  output: string;
  files: number;
  bytes: number;
  /** True when manifest.sig was added. */
  signed: boolean;
}

/** Signing and progress for pack(). */
export interface PackOptions {
  /** An Ed25519 private key (PEM, from vitrine keygen): adds manifest.sig over manifest.json. */
  signingKeyPem?: string;
  /** Called as each image is measured and hashed. */
  onProgress?: (done: number, total: number) => void;
}

/** Reads a source folder and returns the complete manifest text (sizes and checksums filled in). */
export async function completeManifest(sourceDir: string, onProgress?: PackOptions['onProgress']): Promise<{ text: string; manifest: Manifest }> {
  let source: { artifacts?: { media?: { file?: unknown; sha256?: string; bytes?: number }[] }[] };
  try {
    source = JSON.parse(await readFile(join(sourceDir, SOURCE_FILE), 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PackageError(SOURCE_FILE, null, code === 'ENOENT' ? `a file named ${SOURCE_FILE} in ${sourceDir}` : `valid JSON (${(error as Error).message})`);
  }
  const artifacts = Array.isArray(source.artifacts) ? source.artifacts : [];
  const total = artifacts.reduce((n, a) => n + (Array.isArray(a.media) ? a.media.length : 0), 0);
  let done = 0;
  for (const [a, artifact] of artifacts.entries()) {
    for (const [m, media] of (Array.isArray(artifact.media) ? artifact.media : []).entries()) {
      onProgress?.(++done, total);
      if (typeof media.file !== 'string' || media.file.includes('..')) continue; // the schema check names it below
      const path = join(sourceDir, media.file);
      try {
        media.bytes = (await stat(path)).size;
      } catch {
        throw new PackageError(SOURCE_FILE, `artifacts[${a}].media[${m}].file`, `the name of an image beside ${SOURCE_FILE}, but "${media.file}" does not exist`);
      }
      media.sha256 = await hashFile(path);
    }
  }
  const text = JSON.stringify(source, null, 2) + '\n';
  const manifest = parseManifest(text);
  return { text, manifest };
}

/** Packs `sourceDir` into `output`: a folder, or a zip archive when `output` ends in `.zip` or `.vitrine`. */
export async function pack(sourceDir: string, output: string, options: PackOptions = {}): Promise<PackResult> {
  const { text, manifest } = await completeManifest(sourceDir, options.onProgress);
  const files = manifest.artifacts.flatMap((a) => a.media.map((m) => m.file));
  const bytes = manifest.artifacts.reduce((n, a) => n + a.media.reduce((k, m) => k + m.bytes, 0), 0);
  // The signature covers the exact bytes written as manifest.json, which hold every file's checksum.
  const signature = options.signingKeyPem ? signManifest(Buffer.from(text), options.signingKeyPem) : null;
  if (/\.(zip|vitrine)$/i.test(output)) await writeArchive(sourceDir, output, text, signature, files);
  else await writeFolder(sourceDir, output, text, signature, files);
  return { manifest, output, files: files.length + (signature ? 2 : 1), bytes, signed: signature !== null };
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
  const temp = `${output}.partial`;
  await pipeline(zip.outputStream, createWriteStream(temp));
  await rename(temp, output);
}
