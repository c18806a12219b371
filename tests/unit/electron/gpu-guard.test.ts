import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Details } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { GPU_STATE_FILE, guardAgainstGpuCrashes, type GpuGuardOptions, type GuardedApp } from '../../../src-main/electron/gpu-guard';

const HOUR = 3_600_000;
let dir: string;
let statePath: string;
let log: ReturnType<typeof createMemoryLogger>;
let clock: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-gpu-'));
  statePath = join(dir, 'userData', GPU_STATE_FILE);
  log = createMemoryLogger();
  clock = Date.parse('2026-03-04T10:00:00Z');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One launch of the app: a fresh `app` and a fresh guard over the same state file. */
function launch(extra: Partial<GpuGuardOptions> = {}) {
  const app = Object.assign(new EventEmitter(), { disableHardwareAcceleration: vi.fn() });
  const guard = guardAgainstGpuCrashes(app as unknown as GuardedApp, { statePath, log, now: () => clock, ...extra });
  const childGone = (type: Details['type'], reason: Details['reason'] = 'crashed') =>
    app.emit('child-process-gone', {}, { type, reason, exitCode: 134 });
  return { app, guard, childGone };
}

describe('guardAgainstGpuCrashes', () => {
  it('starts with hardware acceleration on when no crash was ever recorded', () => {
    const { app, guard } = launch();
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    expect(guard.hardwareAccelerationDisabled).toBe(false);
  });

  it('remembers GPU crashes across launches and turns acceleration off at the launch after the third', () => {
    const one = launch();
    one.childGone('GPU');
    one.childGone('Utility'); // The network service, say: not the GPU.
    clock += HOUR;
    one.childGone('GPU', 'oom');

    clock += HOUR;
    const two = launch();
    expect(two.app.disableHardwareAcceleration).not.toHaveBeenCalled();
    two.childGone('GPU');
    expect(log.entries).toContainEqual(expect.objectContaining({
      level: 'warn', message: 'The next launch will start without hardware acceleration',
    }));

    clock += HOUR;
    const three = launch();
    expect(three.app.disableHardwareAcceleration).toHaveBeenCalledTimes(1);
    expect(three.guard.hardwareAccelerationDisabled).toBe(true);
    expect(log.entries).toContainEqual(expect.objectContaining({
      area: 'gpu', message: 'Hardware acceleration off for this launch: 3 GPU crashes in the last 24 h',
    }));
  });

  it('forgets crashes older than 24 hours', () => {
    const one = launch();
    for (let i = 0; i < 3; i++) one.childGone('GPU');
    clock += 25 * HOUR;
    expect(launch().app.disableHardwareAcceleration).not.toHaveBeenCalled();
  });

  it('writes a readable JSON record atomically, leaving no temporary file behind', () => {
    launch().childGone('GPU');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(state).toEqual({ version: 1, crashes: ['2026-03-04T10:00:00.000Z'] });
    expect(readdirSync(join(dir, 'userData'))).toEqual([GPU_STATE_FILE]);
  });

  it.each([
    ['broken JSON', '{"crashes": ["2026-03-04T09:'],
    ['a bare list', '["2026-03-04T09:00:00Z","2026-03-04T09:00:00Z","2026-03-04T09:00:00Z"]'],
    ['crashes that are not times', '{"version":1,"crashes":[1,null,"soon",{}]}'],
    ['null', 'null'],
    ['binary garbage', '\u0000\u00ff\u0001'],
  ])('treats a state file with %s as "no crashes" and replaces it on the next crash', (_name, text) => {
    fs.mkdirSync(join(dir, 'userData'), { recursive: true });
    writeFileSync(statePath, text);
    const { app, childGone } = launch();
    expect(app.disableHardwareAcceleration).not.toHaveBeenCalled();
    childGone('GPU');
    expect(JSON.parse(readFileSync(statePath, 'utf8')).crashes).toHaveLength(1);
  });

  it('never throws when the record cannot be written, and keeps the old record whole', () => {
    launch().childGone('GPU');
    const before = readFileSync(statePath, 'utf8');
    const failingFs = { ...fs, renameSync: vi.fn(() => { throw new Error('EROFS: read-only file system') }) };
    const { childGone } = launch({ fs: failingFs });
    expect(() => childGone('GPU')).not.toThrow();
    expect(readFileSync(statePath, 'utf8')).toBe(before);
    expect(readdirSync(join(dir, 'userData'))).toEqual([GPU_STATE_FILE]);
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Could not record the GPU crash' }));
  });

  it('stops counting once stopped', () => {
    const one = launch();
    one.guard.stop();
    for (let i = 0; i < 3; i++) one.childGone('GPU');
    expect(launch().app.disableHardwareAcceleration).not.toHaveBeenCalled();
  });
});
