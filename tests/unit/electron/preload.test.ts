import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_CHANNEL } from '../../../src-main/contract/methods';

// The preload runs inside Electron's sandbox; here contextBridge and ipcRenderer are fakes
// that record what the preload hands to the page.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'answer' })) },
}));
vi.mock('electron', () => electron);

let bridge: Record<string, unknown>;

beforeAll(async () => {
  await import('../../../src-main/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [name, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
  expect(name).toBe('vitrine');
  bridge = exposed;
});

describe('the preload bridge', () => {
  it('exposes exactly one function per verb of the contract, and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) expect(typeof bridge[method]).toBe('function');
  });

  it('does not hand out ipcRenderer or a generic channel', () => {
    for (const value of Object.values(bridge)) expect(value).not.toBe(electron.ipcRenderer);
    for (const key of ['ipcRenderer', 'invoke', 'send', 'on']) expect(bridge).not.toHaveProperty(key);
  });

  it('is frozen, so the page cannot add or swap a verb', () => {
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards each verb as (channel, verb name, arguments) and returns the answer', async () => {
    const getArtifact = bridge.getArtifact as (args: unknown) => Promise<unknown>;
    await expect(getArtifact({ id: 'obj1' })).resolves.toEqual({ ok: true, result: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, 'getArtifact', { id: 'obj1' });
  });

  it('sends nothing beyond the arguments object, whatever the page passes', async () => {
    const search = bridge.search as (...args: unknown[]) => Promise<unknown>;
    await search({ query: 'famine' }, 'extra', { channel: 'other' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, 'search', { query: 'famine' });
  });
});
