// @vitest-environment node
/**
 * channel.json and `vitrine publish` (issue 22): a channel is signed, survives reformatting but
 * not a changed byte of meaning, and publish refuses what kiosks would refuse before any kiosk
 * sees it: an unsigned package, an older version, the same version with other content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelError, canonicalJson, entryFor, readChannel, signChannel, type ChannelBody } from '../../../src-main/core/channel/channel-file';
import { publishPackage } from '../../../src-main/core/channel/publish';
import { generateSigningKeys, keyFingerprint } from '../../../src-main/core/packages/signing';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';

const key = generateSigningKeys();
const stranger = generateSigningKeys();
let root: ReturnType<typeof tempDir>;
let v1: string;
let v2: string;
let unsigned: string;
let v1Other: string;

const withVersion = (version: string) => {
  const source = smallSource();
  source.package.version = version;
  return source;
};
const body = (over: Partial<ChannelBody> = {}): ChannelBody => ({
  format: 'vitrine-channel', formatVersion: 1, sequence: 1, published: '2026-12-04T20:00:00.000Z',
  packages: [{ group: null, packageId: 'p', version: '1.0.0', title: 'P', bytes: 10, sha256: 'a'.repeat(64), url: 'packages/p-1.0.0.vitrine' }],
  ...over,
});
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

beforeAll(async () => {
  root = tempDir();
  v1 = await makePackage(root.path, withVersion('1.0.0'), 'v1.vitrine', { signingKeyPem: key.privatePem });
  v2 = await makePackage(root.path, withVersion('2.0.0'), 'v2.vitrine', { signingKeyPem: key.privatePem });
  unsigned = await makePackage(root.path, withVersion('3.0.0'), 'unsigned.vitrine');
  // The same id and version as v1, other images: what a curator makes forgetting to raise the version.
  v1Other = await makePackage(root.path, withVersion('1.0.0'), 'v1-other.vitrine', { signingKeyPem: key.privatePem, seeds: { 'media/a1-1.jpg': 99 } });
}, 60_000);
afterAll(() => root.cleanup());

describe('channel.json', () => {
  it('reads back what was signed, also when a server or an editor reformats it', () => {
    const text = signChannel(body(), key.privatePem);
    expect(readChannel(text, [key.publicKey])).toEqual(body());
    const reformatted = JSON.stringify(JSON.parse(text)); // one line, the same content
    expect(readChannel(reformatted, [key.publicKey]).sequence).toBe(1);
  });

  it('refuses a changed field, another key, and no trusted key, saying which', () => {
    const text = signChannel(body(), key.privatePem);
    const changed = text.replace('"version": "1.0.0"', '"version": "9.0.0"');
    expect(changed).not.toBe(text);
    expect(() => readChannel(changed, [key.publicKey])).toThrow(/changed after it was signed/);
    expect(() => readChannel(signChannel(body(), stranger.privatePem), [key.publicKey])).toThrow(
      `signed by key ${keyFingerprint(stranger.publicKey)}`,
    );
    expect(() => readChannel(text, [])).toThrow(/none set/);
    const unsignedText = JSON.stringify(body());
    expect(() => readChannel(unsignedText, [key.publicKey])).toThrow(/signature: expected a signature/);
  });

  it('names the field a hand-made channel.json gets wrong', () => {
    const bad = JSON.parse(signChannel(body(), key.privatePem));
    bad.packages[0].sha256 = 'xyz';
    expect(() => readChannel(JSON.stringify(bad), [key.publicKey])).toThrow('channel.json: packages[0].sha256: expected 64 lower-case hex digits');
    expect(() => readChannel('{not json', [key.publicKey])).toThrow(ChannelError);
  });

  it("gives a kiosk its group's package, else the fleet's", () => {
    const entry = body().packages[0]!;
    const channel = body({ packages: [entry, { ...entry, group: 'east-wing', version: '2.0.0' }] });
    expect(entryFor(channel, 'east-wing')?.version).toBe('2.0.0');
    expect(entryFor(channel, 'west-wing')?.version).toBe('1.0.0');
    expect(entryFor(channel, null)?.version).toBe('1.0.0');
    expect(entryFor(body({ packages: [{ ...entry, group: 'east-wing' }] }), null)).toBeNull();
  });

  it('signs the canonical form: keys sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });
});

describe('vitrine publish', () => {
  it('copies the package and writes a signed channel.json whose hash and size are the file', async () => {
    const channel = join(root.path, 'channel-a');
    const result = await publishPackage({ archive: v1, channelDir: channel, privatePem: key.privatePem, group: null });
    expect(result).toMatchObject({ sequence: 1, copied: true, entry: { packageId: 'test-exhibit', version: '1.0.0', url: 'packages/test-exhibit-1.0.0.vitrine' } });
    const read = readChannel(readFileSync(join(channel, 'channel.json'), 'utf8'), [key.publicKey]);
    const served = join(channel, read.packages[0]!.url);
    expect(read.packages[0]!.sha256).toBe(sha(served));
    expect(read.packages[0]!.bytes).toBe(readFileSync(served).length);
    expect(readFileSync(served).equals(readFileSync(v1))).toBe(true);
  });

  it("a group's package keeps the fleet's, and the sequence grows", async () => {
    const channel = join(root.path, 'channel-b');
    await publishPackage({ archive: v1, channelDir: channel, privatePem: key.privatePem, group: null });
    const second = await publishPackage({ archive: v2, channelDir: channel, privatePem: key.privatePem, group: 'east-wing' });
    expect(second.sequence).toBe(2);
    const read = readChannel(readFileSync(join(channel, 'channel.json'), 'utf8'), [key.publicKey]);
    expect(read.packages.map((p) => [p.group, p.version])).toEqual([[null, '1.0.0'], ['east-wing', '2.0.0']]);
    // Publishing the same package again changes nothing but the sequence.
    const again = await publishPackage({ archive: v2, channelDir: channel, privatePem: key.privatePem, group: 'east-wing' });
    expect(again).toMatchObject({ sequence: 3, copied: false });
  });

  it('refuses an unsigned package, an older version, and the same version with other content; the channel stays as it was', async () => {
    const channel = join(root.path, 'channel-c');
    await publishPackage({ archive: v2, channelDir: channel, privatePem: key.privatePem, group: null });
    const before = readFileSync(join(channel, 'channel.json'), 'utf8');
    await expect(publishPackage({ archive: unsigned, channelDir: channel, privatePem: key.privatePem, group: null })).rejects.toThrow(/manifest.sig.*not signed/);
    await expect(publishPackage({ archive: v1, channelDir: channel, privatePem: key.privatePem, group: null })).rejects.toThrow(/1.0.0 is older/);
    expect(readFileSync(join(channel, 'channel.json'), 'utf8')).toBe(before);
    expect(existsSync(join(channel, 'packages/test-exhibit-1.0.0.vitrine'))).toBe(false);

    const other = join(root.path, 'channel-d');
    await publishPackage({ archive: v1, channelDir: other, privatePem: key.privatePem, group: null });
    await expect(publishPackage({ archive: v1Other, channelDir: other, privatePem: key.privatePem, group: null })).rejects.toThrow(/with other content.*Raise package.version/);
  });

  it('refuses a folder, another key than the channel was signed with, and a key that is not one', async () => {
    const channel = join(root.path, 'channel-e');
    await expect(publishPackage({ archive: root.path, channelDir: channel, privatePem: key.privatePem, group: null })).rejects.toThrow(/is a folder: pack it/);
    await publishPackage({ archive: v1, channelDir: channel, privatePem: key.privatePem, group: null });
    const strangerPackage = await makePackage(root.path, withVersion('4.0.0'), 'stranger.vitrine', { signingKeyPem: stranger.privatePem });
    await expect(publishPackage({ archive: strangerPackage, channelDir: channel, privatePem: stranger.privatePem, group: null })).rejects.toThrow(/signed by another key/);
    await expect(publishPackage({ archive: v1, channelDir: channel, privatePem: 'hello', group: null })).rejects.toThrow(/not an Ed25519 private key/);
  });
});
