// @vitest-environment node
/**
 * `vitrine backup` as a technician runs it: a real CLI process copying a real store while
 * another process keeps writing to it, then SQLite's own integrity check of the copy.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStore } from '../../../src-main/cli/commands/backup';
import { importPackage } from '../../../src-main/core/packages/importer';
import { openStore } from '../../../src-main/core/store/connection';
import { SCHEMA_VERSION } from '../../../src-main/core/store/migrations/index';
import { buildCli, runCli } from '../../helpers/cli';
import { makePackage, tempDir } from '../../helpers/packages';
import { dumpStore } from '../../helpers/store';

const ROOT = join(import.meta.dirname, '../../..');
let root: ReturnType<typeof tempDir>;
let data: string;
let liveVersion: number | null;
let content: string;

/**
 * Another connection, in another process as the kiosk would be: commits, as fast as it can, one
 * transaction that adds the same n to two tables and 4 KB of data. A consistent copy therefore
 * has as many rows in one table as in the other. Says "ready" after its first 50 commits.
 */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.exec('CREATE TABLE IF NOT EXISTS probe_a (n INTEGER PRIMARY KEY, pad BLOB NOT NULL) STRICT; CREATE TABLE IF NOT EXISTS probe_b (n INTEGER PRIMARY KEY) STRICT;');
const a = db.prepare('INSERT INTO probe_a (n, pad) VALUES (?, randomblob(4096))');
const b = db.prepare('INSERT INTO probe_b (n) VALUES (?)');
const both = db.transaction((n) => { a.run(n); b.run(n); });
let n = 0;
(function loop() {
  for (let i = 0; i < 20; i++) both(++n);
  if (n === 60) process.stdout.write('ready\\n');
  setImmediate(loop);
})();
`;

function startWriter(store: string): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['-e', WRITER, store], { cwd: ROOT });
  return new Promise((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ready(child));
    child.stderr.on('data', (chunk: Buffer) => fail(new Error(chunk.toString())));
    child.on('exit', (code) => fail(new Error(`the writer ended early (exit ${code})`)));
  });
}

function stopWriter(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.on('exit', () => done());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  root = tempDir();
  await buildCli();
  data = join(root.path, 'data');
  const store = openStore(join(data, 'vitrine.sqlite'));
  try {
    await importPackage(store, await makePackage(root.path), { mediaDir: join(data, 'media'), source: 'test', publish: 'now', keepVersions: 3 });
    liveVersion = store.liveVersionId();
    content = dumpStore(store);
  } finally {
    store.close();
  }
});
afterAll(() => root.cleanup());

describe('vitrine backup', () => {
  it('copies the store while another connection writes, and the copy is whole and consistent', async () => {
    const writer = await startWriter(join(data, 'vitrine.sqlite'));
    const target = join(root.path, 'while-writing.sqlite');
    let run;
    try {
      run = await runCli(['backup', target, '--data', data]);
      expect(writer.exitCode).toBeNull(); // it was still writing when the backup finished
    } finally {
      await stopWriter(writer);
    }
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Backed up .*vitrine\.sqlite to .*while-writing\.sqlite \(\d+\.\d MB, schema \d+\) in \d+ ms; the copy passed SQLite's integrity check\./);
    expect(run.stdout).toContain('Images are not in it');

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const a = copy.prepare('SELECT count(*) AS rows, max(n) AS last FROM probe_a').get();
      const b = copy.prepare('SELECT count(*) AS rows, max(n) AS last FROM probe_b').get();
      expect(a).toEqual(b); // never half a transaction
      expect((a as { rows: number }).rows).toBeGreaterThanOrEqual(60);
    } finally {
      copy.close();
    }
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);

    // A restore: the copy opens as a kiosk store, at the current schema, with the same content.
    const restored = openStore(target);
    try {
      expect(restored.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(restored.liveVersionId()).toBe(liveVersion);
      expect(dumpStore(restored)).toBe(content);
    } finally {
      restored.close();
    }
  });

  it('copies a store nobody has open, and leaves the store as it was', async () => {
    const store = join(data, 'vitrine.sqlite');
    const before = readFileSync(store);
    const result = await backupStore(store, join(root.path, 'idle.sqlite'));
    expect(result.schemaVersion).toBe(SCHEMA_VERSION);
    expect(result.bytes).toBe(readFileSync(join(root.path, 'idle.sqlite')).length);
    expect(readFileSync(store).equals(before)).toBe(true);
  });

  it('never overwrites a file', async () => {
    const target = join(root.path, 'taken.sqlite');
    writeFileSync(target, 'an earlier backup');
    const run = await runCli(['backup', target, '--data', data]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Refused: ${target} already exists: a backup never overwrites a file. Choose a new name.\n`);
    expect(readFileSync(target, 'utf8')).toBe('an earlier backup');
  });

  it('refuses a data folder without a store, and creates none there', async () => {
    const empty = join(root.path, 'not-a-kiosk');
    const run = await runCli(['backup', join(root.path, 'x.sqlite'), '--data', empty]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`Refused: There is no kiosk in ${empty} (it holds no vitrine.sqlite): check the --data folder for a typo. vitrine backup changes nothing.\n`);
    expect(existsSync(empty)).toBe(false);
    expect(existsSync(join(root.path, 'x.sqlite'))).toBe(false);
  });

  it('refuses to write over the store itself or into a missing folder', async () => {
    const store = join(data, 'vitrine.sqlite');
    await expect(backupStore(store, store)).rejects.toThrow('is the store itself');
    await expect(backupStore(store, join(root.path, 'no/such/folder/b.sqlite'))).rejects.toThrow(`The folder ${join(root.path, 'no/such/folder')} does not exist.`);
  });

  it('needs exactly one file (exit 2)', async () => {
    expect(await runCli(['backup', '--data', data])).toMatchObject({ code: 2 });
    expect(await runCli(['backup', 'a.sqlite', 'b.sqlite', '--data', data])).toMatchObject({ code: 2, stderr: 'backup takes one file, not also b.sqlite. See vitrine --help.\n' });
  });
});
