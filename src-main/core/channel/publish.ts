/**
 * `vitrine publish` (issue 22): puts a package into a channel folder, the files to serve from any
 * static web server. The package is checked whole first, as a kiosk will check it, and must be
 * signed with the publishing key (kiosks that trust the channel require signed packages too).
 * The package is written before channel.json, and each by a rename, so a web server serving
 * the folder itself never hands out half a file or a channel.json naming a missing package.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { withCheckedPackage } from '../packages/check';
import { compareVersions } from '../packages/version-order';
import { CHANNEL_FILE, CHANNEL_FORMAT, ChannelError, channelSigner, readChannel, signChannel, type ChannelBody, type ChannelEntry } from './channel-file';

export interface PublishOptions {
  /** A package archive made by `vitrine pack --sign`. */
  archive: string;
  /** The channel folder (created if missing): what is uploaded to, or served by, the web server. */
  channelDir: string;
  /** The PEM private key from `vitrine keygen` (the package must be signed with it too). */
  privatePem: string;
  /** The group of kiosks this package is for; null for the whole fleet. */
  group: string | null;
  now?: Date;
  onCheck?: (done: number, total: number) => void;
}

export interface PublishResult {
  entry: ChannelEntry;
  sequence: number;
  /** The other groups' entries, kept as they were. */
  others: ChannelEntry[];
  /** False when the same package was already in the folder. */
  copied: boolean;
}

/** Checks the package, copies it into `<channel>/packages/`, and writes a new signed channel.json. */
export async function publishPackage(options: PublishOptions): Promise<PublishResult> {
  const { archive, channelDir, privatePem, group } = options;
  const info = await stat(archive).catch(() => null);
  if (!info) throw new ChannelError(`${archive}: no such file`);
  if (!info.isFile()) throw new ChannelError(`${archive} is a folder: pack it into one archive first (vitrine pack <folder> --out <name>.vitrine --sign <key>)`);
  const publicKey = publicKeyOf(privatePem);

  const staging = await mkdtemp(join(tmpdir(), 'vitrine-publish-'));
  let manifest;
  try {
    // A kiosk following the channel trusts this key, so it requires the package to be signed by it.
    manifest = await withCheckedPackage(archive, join(staging, 'check'), { tilesDir: join(staging, 'tiles'), trustedKeys: [publicKey], onProgress: options.onCheck }, async (c) => c.manifest);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  const { id: packageId, version, title } = manifest.package;
  const sha256 = await hashFile(archive);

  const channelPath = join(channelDir, CHANNEL_FILE);
  const previous = await readPrevious(channelPath, publicKey);
  const same = previous?.packages.find((p) => p.group === group) ?? null;
  if (same && same.packageId === packageId && compareVersions(version, same.version) < 0) {
    throw new ChannelError(`${channelPath} offers "${same.title}" ${same.version}${group ? ` to the group ${group}` : ''}: ${version} is older, and kiosks would refuse it. Publish a newer version.`);
  }
  if (same && same.packageId === packageId && same.version === version && same.sha256 !== sha256) {
    throw new ChannelError(`${channelPath} already offers "${title}" ${version} with other content: kiosks that have it would never take the change. Raise package.version and pack again.`);
  }

  const name = `packages/${packageId.replace(/[^A-Za-z0-9._-]/g, '-')}-${version}.vitrine`;
  const target = join(channelDir, name);
  await mkdir(join(channelDir, 'packages'), { recursive: true });
  const existing = await stat(target).catch(() => null);
  let copied = false;
  if (existing) {
    if ((await hashFile(target)) !== sha256) {
      throw new ChannelError(`${target} already holds another package of this id and version: raise package.version and pack again (a published file is never replaced, as kiosks may be downloading it).`);
    }
  } else {
    const temp = `${target}.${process.pid}.tmp`;
    await copyFile(archive, temp);
    await rename(temp, target);
    copied = true;
  }

  const entry: ChannelEntry = { group, packageId, version, title, bytes: info.size, sha256, url: name };
  const others = (previous?.packages ?? []).filter((p) => p.group !== group);
  const body: ChannelBody = {
    format: CHANNEL_FORMAT,
    formatVersion: 1,
    sequence: (previous?.sequence ?? 0) + 1,
    published: (options.now ?? new Date()).toISOString(),
    // The fleet's entry first, then groups by name: a stable file that reads well.
    packages: [...others, entry].sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '')),
  };
  const text = signChannel(body, privatePem);
  const temp = `${channelPath}.${process.pid}.tmp`;
  await writeFile(temp, text);
  await rename(temp, channelPath);
  return { entry, sequence: body.sequence, others, copied };
}

function publicKeyOf(privatePem: string): string {
  try {
    const key = createPrivateKey(privatePem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
    return createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  } catch {
    throw new ChannelError('The --key file is not an Ed25519 private key made by vitrine keygen.');
  }
}

/** The channel.json already in the folder, checked with the publishing key; null when there is none. */
async function readPrevious(path: string, publicKey: string): Promise<ChannelBody | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  const signer = channelSigner(text);
  if (signer !== null && signer.trim() !== publicKey) {
    throw new ChannelError(`${path} is signed by another key: publish with the key the kiosks trust, or start a new channel folder.`);
  }
  return readChannel(text, [publicKey], `${basename(path)} in the channel folder`);
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
