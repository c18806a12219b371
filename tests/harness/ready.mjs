/**
 * The one place that starts a Vitrine process and waits for it to say where it listens: the
 * browser host and `vitrine preview` print `VITRINE_READY <url>` once they answer. Used by the
 * kiosk harness (kiosk.mjs), the end-to-end specs and the benchmarks alike.
 */
import { spawn } from 'node:child_process';

/**
 * Spawns `node <args>` and resolves once it prints its ready line, with the address and a
 * `stop()` that ends it (SIGTERM, SIGKILL after 10 s; `signal` to send another first).
 */
export async function spawnUntilReady(args, { cwd, env = process.env, timeoutMs = 180_000, signal = 'SIGTERM' } = {}) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => ended(child, signal);
  try {
    const url = await readyUrl(child, timeoutMs);
    return { child, url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the address from the `VITRINE_READY <url>` line, or rejects with what it said. */
function readyUrl(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => fail(new Error(`${describe(child)} was not ready within ${timeoutMs / 1000} s. It said:\n${said}`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      child.stdout.off('data', onStdout);
      child.stderr.off('data', onStderr);
      child.off('exit', onExit);
      // Keep draining the pipes, so a chatty process never blocks on a full buffer.
      child.stdout.resume();
      child.stderr.resume();
    };
    const fail = (error) => {
      done();
      reject(error);
    };
    const onStdout = (chunk) => {
      said += chunk;
      const match = /^VITRINE_READY (\S+)$/m.exec(said);
      if (!match) return;
      done();
      resolve(match[1]);
    };
    const onStderr = (chunk) => void (said += chunk);
    const onExit = (code) => fail(new Error(`${describe(child)} exited (code ${code}) before it was ready. It said:\n${said}`));
    child.stdout.on('data', onStdout);
    child.stderr.on('data', onStderr);
    child.on('exit', onExit);
  });
}

const describe = (child) => child.spawnargs.slice(1, 3).join(' ');

/** Ends a child process and resolves when it has exited. */
async function ended(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
