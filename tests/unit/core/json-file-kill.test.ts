// @vitest-environment node
/**
 * The small JSON files beside the store (crash log, GPU crash count) survive a kill at any moment
 * (issue 19: the power-cut promise rests on them too): a process writing one again and again is
 * killed (SIGKILL) at random moments, and each time the file is whole JSON, the old or the new.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/packages';

const ROOT = join(import.meta.dirname, '../../..');
let root: ReturnType<typeof tempDir>;
let writer: string;

beforeAll(async () => {
  root = tempDir();
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    build: { ssr: join(ROOT, 'tests/helpers/json-writer.ts'), outDir: join(root.path, 'bundle'), emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'json-writer.js' } } },
  });
  writer = join(root.path, 'bundle/json-writer.js');
});
afterAll(() => root.cleanup());

function killedAfter(file: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, [writer, file], { stdio: 'ignore' });
  return new Promise((resolve) => {
    setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => resolve());
  });
}

describe('a JSON file written by the kiosk, killed mid-write', () => {
  it('is whole JSON after each of 20 kills at random moments, and leaves no temporary file behind it', async () => {
    const file = join(root.path, 'state', 'crashes.json');
    let last = 0;
    for (let kill = 0; kill < 20; kill++) {
      await killedAfter(file, 150 + Math.floor(Math.random() * 250));
      if (!existsSync(file)) continue; // killed before the first write finished: nothing yet, which is fine
      const value = JSON.parse(readFileSync(file, 'utf8')) as { n: number; crashes: unknown[] };
      expect(value.crashes).toHaveLength(200);
      expect(value.n).toBeGreaterThan(0);
      last = value.n;
    }
    expect(last).toBeGreaterThan(0);
    // A kill between write and rename leaves its temporary file; the next write removes it, so at
    // most the last kill's is there.
    expect(readdirSync(join(root.path, 'state')).filter((f) => f !== 'crashes.json').length).toBeLessThanOrEqual(1);
  }, 120_000);
});
