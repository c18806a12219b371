// @vitest-environment node
/**
 * The staff PIN: stored as a scrypt hash, five wrong tries lock it for five minutes, the lock
 * outlives a restart, and a burst of parallel guesses cannot get more than five tries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPinStore, PinError } from '../../../src-main/core/staff/pin';
import { openStore } from '../../../src-main/core/store/connection';
import { ManualClock } from '../../helpers/clock';
import { tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
beforeAll(() => void (root = tempDir()));
afterAll(() => root.cleanup());

/** The refusal's message (and reason), or "ok". */
const attempt = (p: Promise<void>) => p.then(() => 'ok', (e: PinError) => `${e.reason}: ${e.message}`);

describe('the staff PIN', () => {
  it('is stored as a salted scrypt hash, never as digits', async () => {
    const path = join(root.path, 'hash.sqlite');
    const store = openStore(path);
    await createPinStore(store.db).set('480215');
    const row = store.db.prepare('SELECT * FROM staff_pin').get() as Record<string, string>;
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(row.params!)).toEqual({ N: 32768, r: 8, p: 1, keylen: 32 });
    expect(JSON.stringify(row)).not.toContain('480215');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).includes(Buffer.from('480215'))).toBe(false);
    store.close();
  });

  it('accepts 4 to 8 digits only', async () => {
    const store = openStore(':memory:');
    const pins = createPinStore(store.db);
    for (const bad of ['123', '123456789', '12a4', '']) expect(await attempt(pins.set(bad))).toBe('invalid: A staff PIN is 4 to 8 digits.');
    expect(pins.isSet()).toBe(false);
    expect(await attempt(pins.verify('1234'))).toMatch(/^no-pin: No staff PIN is set on this kiosk/);
    store.close();
  });

  it('locks after five wrong tries, survives a restart, and unlocks after five minutes', async () => {
    const path = join(root.path, 'lock.sqlite');
    const clock = new ManualClock();
    let store = openStore(path);
    let pins = createPinStore(store.db, clock);
    await pins.set('2468');
    expect(await attempt(pins.verify('2468'))).toBe('ok');
    const wrong = [];
    for (let i = 0; i < 5; i++) wrong.push(await attempt(pins.verify('1111')));
    expect(wrong).toEqual([
      'wrong: Wrong PIN, 4 tries left.',
      'wrong: Wrong PIN, 3 tries left.',
      'wrong: Wrong PIN, 2 tries left.',
      'wrong: Wrong PIN, 1 try left.',
      'locked: Wrong PIN. Locked for 5 minutes after 5 wrong tries.',
    ]);
    // Locked: even the right PIN is refused, and the count of minutes goes down.
    expect(await attempt(pins.verify('2468'))).toBe('locked: Locked for 5 more minutes.');
    clock.advance(61_000);
    expect(await attempt(pins.verify('2468'))).toBe('locked: Locked for 4 more minutes.');
    // Pulling the plug does not lift the lock.
    store.close();
    store = openStore(path);
    pins = createPinStore(store.db, clock);
    expect(await attempt(pins.verify('2468'))).toBe('locked: Locked for 4 more minutes.');
    clock.advance(4 * 60_000);
    expect(await attempt(pins.verify('2468'))).toBe('ok');
    // A right PIN starts the count afresh.
    expect(await attempt(pins.verify('0000'))).toBe('wrong: Wrong PIN, 4 tries left.');
    store.close();
  });

  it('checks a burst of parallel guesses one at a time: at most five are tried', async () => {
    const store = openStore(':memory:');
    const pins = createPinStore(store.db, new ManualClock());
    await pins.set('97531');
    const results = await Promise.all(Array.from({ length: 9 }, (_, i) => attempt(pins.verify(String(10000 + i)))));
    expect(results.filter((r) => r.startsWith('wrong'))).toHaveLength(4);
    expect(results.filter((r) => r.startsWith('locked'))).toHaveLength(5);
    expect(await attempt(pins.verify('97531'))).toMatch(/^locked/);
    store.close();
  });
});
