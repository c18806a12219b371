/**
 * channel.json (issue 22): what a web server tells a fleet of kiosks to show. It names, for the
 * whole fleet and optionally per group of kiosks, one package: its id, version, size, SHA-256 and
 * address. It is signed with the same Ed25519 keys as packages (`vitrine keygen`), so a kiosk
 * takes nothing from a server it was not told to trust, and the SHA-256 ties the signed text to
 * the package's exact bytes.
 *
 * The file stays readable JSON: the signature covers the canonical form of everything but the
 * `signature` field (keys sorted, no spaces), so a server or an editor reformatting it does no harm.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { formatFieldPath } from '../packages/errors';
import { keyFingerprint, parsePublicKey } from '../packages/signing';

export const CHANNEL_FILE = 'channel.json';
export const CHANNEL_FORMAT = 'vitrine-channel';
/** channel.json is a few hundred bytes per group; anything far bigger is not one. */
export const MAX_CHANNEL_BYTES = 256 * 1024;

const group = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a group name: lower-case letters, digits and hyphens (at most 40)');

const entrySchema = z.strictObject({
  /** null: every kiosk without a group of its own in this file. */
  group: group.nullable(),
  packageId: z.string().min(1).max(200),
  version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'a version such as 1.2.0'),
  title: z.string().min(1).max(500),
  bytes: z.number().int().positive().max(64 * 1024 ** 3),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  /** Relative to channel.json's own address (as `vitrine publish` writes it), or absolute http(s). */
  url: z.string().min(1).max(2000),
});

const bodySchema = z.strictObject({
  format: z.literal(CHANNEL_FORMAT),
  formatVersion: z.literal(1),
  /** Grows by one at each publish: a kiosk refuses a channel.json older than one it has read (a replay). */
  sequence: z.number().int().min(1),
  published: z.iso.datetime(),
  packages: z
    .array(entrySchema)
    .min(1)
    .max(200)
    .refine((list) => new Set(list.map((p) => p.group)).size === list.length, 'at most one package per group'),
});

const signatureSchema = z.strictObject({ algorithm: z.literal('ed25519'), publicKey: z.string(), value: z.string() });

export type ChannelEntry = z.output<typeof entrySchema>;
export type ChannelBody = z.output<typeof bodySchema>;

/** A channel.json refused: the message names the file, the field and what was expected. */
export class ChannelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** JSON with object keys sorted at every level and no spaces: the bytes a signature covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The text of a signed channel.json for `body`, signed with a PKCS#8 PEM private key from vitrine keygen. */
export function signChannel(body: ChannelBody, privatePem: string): string {
  const checked = bodySchema.parse(body);
  let key: KeyObject;
  try {
    key = createPrivateKey(privatePem);
  } catch {
    throw new ChannelError('The signing key is not a private key file made by vitrine keygen (PEM).');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ChannelError('The signing key is not an Ed25519 key made by vitrine keygen.');
  const publicKey = createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64');
  const value = sign(null, Buffer.from(canonicalJson(checked)), key).toString('base64');
  return JSON.stringify({ ...checked, signature: { algorithm: 'ed25519', publicKey, value } }, null, 2) + '\n';
}

/** The public key (base64 SPKI) a signed channel text names, without checking anything else; null if none. */
export function channelSigner(text: string): string | null {
  try {
    const key = (JSON.parse(text) as { signature?: { publicKey?: unknown } }).signature?.publicKey;
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Parses and checks a channel.json: its shape, then its signature against `trustedKeys`.
 * `trustedKeys` must not be empty: a channel is never followed on trust alone.
 */
export function readChannel(text: string, trustedKeys: readonly string[], where = CHANNEL_FILE): ChannelBody {
  const refuse = (what: string) => new ChannelError(`${where}: ${what}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refuse('expected JSON written by vitrine publish, but it does not parse');
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw refuse('expected a JSON object written by vitrine publish');
  const { signature, ...rest } = raw as Record<string, unknown>;
  const sig = signatureSchema.safeParse(signature);
  if (!sig.success) throw refuse('signature: expected a signature by vitrine publish, but it is missing or not one');
  const body = bodySchema.safeParse(rest);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw refuse(`${formatFieldPath(issue.path) || 'the file'}: expected ${issue.message}`);
  }
  const signer = parsePublicKey(sig.data.publicKey);
  if (!signer) throw refuse('signature.publicKey: expected an Ed25519 public key');
  const trusted = trustedKeys.map((k) => k.trim());
  const fingerprint = keyFingerprint(sig.data.publicKey);
  if (!trusted.includes(sig.data.publicKey.trim())) {
    throw refuse(`signature: expected one of this kiosk's trusted keys (${trusted.map(keyFingerprint).join(', ') || 'none set'}), but it is signed by key ${fingerprint}`);
  }
  // Verify the canonical form of what was parsed, not the text: spacing may differ, content may not.
  if (!verify(null, Buffer.from(canonicalJson(body.data)), signer, Buffer.from(sig.data.value, 'base64'))) {
    throw refuse('signature: it does not match the file (channel.json was changed after it was signed)');
  }
  return body.data;
}

/** The package a kiosk of `group` takes: its group's entry, else the fleet's (group null); null if neither. */
export function entryFor(body: ChannelBody, group: string | null): ChannelEntry | null {
  return (group === null ? undefined : body.packages.find((p) => p.group === group)) ?? body.packages.find((p) => p.group === null) ?? null;
}

/** The package's address: relative ones resolve against channel.json's own; only http(s) is followed. */
export function packageUrl(entry: ChannelEntry, channelUrl: string, where = CHANNEL_FILE): URL {
  let url: URL;
  try {
    url = new URL(entry.url, channelUrl);
  } catch {
    throw new ChannelError(`${where}: packages[].url "${entry.url}": expected an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ChannelError(`${where}: packages[].url "${entry.url}": expected an http:// or https:// address`);
  return url;
}
