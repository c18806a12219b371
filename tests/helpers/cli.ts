/**
 * The real `vitrine` CLI for tests that run it as a separate process: built from the sources
 * with vite (the same bundler `npm run build` uses), into a folder inside the repository so its
 * packages resolve from node_modules. One build per test process, in about a tenth of a second.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
let built: Promise<string> | null = null;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Builds src-main/cli/vitrine.ts once per test process; resolves to the bundle's path. */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const { build } = await import('vite');
    const cache = join(ROOT, 'node_modules/.cache/vitrine-test-cli');
    const outDir = join(cache, String(process.pid));
    // Test workers are often ended without an exit event: clear the builds of those that are gone.
    for (const pid of existsSync(cache) ? readdirSync(cache) : []) if (!alive(Number(pid))) rmSync(join(cache, pid), { recursive: true, force: true });
    await build({
      configFile: false,
      logLevel: 'error',
      root: ROOT,
      build: { ssr: join(ROOT, 'src-main/cli/vitrine.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'cli.js' } } },
    });
    return join(outDir, 'cli.js');
  })();
  return built;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion with `args` (and extra environment variables). */
export async function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliRun> {
  const cli = await buildCli();
  // A power-cut test's crash point is armed by a preload, never by the CLI itself (src-main/core/checkpoints.ts).
  const preload = env.VITRINE_CRASH_AT ? ['--import', join(ROOT, 'tests/helpers/crash-at.mjs')] : [];
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [...preload, cli, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', input, timeout: 120_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI and kills it with SIGKILL after `ms` (if still running); resolves when it has ended. */
export async function runCliKilledAfter(args: string[], ms: number): Promise<CliRun> {
  const cli = await buildCli();
  const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    }),
  );
}
