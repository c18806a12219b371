/**
 * A browser host of its own for a spec that needs other settings than the global webServer's:
 * a fresh data folder, settings written through the staff CLI (as staff would), then the host on
 * a free port, ready when it prints `VITRINE_READY <url>`. `npm run build` must have run first.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(import.meta.dirname, '../../..');
const run = promisify(execFile);

export interface RunningHost {
  /** The kiosk's address, e.g. http://127.0.0.1:41234/ */
  url: string;
  dataDir: string;
  /** Stops the host and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Starts `out/main/browser-host.js` on a free port with the given settings in a temporary data
 * folder. `prepare` runs on the data folder before the host starts (e.g. to import a package, so
 * the host opens with it live instead of the built-in exhibit).
 */
export async function startHost(
  settings: Record<string, string | number | boolean> = {},
  readyTimeoutMs = 120_000,
  prepare?: (dataDir: string) => Promise<void>,
): Promise<RunningHost> {
  const dataDir = await mkdtemp(join(tmpdir(), 'vitrine-e2e-host-'));
  await prepare?.(dataDir);
  for (const [key, value] of Object.entries(settings)) {
    await run(process.execPath, [join(ROOT, 'out/main/cli.js'), 'settings', 'set', key, String(value), '--data', dataDir, '--create'], { cwd: ROOT });
  }
  // --port 0: the system picks a free port, and the host says which in its ready line.
  const child = spawn(process.execPath, [join(ROOT, 'out/main/browser-host.js'), '--port', '0', '--no-browser', '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await kill(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await readyUrl(child, readyTimeoutMs);
    return { url, dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the address from the host's `VITRINE_READY <url>` line. */
function readyUrl(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => fail(new Error(`The browser host was not ready within ${timeoutMs} ms. It said:\n${seen}`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onStderr);
      child.off('exit', onExit);
    };
    const fail = (error: Error) => {
      done();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /^VITRINE_READY (\S+)$/m.exec(seen);
      if (match) {
        done();
        // Keep draining the pipes, so a chatty host never blocks on a full buffer.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(match[1]!);
      }
    };
    const onStderr = (chunk: Buffer) => void (seen += chunk.toString());
    const onExit = (code: number | null) => fail(new Error(`The browser host exited (code ${code}) before it was ready. It said:\n${seen}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onStderr);
    child.on('exit', onExit);
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
