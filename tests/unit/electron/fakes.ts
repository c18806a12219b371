/**
 * EventEmitter-based stand-ins for the Electron objects the main-process services take as
 * parameters. The Electron binary cannot run on these machines (docs: toolchain), so these fakes
 * emit the same events with the same arguments Electron documents.
 */
import { EventEmitter } from 'node:events';
import type { RenderProcessGoneDetails } from 'electron';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  /** Like Electron: ends the renderer and reports it as render-process-gone (reason killed). */
  readonly forcefullyCrashRenderer = vi.fn(() => void this.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
  readonly setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined);
  readonly setZoomFactor = vi.fn((_factor: number) => undefined);
  readonly toggleDevTools = vi.fn();
  readonly isDestroyed = () => this.destroyed;

  /** The renderer dies the way Electron reports it. */
  crash(reason: RenderProcessGoneDetails['reason'] = 'crashed', exitCode = 139): void {
    this.emit('render-process-gone', {}, { reason, exitCode });
  }

  /** URLs loaded so far, in order. */
  get loaded(): string[] {
    return this.loadURL.mock.calls.map(([url]) => url);
  }
}

export class FakeWindow extends EventEmitter {
  destroyed = false;
  readonly webContents = new FakeWebContents();
  readonly setAlwaysOnTop = vi.fn();
  readonly destroy = vi.fn(() => {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  });
  readonly isDestroyed = () => this.destroyed;
}

/** A key as `before-input-event` reports it. */
export function key(
  keyName: string,
  modifiers: { control?: boolean; alt?: boolean; meta?: boolean; shift?: boolean } = {},
) {
  return {
    type: 'keyDown',
    key: keyName,
    code: '',
    isAutoRepeat: false,
    isComposing: false,
    location: 0,
    modifiers: [],
    control: false,
    alt: false,
    meta: false,
    shift: false,
    ...modifiers,
  };
}
