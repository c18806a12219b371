/**
 * What the channel follower keeps across restarts, in the data folder's channel/state.json:
 *
 * - the sequence of the latest channel.json read at each address, so an older one put back on a
 *   server (a replay of a signed file) is refused, also after the kiosk was pointed at another
 *   channel and back. Per address, not per signer: two channels signed by one key count their
 *   sequences apart;
 * - the packages refused after their download, by SHA-256 with the reason, so a restart does not
 *   download a bad package once more before refusing it again. A newer channel.json, or other
 *   channel settings, forget them: what was refused may have been fixed.
 *
 * A missing or damaged file is "nothing read yet": the channel's signature still binds, and the
 * store still refuses older versions. The file of an earlier build ({ url, sequence }) is read.
 */
import { join } from 'node:path';
import { readJsonFile, writeJsonFileAtomically } from '../json-file';

export const STATE_FILE = 'state.json';
/** Addresses remembered at most; a kiosk moved between more channels forgets the longest unread. */
export const MAX_ADDRESSES = 32;

interface SavedState {
  /** Address -> the latest sequence read there, the most recently read last. */
  sequences: Record<string, number>;
  /** SHA-256 -> why that package was refused. */
  refused: Record<string, string>;
}

/** `value` when it is a plain object of `kind` values, else an empty one. */
function recordOf<T extends 'number' | 'string'>(value: unknown, kind: T): Record<string, T extends 'number' ? number : string> {
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === kind);
  return ok ? (value as Record<string, T extends 'number' ? number : string>) : {};
}

function readSaved(dir: string): SavedState {
  let saved: Record<string, unknown> | undefined;
  try {
    saved = readJsonFile(join(dir, STATE_FILE)) as Record<string, unknown> | undefined;
  } catch {
    saved = undefined;
  }
  if (typeof saved?.url === 'string' && typeof saved.sequence === 'number') return { sequences: { [saved.url]: saved.sequence }, refused: {} };
  return { sequences: recordOf(saved?.sequences, 'number'), refused: recordOf(saved?.refused, 'string') };
}

/** The follower's memory of what it read and refused, written through to state.json. */
export class ChannelMemory {
  readonly #dir: string;
  #state: SavedState;

  constructor(dir: string) {
    this.#dir = dir;
    this.#state = readSaved(dir);
  }

  /** The latest sequence read at `url`, or null when none was. */
  sequenceAt(url: string): number | null {
    return this.#state.sequences[url] ?? null;
  }

  /** A channel.json read at `url`; a newer one than known forgets the refusals. */
  read(url: string, sequence: number): void {
    const known = this.sequenceAt(url);
    if (known !== null && sequence <= known) return;
    const { [url]: _old, ...others } = this.#state.sequences;
    const kept = Object.entries(others).slice(-(MAX_ADDRESSES - 1));
    this.#state = { sequences: { ...Object.fromEntries(kept), [url]: sequence }, refused: {} };
    this.#save();
  }

  refusal(sha256: string): string | undefined {
    return this.#state.refused[sha256];
  }

  refuse(sha256: string, reason: string): void {
    this.#state = { ...this.#state, refused: { ...this.#state.refused, [sha256]: reason } };
    this.#save();
  }

  /** Other channel settings: what was refused may be offered otherwise now. */
  forgetRefusals(): void {
    if (Object.keys(this.#state.refused).length === 0) return;
    this.#state = { ...this.#state, refused: {} };
    this.#save();
  }

  #save(): void {
    try {
      writeJsonFileAtomically(join(this.#dir, STATE_FILE), this.#state);
    } catch {
      // A disk that cannot take 1 kB: the memory holds until the kiosk stops, as before it was kept.
    }
  }
}
