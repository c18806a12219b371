// @vitest-environment node
/** The crash log behind the staff screen's "last crashes": bounded, kept across relaunches, never in the way. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { CRASH_LOG_FILE, CRASHES_KEPT, openCrashLog } from '../../../src-main/core/staff/crash-log';

let dir: string;
let path: string;
let now: number;
const clock = () => now;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-crashes-'));
  path = join(dir, 'data', CRASH_LOG_FILE);
  now = Date.UTC(2026, 10, 27, 10, 0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('crash log', () => {
  it('is empty before the first crash, and creates its folder and file at the first', () => {
    const log = openCrashLog(path, { now: clock });
    expect(log.recent()).toEqual([]);
    log.record('renderer', 'oom, exit code 137');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, crashes: [{ at: '2026-11-27T10:00:00.000Z', kind: 'renderer', detail: 'oom, exit code 137' }] });
  });

  it('answers newest first, and what it recorded is there after a relaunch', () => {
    const first = openCrashLog(path, { now: clock });
    first.record('gpu', 'crashed, exit code 5');
    now += 60_000;
    first.record('renderer', 'crashed, exit code 139');
    const afterRelaunch = openCrashLog(path, { now: clock });
    expect(afterRelaunch.recent()).toEqual([
      { at: '2026-11-27T10:01:00.000Z', kind: 'renderer', detail: 'crashed, exit code 139' },
      { at: '2026-11-27T10:00:00.000Z', kind: 'gpu', detail: 'crashed, exit code 5' },
    ]);
  });

  it(`keeps the last ${CRASHES_KEPT} however long a crash loop goes on`, () => {
    const log = openCrashLog(path, { now: clock });
    for (let i = 1; i <= CRASHES_KEPT + 15; i++) log.record('renderer', `crash ${i}`);
    const kept = openCrashLog(path).recent();
    expect(kept).toHaveLength(CRASHES_KEPT);
    expect(kept[0]!.detail).toBe(`crash ${CRASHES_KEPT + 15}`);
    expect(kept.at(-1)!.detail).toBe('crash 16');
  });

  it('reads a corrupt or foreign file as no crashes (logged), and starts it again at the next', () => {
    const memory = createMemoryLogger();
    openCrashLog(path).record('gpu', 'first');
    for (const text of ['{"version":1,"crashes":', 'null', '{"crashes":"many"}']) {
      writeFileSync(path, text);
      expect(openCrashLog(path, { log: memory }).recent(), text).toEqual([]);
    }
    expect(memory.entries.filter((e) => e.level === 'warn')).toHaveLength(3);
    writeFileSync(path, JSON.stringify({ version: 1, crashes: [{ at: 'x', kind: 'gpu', detail: 'kept' }, { kind: 'half a record' }] }));
    expect(openCrashLog(path).recent()).toEqual([{ at: 'x', kind: 'gpu', detail: 'kept' }]);
  });

  it('never throws when the record cannot be saved (a full or read-only disk): it warns and keeps it in memory', () => {
    const memory = createMemoryLogger();
    writeFileSync(join(dir, 'file'), 'not a folder');
    const log = openCrashLog(join(dir, 'file', CRASH_LOG_FILE), { log: memory, now: clock });
    expect(() => log.record('renderer', 'crashed')).not.toThrow();
    expect(log.recent()).toHaveLength(1);
    expect(memory.entries).toEqual([expect.objectContaining({ level: 'warn', message: 'Could not save the crash record' })]);
  });
});
