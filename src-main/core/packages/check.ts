/**
 * Checking a package completely without touching the store: open it (hostile-archive checks),
 * verify its signature when the kiosk requires one, validate the manifest, and stage and check
 * every file (images, and recordings with their posters, captions and companions). `vitrine
 * validate` stops here; the importer goes on to write what passed.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { MANIFEST_FILE, type Manifest } from './manifest';
import { checkSignature, SIGNATURE_FILE } from './signing';
import { openPackageSource, readBytes, readText, type PackageSource, type SourceLimits } from './source';
import { stageMedia, type StagedPackage, type StageOptions } from './stage';
import { parseManifest } from './validate';

/** The largest manifest accepted (a 100,000-artifact exhibit fits comfortably). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SIGNATURE_BYTES = 16 * 1024;

export interface CheckOptions extends StageOptions {
  /** Public keys one of which must have signed the package; empty or absent: none required. */
  trustedKeys?: readonly string[] | undefined;
  limits?: Partial<SourceLimits> | undefined;
  /** Opens the package another way than from `path` (vitrine preview: a folder and a manifest in memory). */
  open?: (() => Promise<PackageSource>) | undefined;
  /** Asked once the manifest is read, before any image is staged: throws a PackageError to refuse it. */
  accept?: ((manifest: Manifest) => void) | undefined;
}

export interface CheckedPackage {
  manifest: Manifest;
  /** SHA-256 of manifest.json's exact bytes: identifies the content. */
  manifestSha256: string;
  /** Its images and recordings, staged and checked. */
  staged: StagedPackage;
  /** Fingerprint of the trusted key that signed it, or null when none was required. */
  signedBy: string | null;
}

/**
 * Validates a package completely (signature, manifest, files, checksums, images) into
 * `stagingDir` and hands the result to `use`; the staging folder is removed afterwards whatever happens.
 */
export async function withCheckedPackage<T>(path: string, stagingDir: string, options: CheckOptions, use: (checked: CheckedPackage) => Promise<T>): Promise<T> {
  const source = options.open ? await options.open() : await openPackageSource(path, options.limits);
  try {
    const bytes = await readBytes(source, MANIFEST_FILE, MAX_MANIFEST_BYTES);
    // The signature first: an untrusted package is refused before its content is even parsed.
    const sig = source.names().includes(SIGNATURE_FILE) ? await readText(source, SIGNATURE_FILE, MAX_SIGNATURE_BYTES) : null;
    const signedBy = checkSignature(bytes, sig, options.trustedKeys ?? []);
    const manifest = parseManifest(bytes.toString('utf8'));
    options.accept?.(manifest);
    const manifestSha256 = createHash('sha256').update(bytes).digest('hex');
    const staged = await stageMedia(source, manifest, stagingDir, options);
    return await use({ manifest, manifestSha256, staged, signedBy });
  } finally {
    await source.close();
    await rm(stagingDir, { recursive: true, force: true });
  }
}
