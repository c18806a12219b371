// @vitest-environment node
/**
 * Issue 17, fault 6: `vitrine staff set-pin 1234 --data /tmp/kiosK` (a typo) made a new, empty
 * store there and said "The staff PIN is set."; `versions` then said "No content versions yet."
 * Commands that read or change an existing kiosk now refuse a folder that holds none, and create
 * nothing there; `--create` (staff, settings) prepares a new kiosk on purpose, and `import` may
 * start one, as the kiosk's first start does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, runCli } from '../../helpers/cli';
import { makePackage, tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
beforeAll(async () => {
  root = tempDir();
  await buildCli();
});
afterAll(() => root.cleanup());

describe('a data folder that holds no kiosk', () => {
  it.each([
    ['staff', ['staff', 'set-pin', '1234'], ', or add --create to start a new kiosk\'s store there'],
    ['settings', ['settings', 'set', 'idleTimeoutSeconds', '120'], ', or add --create to start a new kiosk\'s store there'],
    ['settings', ['settings', 'list'], ', or add --create to start a new kiosk\'s store there'],
    ['versions', ['versions'], ''],
    ['rollback', ['rollback'], ''],
    ['backup', ['backup', 'copy.sqlite'], ''],
  ])('vitrine %s refuses it, says which folder, and creates nothing', async (command, args, hint) => {
    const typo = join(root.path, `kiosK-${command}-${args.length}`);
    const run = await runCli([...args, '--data', typo]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`Refused: There is no kiosk in ${typo} (it holds no vitrine.sqlite): check the --data folder for a typo${hint}. vitrine ${command} changes nothing.\n`);
    expect(existsSync(typo)).toBe(false);
  });

  it('--create prepares a new kiosk on purpose: its PIN and settings, before its first start', async () => {
    const fresh = join(root.path, 'new-kiosk');
    expect(await runCli(['staff', 'set-pin', '2468', '--data', fresh, '--create'])).toMatchObject({ code: 0 });
    expect(existsSync(join(fresh, 'vitrine.sqlite'))).toBe(true);
    expect(await runCli(['settings', 'set', 'idleTimeoutSeconds', '120', '--data', fresh])).toMatchObject({ code: 0, stdout: 'idleTimeoutSeconds = 120\n' });
  });

  it('import may start a kiosk, as its first start does, and says it did', async () => {
    const pkg = await makePackage(root.path);
    const fresh = join(root.path, 'imported-kiosk');
    expect(await runCli(['import', pkg, '--now', '--data', fresh])).toMatchObject({ code: 0, stdout: expect.stringMatching(/It is live now\. There was no kiosk in .*imported-kiosk: this import started one there\.\n$/) });
    expect(await runCli(['versions', '--data', fresh])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^LIVE /) });
    // Into a kiosk that is there: no such sentence.
    const again = await runCli(['import', pkg, '--allow-older', '--data', fresh]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).not.toContain('There was no kiosk');
  });

  // A curator's walk: `import nope.vitrine --data <typo>` was refused, yet left an empty kiosk there.
  it('a refused import into a folder that holds no kiosk leaves nothing behind', async () => {
    const typo = join(root.path, 'kiosK-import');
    const run = await runCli(['import', join(root.path, 'nope.vitrine'), '--now', '--data', typo]);
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(existsSync(typo)).toBe(false);
    // A folder that was there keeps what it held, and only that.
    const shared = join(root.path, 'shared');
    mkdirSync(shared);
    writeFileSync(join(shared, 'notes.txt'), 'notes');
    expect(await runCli(['import', join(root.path, 'nope.vitrine'), '--data', shared])).toMatchObject({ code: 1 });
    expect(readdirSync(shared)).toEqual(['notes.txt']);
  });
});
