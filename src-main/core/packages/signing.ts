/**
 * Package signatures (Ed25519, node:crypto). `manifest.sig` signs the exact bytes of
 * manifest.json, and the manifest lists every file's size and SHA-256, so one signature vouches
 * for the whole package. A kiosk with trusted keys refuses a package no trusted key signed.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { PackageError } from './errors';

export const SIGNATURE_FILE = 'manifest.sig';
const SIGNATURE_FORMAT = 'vitrine-signature';
const EXPECTED = "a signature by one of this kiosk's trusted keys";

/** A new key pair: the private key as PKCS#8 PEM, the public key as one line of base64 SPKI DER. */
export function generateSigningKeys(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** Parses a public key line (base64 SPKI DER); null when it is not an Ed25519 public key. */
export function parsePublicKey(text: string): KeyObject | null {
  const line = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(line)) return null;
  try {
    const key = createPublicKey({ key: Buffer.from(line, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** True for one line of base64 SPKI DER holding an Ed25519 public key. */
export function isEd25519PublicKey(text: string): boolean {
  return parsePublicKey(text) !== null;
}

/** A short, stable name for a key that staff can compare: the first 16 hex digits of its SHA-256. */
export function keyFingerprint(publicKey: string): string {
  return createHash('sha256').update(Buffer.from(publicKey.trim(), 'base64')).digest('hex').slice(0, 16);
}

/** The text of manifest.sig for `manifestBytes`, signed with a PKCS#8 PEM private key. */
export function signManifest(manifestBytes: Buffer, privatePem: string): string {
  let key: KeyObject;
  try {
    key = createPrivateKey(privatePem);
  } catch {
    throw new PackageError('signing key', null, 'a private key file made by vitrine keygen (PEM)');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PackageError('signing key', null, 'an Ed25519 private key made by vitrine keygen');
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  const signature = sign(null, manifestBytes, key).toString('base64');
  return JSON.stringify({ format: SIGNATURE_FORMAT, algorithm: 'ed25519', publicKey, signature }, null, 2) + '\n';
}

/**
 * Checks `sigText` (null when the package has no manifest.sig) against the manifest bytes and the
 * trusted keys; returns the signer's fingerprint. With no trusted keys, nothing is required.
 */
export function checkSignature(manifestBytes: Buffer, sigText: string | null, trustedKeys: readonly string[]): string | null {
  if (trustedKeys.length === 0) return null;
  const refuse = (why: string) => new PackageError(SIGNATURE_FILE, null, `${EXPECTED}, but ${why}`);
  if (sigText === null) throw refuse('the package is not signed (sign it with vitrine pack --sign <name>.key)');
  let sig: { format?: unknown; algorithm?: unknown; publicKey?: unknown; signature?: unknown };
  try {
    sig = JSON.parse(sigText);
  } catch {
    throw refuse('this file is not a signature made by vitrine pack --sign');
  }
  if (sig?.format !== SIGNATURE_FORMAT || sig.algorithm !== 'ed25519' || typeof sig.publicKey !== 'string' || typeof sig.signature !== 'string') {
    throw refuse('this file is not a signature made by vitrine pack --sign');
  }
  const signer = parsePublicKey(sig.publicKey);
  if (!signer) throw refuse('the key named in it is not an Ed25519 public key');
  const trusted = trustedKeys.map((k) => k.trim());
  const fingerprint = keyFingerprint(sig.publicKey);
  if (!trusted.includes(sig.publicKey.trim())) {
    throw refuse(`it is signed by another key (fingerprint ${fingerprint}; trusted: ${trusted.map(keyFingerprint).join(', ')})`);
  }
  if (!verify(null, manifestBytes, signer, Buffer.from(sig.signature, 'base64'))) {
    throw refuse('the signature does not match manifest.json (the manifest was changed after it was signed)');
  }
  return fingerprint;
}
