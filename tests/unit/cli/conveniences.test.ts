// @vitest-environment node
/**
 * What curators and IT asked of the command line (issue 17): --version; --json on validate,
 * versions, settings list and import, for scripts; trustedKeys from a .pub file; one day of the
 * opening hours at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, runCli } from '../../helpers/cli';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let data: string;
const version = JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')).version as string;

beforeAll(async () => {
  root = tempDir();
  await buildCli();
  data = join(root.path, 'kiosk');
  expect((await runCli(['import', await makePackage(root.path), '--now', '--data', data])).code).toBe(0);
});
afterAll(() => root.cleanup());

describe('the command line for scripts and IT', () => {
  it('--version prints the version it was installed with', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `vitrine ${version}\n` });
  });

  it('versions --json and settings list --json are JSON', async () => {
    const versions = JSON.parse((await runCli(['versions', '--json', '--data', data])).stdout);
    expect(versions).toEqual([expect.objectContaining({ id: 1, state: 'live', packageId: 'test-exhibit', version: '1.0.0', signedBy: null })]);
    const settings = JSON.parse((await runCli(['settings', 'list', '--json', '--data', data])).stdout);
    expect(settings).toMatchObject({ idleTimeoutSeconds: 90, trustedKeys: [], inboxDir: null });
  });

  it('import --json says what was imported', async () => {
    const other = await makePackage(root.path, { ...smallSource(), package: { id: 'second', version: '1.0.0', title: 'Second' } }, 'second');
    const run = await runCli(['import', other, '--json', '--data', data]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ packageId: 'second', version: '1.0.0', live: false, artifacts: 4 });
  });

  it('trustedKeys takes .pub files as well as key lines', async () => {
    expect((await runCli(['keygen', '--out', join(root.path, 'museum')])).code).toBe(0);
    const pub = readFileSync(join(root.path, 'museum.pub'), 'utf8').trim();
    expect(await runCli(['settings', 'set', 'trustedKeys', join(root.path, 'museum.pub'), '--data', data])).toMatchObject({ code: 0, stdout: `trustedKeys = ${JSON.stringify([pub])}\n` });
    expect(await runCli(['settings', 'set', 'trustedKeys', JSON.stringify([join(root.path, 'museum.pub'), pub]), '--data', data])).toMatchObject({ code: 0 });
    expect(await runCli(['settings', 'set', 'trustedKeys', '[]', '--data', data])).toMatchObject({ code: 0, stdout: 'trustedKeys = []\n' });
  });

  it('openingHours one day at a time: a day, or "closed"; the others stay', async () => {
    const set = (day: string, value: string) => runCli(['settings', 'set', `openingHours.${day}`, value, '--data', data]);
    expect((await set('monday', '{"open":"10:00","close":"17:00"}')).code).toBe(0);
    expect((await set('sunday', 'closed')).code).toBe(0);
    const hours = JSON.parse((await runCli(['settings', 'list', '--json', '--data', data])).stdout).openingHours;
    expect(hours).toMatchObject({ monday: { open: '10:00', close: '17:00' }, tuesday: { open: '08:00', close: '20:00' }, sunday: null });
    expect(await set('funday', 'closed')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^openingHours\.funday: the days are monday, tuesday/) });
  });
});
