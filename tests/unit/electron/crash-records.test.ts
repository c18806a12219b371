// @vitest-environment node
/** Helper processes that crash (GPU, network service) reach the crash log the staff screen shows. */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Details } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { CRASH_LOG_FILE, openCrashLog } from '../../../src-main/core/staff/crash-log';
import { recordChildProcessCrashes } from '../../../src-main/electron/crash-records';

const dir = mkdtempSync(join(tmpdir(), 'vitrine-child-crashes-'));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const gone = (over: Partial<Details>): Details => ({ type: 'GPU', reason: 'crashed', exitCode: 1, ...over });

describe('recordChildProcessCrashes', () => {
  it('records each child process that did not end cleanly, by type and name, and stops when asked', () => {
    const app = new EventEmitter();
    const path = join(dir, CRASH_LOG_FILE);
    const stop = recordChildProcessCrashes(app as never, openCrashLog(path));
    app.emit('child-process-gone', {}, gone({ exitCode: 5 }));
    app.emit('child-process-gone', {}, gone({ type: 'Utility', reason: 'oom', exitCode: -9, name: 'Network Service', serviceName: 'network.mojom.NetworkService' }));
    app.emit('child-process-gone', {}, gone({ type: 'Utility', reason: 'clean-exit', exitCode: 0, name: 'Audio Service' }));
    stop();
    app.emit('child-process-gone', {}, gone({ reason: 'killed' }));
    expect(app.listenerCount('child-process-gone')).toBe(0);
    // Read back as the next launch would.
    expect(openCrashLog(path).recent().map(({ kind, detail }) => ({ kind, detail }))).toEqual([
      { kind: 'utility', detail: 'Network Service: oom, exit code -9' },
      { kind: 'gpu', detail: 'crashed, exit code 5' },
    ]);
  });
});
