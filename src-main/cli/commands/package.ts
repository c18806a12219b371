/** `vitrine pack`, `validate` and `keygen`: making and checking packages, no kiosk needed. */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckedPackage } from '../../core/packages/check';
import { pack } from '../../core/packages/pack';
import { isExhibitFolder } from '../../core/packages/source-format/exhibit-folder';
import { generateSigningKeys, isEd25519PublicKey, keyFingerprint } from '../../core/packages/signing';
import { progress, rejectUnknownOptions, takeOption, takeOptions, UsageError } from '../args';

/** vitrine pack <source> --out <package> [--sign key] */
export async function packCommand(args: string[]): Promise<number> {
  const out = takeOption(args, '--out');
  const keyFile = takeOption(args, '--sign');
  rejectUnknownOptions(args, 'pack');
  const [source] = args;
  if (!source || !out) throw new UsageError('pack needs a source folder and --out');
  const signingKeyPem = keyFile === undefined ? undefined : readKeyFile(keyFile);
  const result = await pack(source, out, { signingKeyPem, onProgress: progress('Hashing', 'images'), onCheck: progress('Checking', 'images') });
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
  rejectUnknownOptions(args, 'validate');
  const [path] = args;
  if (!path) throw new UsageError('validate needs a package or a source folder');
  const source = isExhibitFolder(path);
  if (source && trustedKeys.length > 0) throw new UsageError(`--trusted checks a package's signature, but ${path} is a curator's source folder (vitrine pack --sign signs it)`);
  const staging = await mkdtemp(join(tmpdir(), 'vitrine-validate-'));
  try {
    // A source folder is checked as the package it packs into: a source that validates is one that imports.
    const checked = source ? (await pack(path, join(staging, 'packed'), { onProgress: progress('Hashing', 'images'), onCheck: progress('Checking', 'images') })).output : path;
    const options = { tilesDir: join(staging, 'tiles'), trustedKeys, onProgress: progress('Checking', 'images') };
    const summary = await withCheckedPackage(checked, join(staging, 'check'), options, async ({ manifest, staged, signedBy }) => ({ manifest, images: staged.size, signedBy }));
    const { title, version } = summary.manifest.package;
    const signed = summary.signedBy ? `, signed by trusted key ${summary.signedBy}` : '';
    console.log(`Valid${source ? ' source' : ''}: "${title}" ${version}, ${summary.manifest.artifacts.length} artifacts, ${summary.images} images${signed}.`);
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
