/** `vitrine pack`, `validate` and `keygen`: making and checking packages, no kiosk needed. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckedPackage } from '../../core/packages/check';
import { PackageError, PackageProblems } from '../../core/packages/errors';
import { pack } from '../../core/packages/pack';
import { isExhibitFolder } from '../../core/packages/source-format/exhibit-folder';
import { generateSigningKeys, isEd25519PublicKey, keyFingerprint } from '../../core/packages/signing';
import { progress, rejectUnknownOptions, takeFlag, takeOption, takeOptions, UsageError } from '../args';

/** vitrine pack <source> --out <package> [--sign key] */
export async function packCommand(args: string[]): Promise<number> {
  const out = takeOption(args, '--out');
  const keyFile = takeOption(args, '--sign');
  rejectUnknownOptions(args, 'pack');
  const [source] = args;
  if (!source || !out) throw new UsageError('pack needs a source folder and --out');
  const signingKeyPem = keyFile === undefined ? undefined : readKeyFile(keyFile);
  const result = await pack(source, out, { signingKeyPem, onProgress: progress('Hashing', 'files'), onCheck: progress('Checking', 'files') });
  const { title, version } = result.manifest.package;
  console.log(`Packed "${title}" ${version}: ${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB${result.signed ? ', signed' : ''} -> ${result.output}`);
  return 0;
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`The signing key ${path} cannot be read (make one with vitrine keygen --out <name>)`);
  }
}

/** A public key given on the command line: a .pub file, or the key's one line itself. */
function readPublicKey(value: string): string {
  const text = existsSync(value) ? readFileSync(value, 'utf8').trim() : value.trim();
  if (!isEd25519PublicKey(text)) throw new UsageError(`--trusted ${value} is neither a .pub file made by vitrine keygen nor such a key`);
  return text;
}

/** vitrine validate <package | source folder> [--trusted pub]... */
export async function validateCommand(args: string[]): Promise<number> {
  const trustedKeys = takeOptions(args, '--trusted').map(readPublicKey);
  const json = takeFlag(args, '--json');
  rejectUnknownOptions(args, 'validate');
  const [path] = args;
  if (!path) throw new UsageError('validate needs a package or a source folder');
  const source = isExhibitFolder(path);
  if (source && trustedKeys.length > 0) throw new UsageError(`--trusted checks a package's signature, but ${path} is a curator's source folder (vitrine pack --sign signs it)`);
  const staging = await mkdtemp(join(tmpdir(), 'vitrine-validate-'));
  try {
    // A source folder is checked as the package it packs into: a source that validates is one that imports.
    const quiet = json ? {} : { onProgress: progress('Hashing', 'files'), onCheck: progress('Checking', 'files') };
    // A source folder: pack it aside, which checks the package exactly as an import will (pack.ts),
    // so its images are decoded and tiled once, not twice. A package: the kiosk's own check.
    const packed = source ? await pack(path, join(staging, 'packed'), quiet) : null;
    const options = { tilesDir: join(staging, 'tiles'), trustedKeys, onProgress: json ? undefined : progress('Checking', 'files') };
    const summary = packed
      ? { manifest: packed.manifest, images: packed.manifest.artifacts.reduce((n, a) => n + a.media.length, 0), signedBy: null }
      : await withCheckedPackage(path, join(staging, 'check'), options, async ({ manifest, staged, signedBy }) => ({ manifest, images: staged.images.size, signedBy }));
    const { title, version } = summary.manifest.package;
    const counts = packed?.source?.summary;
    const warnings = packed?.source?.warnings ?? [];
    if (json) {
      const place = (w: { file: string; field: string | null; expected: string }) => ({ file: w.file, place: w.field, expected: w.expected });
      console.log(JSON.stringify({ valid: true, source, package: summary.manifest.package, artifacts: summary.manifest.artifacts.length, images: summary.images, signedBy: summary.signedBy, ...(counts ? { counts } : {}), warnings: warnings.map(place) }, null, 2));
      return 0;
    }
    const signed = summary.signedBy ? `, signed by trusted key ${summary.signedBy}` : '';
    console.log(`Valid${source ? ' source' : ''}: "${title}" ${version}, ${summary.manifest.artifacts.length} artifacts, ${summary.images} images${signed}.`);
    if (counts) console.log(`  ${counts.sections} sections, ${counts.topics} topics, ${counts.artifacts} artifacts, ${counts.images} images; languages: ${counts.languages.join(', ')}.`);
    for (const w of warnings) console.log(`  Warning: ${w.message}`);
  } catch (error) {
    // For scripts: the refusal as JSON on standard output too, every problem with its place.
    if (!json || !(error instanceof PackageError)) throw error;
    const problems = error instanceof PackageProblems ? error.problems : [error];
    console.log(JSON.stringify({ valid: false, problems: problems.map((p) => ({ file: p.file, place: p.field, expected: p.expected })) }, null, 2));
    return 1;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return 0;
}

/** vitrine keygen --out <name> */
export async function keygenCommand(args: string[]): Promise<number> {
  const out = takeOption(args, '--out');
  rejectUnknownOptions(args, 'keygen');
  if (!out || args.length > 0) throw new UsageError('keygen needs --out <name> and nothing else');
  const keyPath = `${out}.key`;
  const pubPath = `${out}.pub`;
  const { privatePem, publicKey } = generateSigningKeys();
  // 'wx': never overwrite a key; losing the old one would orphan every kiosk that trusts it.
  try {
    await writeFile(keyPath, privatePem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${keyPath} already exists: choose another name (an existing key is never overwritten)`);
    throw error;
  }
  await writeFile(pubPath, `${publicKey}\n`, { flag: 'w' });
  console.log(`Wrote ${keyPath} (private: keep it safe, never copy it to a kiosk) and ${pubPath}.`);
  console.log(`Key fingerprint: ${keyFingerprint(publicKey)}`);
  console.log(`To make a kiosk accept only packages signed with it:\n  vitrine settings set trustedKeys '${JSON.stringify([publicKey])}'`);
  return 0;
}
