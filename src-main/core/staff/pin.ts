/**
 * The staff PIN: kept as a scrypt hash with its own salt and parameters, never as digits. After
 * five wrong tries in a row it locks for five minutes; the count and the lock live in the store,
 * so restarting the kiosk (pulling the plug) does not give a guesser fresh tries. Tries are
 * checked one at a time, so a burst of parallel guesses cannot all slip in before the lock.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { PinRefusal } from '../../contract/errors';
import type { Db } from '../store/connection';

export const PIN_RULES = { maxTries: 5, lockMinutes: 5, pattern: /^\d{4,8}$/ } as const;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** About 100 ms on a small kiosk PC: slow for a guesser with the file, unnoticeable at the pad. */
const PARAMS: ScryptParams = { N: 1 << 15, r: 8, p: 1, keylen: 32 };

/** A refused login, in words for the PIN pad. */
export class PinError extends Error {
  constructor(
    readonly reason: 'no-pin' | 'wrong' | 'locked' | 'invalid',
    message: string,
    /** When a lock ends (ms since the epoch), for a countdown on the pad. */
    readonly lockedUntil: number | null = null,
    /** The refusal in numbers, for the pad to word in its own language. */
    readonly refusal: PinRefusal | null = null,
  ) {
    super(message);
    this.name = 'PinError';
  }
}

function hash(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => scrypt(pin, salt, params.keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

interface PinRow {
  hash: string;
  salt: string;
  params: string;
  failed_tries: number;
  locked_until: number | null;
}

export interface PinStore {
  /** Sets (or replaces) the PIN and lifts any lock. Throws PinError('invalid') unless 4-8 digits. */
  set(pin: string): Promise<void>;
  /** Resolves when `pin` is right; throws PinError saying what is wrong and how many tries are left. */
  verify(pin: string): Promise<void>;
  isSet(): boolean;
}

/** The PIN over one database connection. */
export function createPinStore(db: Db, clock: Clock = systemClock): PinStore {
  const get = db.prepare<[], PinRow>('SELECT hash, salt, params, failed_tries, locked_until FROM staff_pin WHERE id = 1');
  const put = db.prepare<[string, string, string, string]>(
    `INSERT INTO staff_pin (id, hash, salt, params, failed_tries, locked_until, updated_at) VALUES (1, ?, ?, ?, 0, NULL, ?)
     ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, salt = excluded.salt, params = excluded.params, failed_tries = 0, locked_until = NULL, updated_at = excluded.updated_at`,
  );
  const tries = db.prepare<[number, number | null]>('UPDATE staff_pin SET failed_tries = ?, locked_until = ? WHERE id = 1');
  let queue: Promise<unknown> = Promise.resolve();

  const minutesLeft = (until: number) => Math.max(1, Math.ceil((until - clock.now()) / 60_000));
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lock = (until: number, afterTries: number | null): PinRefusal => ({
    kind: 'pin-locked', minutesLeft: minutesLeft(until), lockedUntil: new Date(until).toISOString(), afterTries,
  });

  async function check(pin: string): Promise<void> {
    const row = get.get();
    if (!row) throw new PinError('no-pin', 'No staff PIN is set on this kiosk. Set one with: vitrine staff set-pin <4 to 8 digits>.');
    if (row.locked_until !== null && clock.now() < row.locked_until) {
      throw new PinError('locked', `Locked for ${plural(minutesLeft(row.locked_until), 'more minute', 'more minutes')}.`, row.locked_until, lock(row.locked_until, null));
    }
    const params = JSON.parse(row.params) as ScryptParams;
    const expected = Buffer.from(row.hash, 'hex');
    const given = await hash(pin, Buffer.from(row.salt, 'hex'), params);
    if (given.length === expected.length && timingSafeEqual(given, expected)) {
      tries.run(0, null);
      return;
    }
    const failed = row.failed_tries + 1;
    if (failed >= PIN_RULES.maxTries) {
      const until = clock.now() + PIN_RULES.lockMinutes * 60_000;
      tries.run(0, until);
      throw new PinError('locked', `Wrong PIN. Locked for ${PIN_RULES.lockMinutes} minutes after ${PIN_RULES.maxTries} wrong tries.`, until, lock(until, PIN_RULES.maxTries));
    }
    tries.run(failed, null);
    const triesLeft = PIN_RULES.maxTries - failed;
    throw new PinError('wrong', `Wrong PIN, ${plural(triesLeft, 'try', 'tries')} left.`, null, { kind: 'wrong-pin', triesLeft });
  }

  return {
    async set(pin) {
      if (!PIN_RULES.pattern.test(pin)) throw new PinError('invalid', 'A staff PIN is 4 to 8 digits.');
      const salt = randomBytes(16);
      const key = await hash(pin, salt, PARAMS);
      put.run(key.toString('hex'), salt.toString('hex'), JSON.stringify(PARAMS), new Date(clock.now()).toISOString());
    },
    verify(pin) {
      const run = queue.then(() => check(pin));
      queue = run.catch(() => undefined);
      return run;
    },
    isSet: () => get.get() !== undefined,
  };
}
