// @vitest-environment node
/**
 * Signed packages: a kiosk with trusted keys imports only packages whose manifest.sig was made
 * by one of them over the exact manifest.json, and refuses everything else in plain words,
 * leaving its store and files as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError } from '../../../src-main/core/packages/errors';
import { importPackage } from '../../../src-main/core/packages/importer';
import { generateSigningKeys, keyFingerprint } from '../../../src-main/core/packages/signing';
import { createSettingsStore } from '../../../src-main/core/settings/store';
import { openStore, type Store } from '../../../src-main/core/store/connection';
import { editManifest, folderFingerprint, makePackage, smallSource, tempDir } from '../../helpers/packages';
import { dumpStore } from '../../helpers/store';

const trusted = generateSigningKeys();
const stranger = generateSigningKeys();
let root: ReturnType<typeof tempDir>;
let dataDir: string;
let store: Store;
let signed: string;
let signedZip: string;
let unsigned: string;

// allowOlder: the same package is imported again and again here, signed and unsigned.
const importWith = (path: string, trustedKeys: string[]) => importPackage(store, path, { mediaDir: join(dataDir, 'media'), source: 'test', trustedKeys, allowOlder: true });

beforeAll(async () => {
  root = tempDir();
  const v2 = smallSource();
  v2.package.version = '2.0.0';
  unsigned = await makePackage(root.path, undefined, 'unsigned');
  signed = await makePackage(root.path, v2, 'signed', { signingKeyPem: trusted.privatePem });
  signedZip = await makePackage(root.path, v2, 'signed.vitrine', { signingKeyPem: trusted.privatePem });
  dataDir = join(root.path, 'data');
  store = openStore(join(dataDir, 'vitrine.sqlite'));
  await importWith(unsigned, []); // the live exhibit every refusal must leave alone
});
afterAll(() => {
  store.close();
  root.cleanup();
});

async function expectRefused(path: string, trustedKeys: string[], message: RegExp): Promise<void> {
  const rows = dumpStore(store);
  const files = folderFingerprint(dataDir);
  const error = await importWith(path, trustedKeys).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).file).toBe('manifest.sig');
  expect((error as PackageError).message).toMatch(message);
  expect(dumpStore(store)).toBe(rows);
  expect(folderFingerprint(dataDir)).toEqual(files);
}

describe('package signatures', () => {
  it('pack --sign writes manifest.sig beside manifest.json', () => {
    expect(existsSync(join(signed, 'manifest.sig'))).toBe(true);
    expect(existsSync(join(unsigned, 'manifest.sig'))).toBe(false);
  });

  it('a package signed by a trusted key is imported, and the version remembers the signer', async () => {
    const result = await importWith(signedZip, [stranger.publicKey, trusted.publicKey]);
    expect(result).toMatchObject({ version: '2.0.0', signedBy: keyFingerprint(trusted.publicKey), live: true });
    expect(store.db.prepare('SELECT signed_by FROM package_versions WHERE id = ?').get(result.versionId)).toEqual({ signed_by: keyFingerprint(trusted.publicKey) });
  });

  it('refuses an unsigned package when the kiosk trusts keys', () =>
    expectRefused(unsigned, [trusted.publicKey], /^manifest\.sig: a signature by one of this kiosk's trusted keys, but the package is not signed/));

  it('refuses a package signed by another key, naming both fingerprints', () =>
    expectRefused(signed, [stranger.publicKey], new RegExp(`but it is signed by another key \\(fingerprint ${keyFingerprint(trusted.publicKey)}; trusted: ${keyFingerprint(stranger.publicKey)}\\)`)));

  it('refuses a package whose manifest was changed after signing', async () => {
    const tampered = join(root.path, 'tampered');
    cpSync(signed, tampered, { recursive: true });
    editManifest(tampered, (m) => (m.artifacts[0].title = 'A title the curator never approved'));
    await expectRefused(tampered, [trusted.publicKey], /but the signature does not match manifest\.json \(the manifest was changed after it was signed\)/);
  });

  it('refuses a manifest.sig that is not a signature', async () => {
    const garbled = join(root.path, 'garbled');
    cpSync(signed, garbled, { recursive: true });
    writeFileSync(join(garbled, 'manifest.sig'), 'trust me');
    await expectRefused(garbled, [trusted.publicKey], /but this file is not a signature made by vitrine pack --sign/);
  });

  it('refuses a signature that names a trusted key but was made with another', async () => {
    const forged = join(root.path, 'forged');
    cpSync(join(root.path, 'signed'), forged, { recursive: true });
    const other = await makePackage(root.path, undefined, 'other-signed', { signingKeyPem: stranger.privatePem });
    const sig = JSON.parse(readFileSync(join(other, 'manifest.sig'), 'utf8'));
    writeFileSync(join(forged, 'manifest.sig'), JSON.stringify({ ...sig, publicKey: trusted.publicKey }));
    await expectRefused(forged, [trusted.publicKey], /but the signature does not match manifest\.json/);
  });

  it('without trusted keys, signed and unsigned packages are both accepted', async () => {
    expect((await importWith(unsigned, [])).signedBy).toBeNull();
    expect((await importWith(signed, [])).signedBy).toBeNull();
  });

  it('the trustedKeys setting accepts only Ed25519 public keys', () => {
    const settings = createSettingsStore(store.db);
    settings.set('trustedKeys', [trusted.publicKey]);
    expect(settings.get('trustedKeys')).toEqual([trusted.publicKey]);
    expect(() => settings.set('trustedKeys', ['not a key'])).toThrow(/trustedKeys\[0\] must be the one line of a \.pub file made by vitrine keygen; got "not a key"/);
    settings.reset('trustedKeys');
  });
});
