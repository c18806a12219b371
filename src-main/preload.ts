/**
 * The sandboxed preload: exposes `window.vitrine`, one function per verb of the API contract and
 * nothing else. Never ipcRenderer itself, never a generic "send on any channel" (Electron
 * security checklist: "Do not expose Electron APIs to untrusted web content"; style guide §2,
 * §8). Imports only the dependency-free verb list, so the bundle stays one small CommonJS file
 * that a sandboxed preload can load.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, IPC_CHANNEL, type ApiMethod } from './contract/methods';

/**
 * What the renderer sees: each verb resolves to the binding's envelope,
 * `{ ok: true, result }` or `{ ok: false, error: { code, message } }`, exactly as over HTTP.
 */
export type VitrineBridge = Readonly<Record<ApiMethod, (args?: unknown) => Promise<unknown>>>;

// Exactly two values cross to the main process: the verb's name and its arguments. Whatever
// else a caller passes is dropped here; the main process validates the rest.
const bridge: VitrineBridge = Object.freeze(
  Object.fromEntries(
    API_METHODS.map((method) => [method, (args?: unknown) => ipcRenderer.invoke(IPC_CHANNEL, method, args)]),
  ) as Record<ApiMethod, (args?: unknown) => Promise<unknown>>,
);

contextBridge.exposeInMainWorld('vitrine', bridge);
