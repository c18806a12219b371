// @vitest-environment node
/**
 * The `vitrine` command as staff run it: a real process, built from the sources, with real
 * packages and a real data folder. Asserts the words and the exit codes (0 done, 1 refused,
 * 2 wrong usage).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keyFingerprint } from '../../../src-main/core/packages/signing';
import { openStore } from '../../../src-main/core/store/connection';
import { buildCli, runCli } from '../../helpers/cli';
import { makePackage, smallSource, tempDir, writeSource } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let source: string;
let data: string;

beforeAll(async () => {
  root = tempDir();
  await buildCli();
  const v2 = smallSource();
  v2.package.version = '2.0.0';
  source = await writeSource(join(root.path, 'source'), v2);
  data = join(root.path, 'data');
});
afterAll(() => root.cleanup());

describe('help and usage', () => {
  it('--help lists every command and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['pack', 'validate', 'import', 'rollback', 'versions', 'keygen', 'settings', 'staff']) expect(run.stdout).toContain(`vitrine ${command}`);
    expect(run.stdout).toMatch(/Exit codes: 0 done, 1 refused \(the message says why\), 2 wrong usage\./);
  });

  it.each(['pack', 'validate', 'import', 'rollback', 'versions', 'keygen', 'settings', 'staff'])('vitrine %s --help explains the command', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^vitrine ${command}`));
  });

  it('wrong usage exits with 2 and points to --help', async () => {
    expect(await runCli([])).toMatchObject({ code: 2 });
    expect(await runCli(['frobnicate'])).toMatchObject({ code: 2, stderr: 'Unknown command "frobnicate". See vitrine --help.\n' });
    expect(await runCli(['import', 'x.zip', '--nwo'])).toMatchObject({ code: 2, stderr: 'import has no option --nwo. See vitrine --help.\n' });
    expect(await runCli(['rollback', '--to', 'last', '--data', data])).toMatchObject({ code: 2 });
  });
});

describe('keys, signed packs and validation', () => {
  it('keygen writes a private key only its owner can read and a one-line public key', async () => {
    const run = await runCli(['keygen', '--out', join(root.path, 'museum')]);
    expect(run.code).toBe(0);
    expect(statSync(join(root.path, 'museum.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(root.path, 'museum.key'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const pub = readFileSync(join(root.path, 'museum.pub'), 'utf8');
    expect(pub).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
    expect(run.stdout).toContain(`Key fingerprint: ${keyFingerprint(pub)}`);
    // A key is never overwritten.
    expect(await runCli(['keygen', '--out', join(root.path, 'museum')])).toMatchObject({ code: 1, stderr: expect.stringMatching(/museum\.key already exists/) });
    expect((await runCli(['keygen', '--out', join(root.path, 'stranger')])).code).toBe(0);
  });

  it('pack --sign, then validate --trusted accepts the right key and refuses another', async () => {
    const pkg = join(root.path, 'signed.vitrine');
    const packed = await runCli(['pack', source, '--out', pkg, '--sign', join(root.path, 'museum.key')]);
    expect(packed).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Packed "Test exhibit" 2\.0\.0: 7 files, .* MB, signed -> /) });
    const fp = keyFingerprint(readFileSync(join(root.path, 'museum.pub'), 'utf8'));
    expect(await runCli(['validate', pkg, '--trusted', join(root.path, 'museum.pub')])).toMatchObject({ code: 0, stdout: `Valid: "Test exhibit" 2.0.0, 4 artifacts, 5 images, signed by trusted key ${fp}.\n` });
    const refused = await runCli(['validate', pkg, '--trusted', join(root.path, 'stranger.pub')]);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Refused: manifest\.sig: a signature by one of this kiosk's trusted keys, but it is signed by another key/) });
    expect(await runCli(['validate', pkg, '--trusted', 'nonsense'])).toMatchObject({ code: 2 });
  });
});

describe('a kiosk\'s content: import, versions, rollback', () => {
  it('imports waiting for the kiosk, or --now; lists versions; rolls back', async () => {
    const v1 = await makePackage(root.path, undefined, 'v1.zip');
    const v2 = join(root.path, 'signed.vitrine');
    expect(await runCli(['import', v1, '--now', '--data', data])).toMatchObject({ code: 0, stdout: expect.stringMatching(/as version 1 .* It is live now\. There was no kiosk in .*: this import started one there\.\n$/) });
    expect(await runCli(['import', v2, '--data', data])).toMatchObject({ code: 0, stdout: expect.stringMatching(/as version 2 .* The kiosk switches to it the next time its attract screen shows/) });
    const listed = await runCli(['versions', '--data', data]);
    expect(listed.stdout).toMatch(/^WAITING {4}2 {2}"Test exhibit" 2\.0\.0 .*\nLIVE {7}1 {2}"Test exhibit" 1\.0\.0 /);
    // The same version again is refused (issue 17), unless staff ask for it.
    expect(await runCli(['import', v2, '--now', '--data', data])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Refused: manifest\.json, package\.version: a version newer than 2\.0\.0, which is waiting to go live \(version 2\), but it is the same version: /) });
    expect(await runCli(['import', v2, '--now', '--allow-older', '--data', data])).toMatchObject({ code: 0, stdout: expect.stringMatching(/as version 3 .* It is live now\./) });
    expect(await runCli(['rollback', '--data', data])).toMatchObject({ code: 0, stdout: 'Rolled back from version 3 to version 1: "Test exhibit" 1.0.0. It is live now.\n' });
    expect(await runCli(['rollback', '--to', '42', '--data', data])).toMatchObject({ code: 1, stderr: 'Refused: There is no earlier version 42 on this kiosk (the earlier versions are 3).\n' });
    const store = openStore(join(data, 'vitrine.sqlite'));
    expect(store.liveVersionId()).toBe(1);
    store.close();
  });

  it('a kiosk that trusts keys refuses an unsigned import, exit code 1', async () => {
    const pub = readFileSync(join(root.path, 'museum.pub'), 'utf8').trim();
    expect((await runCli(['settings', 'set', 'trustedKeys', JSON.stringify([pub]), '--data', data])).code).toBe(0);
    const run = await runCli(['import', join(root.path, 'v1.zip'), '--now', '--data', data]);
    expect(run).toMatchObject({ code: 1, stderr: "Refused: manifest.sig: a signature by one of this kiosk's trusted keys, but the package is not signed (sign it with vitrine pack --sign <name>.key)\n" });
    expect((await runCli(['settings', 'reset', 'trustedKeys', '--data', data])).code).toBe(0);
  });

  it('settings refuse a bad value with exit code 1', async () => {
    expect(await runCli(['settings', 'set', 'keepVersions', '0', '--data', data])).toMatchObject({ code: 1, stderr: 'Refused: keepVersions must be a whole number from 1 to 20; got 0.\n' });
  });

  it('settings set takes several KEY VALUE pairs at once: all are kept, or none when one is refused', async () => {
    const list = async () => JSON.parse((await runCli(['settings', 'list', '--json', '--data', data])).stdout) as Record<string, unknown>;
    expect(await runCli(['settings', 'set', 'idleTimeoutSeconds', '75', 'idleCountdownSeconds', '12', '--data', data]))
      .toMatchObject({ code: 0, stdout: 'idleTimeoutSeconds = 75\nidleCountdownSeconds = 12\n' });
    expect(await runCli(['settings', 'set', 'idleTimeoutSeconds', '90', 'keepVersions', '0', '--data', data]))
      .toMatchObject({ code: 1, stderr: 'Refused: keepVersions must be a whole number from 1 to 20; got 0. Nothing was changed.\n' });
    expect(await list()).toMatchObject({ idleTimeoutSeconds: 75, idleCountdownSeconds: 12 });
    expect(await runCli(['settings', 'set', 'idleTimeoutSeconds', '90', 'keepVersions', '--data', data]))
      .toMatchObject({ code: 2, stderr: `settings set takes KEY VALUE pairs: "keepVersions" has no VALUE (a list is one VALUE: quote it, as '["a.pub", "b.pub"]'). See vitrine --help.\n` });
    expect(await runCli(['settings', 'set', 'idleTimeoutSeconds', '90', 'openingHours.funday', 'closed', '--data', data]))
      .toMatchObject({ code: 2, stderr: expect.stringMatching(/^openingHours\.funday: the days are monday, .* \(nothing was changed\)\. See vitrine --help\.\n$/) });
    expect(await list()).toMatchObject({ idleTimeoutSeconds: 75 });
    expect((await runCli(['settings', 'reset', 'idleTimeoutSeconds', '--data', data])).code).toBe(0);
    expect((await runCli(['settings', 'reset', 'idleCountdownSeconds', '--data', data])).code).toBe(0);
  });
});

describe('the staff PIN at install time', () => {
  it('set-pin takes 4 to 8 digits, from the command line or standard input', async () => {
    expect(await runCli(['staff', 'set-pin', '12', '--data', data])).toMatchObject({ code: 1, stderr: 'Refused: A staff PIN is 4 to 8 digits.\n' });
    expect(await runCli(['staff', 'set-pin', '--data', data])).toMatchObject({ code: 2 });
    expect(await runCli(['staff', 'set-pin', '-', '--data', data], {}, '864213\n')).toMatchObject({ code: 0 });
    const store = openStore(join(data, 'vitrine.sqlite'));
    expect(store.db.prepare('SELECT count(*) n FROM staff_pin').get()).toEqual({ n: 1 });
    store.close();
  });
});
