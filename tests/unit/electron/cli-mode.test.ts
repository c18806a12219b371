// @vitest-environment node
/**
 * The packaged kiosk as the staff command line (`vitrine-kiosk --cli …`): the real CLI runs in
 * this process, against a real data folder, and the app exits with the CLI's code.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { runStaffCommand, staffCommandArguments } from '../../../src-main/electron/cli-mode';
import { openStore } from '../../../src-main/core/store/connection';
import { tempDir } from '../../helpers/packages';

afterEach(() => vi.restoreAllMocks());

describe('staffCommandArguments', () => {
  it('is null for a kiosk launch, and the words after --cli for a staff command', () => {
    expect(staffCommandArguments(['/opt/Vitrine/vitrine-kiosk'])).toBeNull();
    expect(staffCommandArguments(['/opt/Vitrine/vitrine-kiosk', '--no-sandbox'])).toBeNull();
    expect(staffCommandArguments(['/opt/Vitrine/vitrine-kiosk', '--cli', 'staff', 'set-pin', '-'])).toEqual(['staff', 'set-pin', '-']);
    expect(staffCommandArguments(['/opt/Vitrine/vitrine-kiosk', '--cli'])).toEqual([]);
  });
});

describe('runStaffCommand', () => {
  it('sets a PIN in a real data folder and exits 0', async () => {
    const data = tempDir();
    vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const app = { exit: vi.fn() };
      // A kiosk prepared before its first start: --create makes its store (issue 17).
      await runStaffCommand(app, ['staff', 'set-pin', '4826', '--data', data.path, '--create']);
      expect(app.exit).toHaveBeenCalledWith(0);
      const store = openStore(join(data.path, 'vitrine.sqlite'));
      try {
        const row = store.db.prepare('SELECT count(*) AS n FROM staff_pin').get() as { n: number };
        expect(row.n).toBe(1);
      } finally {
        store.close();
      }
    } finally {
      data.cleanup();
    }
  });

  it('exits 2 on wrong usage and 1 when the command itself fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const app = { exit: vi.fn() };
    await runStaffCommand(app, ['frobnicate']);
    expect(app.exit).toHaveBeenLastCalledWith(2);
    await expect(runStaffCommand(app, ['x'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(app.exit).toHaveBeenLastCalledWith(1);
  });
});
