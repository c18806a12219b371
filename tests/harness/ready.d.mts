/** Types of ready.mjs. */
import type { ChildProcess } from 'node:child_process';

export function spawnUntilReady(
  args: string[],
  options?: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; signal?: NodeJS.Signals },
): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }>;
