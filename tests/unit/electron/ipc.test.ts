import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiImplementation } from '../../../src-main/contract/api';
import { IPC_CHANNEL } from '../../../src-main/contract/methods';
import { createMemoryLogger } from '../../../src-main/core/log';
import { bindIpc } from '../../../src-main/electron/ipc';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

const APP_PAGE = 'vitrine://app/index.html';

/** An invoke event as Electron builds it: the sending frame, and the page holding it. */
function eventFrom(frame: FakeFrame | null, mainFrame: FakeFrame | null = frame): IpcMainInvokeEvent {
  return { senderFrame: frame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

const mainFrame = (url = APP_PAGE): FakeFrame => ({ url, parent: null });

let handler: Handler;

function fakeApi() {
  return {
    getArtifact: vi.fn(async ({ id }: { id: string }) => ({ id, title: 'Lenin telegram' })),
    getHealth: vi.fn((): unknown => ({ ok: true })),
  };
}

function fakeIpcMain() {
  return {
    handle: vi.fn((_channel: string, fn: Handler) => void (handler = fn)),
    removeHandler: vi.fn((_channel: string) => undefined),
  };
}

let api: ReturnType<typeof fakeApi>;
let log: ReturnType<typeof createMemoryLogger>;
let ipcMain: ReturnType<typeof fakeIpcMain>;
let unbind: () => void;

beforeEach(() => {
  api = fakeApi();
  log = createMemoryLogger();
  ipcMain = fakeIpcMain();
  unbind = bindIpc(ipcMain, api as unknown as ApiImplementation, { log });
});

describe('bindIpc', () => {
  it('listens on the one contract channel and unbinds from it', () => {
    expect(ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(ipcMain.handle.mock.calls[0]?.[0]).toBe(IPC_CHANNEL);
    unbind();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_CHANNEL);
  });

  it('dispatches a valid call from the app page to the core and returns its envelope', async () => {
    const answer = await handler(eventFrom(mainFrame('vitrine://app/index.html#/artifact/obj1')), 'getArtifact', { id: 'obj1' });
    expect(answer).toEqual({ ok: true, result: { id: 'obj1', title: 'Lenin telegram' } });
    expect(api.getArtifact).toHaveBeenCalledWith({ id: 'obj1' });
  });

  it('answers bad arguments with a bad-request failure, without calling the core', async () => {
    const answer = await handler(eventFrom(mainFrame()), 'getArtifact', { id: '../../etc/passwd' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(api.getArtifact).not.toHaveBeenCalled();
  });

  it('answers an unknown method with a bad-request failure', async () => {
    const answer = await handler(eventFrom(mainFrame()), 'deleteEverything', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it.each([
    ['a page on the internet', eventFrom(mainFrame('https://evil.example/'))],
    ['a look-alike host', eventFrom(mainFrame('vitrine://app.evil.example/index.html'))],
    ['another host on our scheme', eventFrom(mainFrame('vitrine://evil/index.html'))],
    ['a local file', eventFrom(mainFrame('file:///etc/passwd'))],
    ['a subframe of the app page', eventFrom({ url: APP_PAGE, parent: mainFrame() }, mainFrame())],
    ['a top-level frame that is not its page\'s main frame', eventFrom(mainFrame(), mainFrame())],
    ['an event without a sender frame', eventFrom(null)],
  ])('refuses %s, dispatches nothing and logs it', async (_name, event) => {
    const answer = await handler(event, 'getHealth', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(api.getHealth).not.toHaveBeenCalled();
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', area: 'ipc' }));
  });

  it('refuses a frame that was disposed while the call was in flight', async () => {
    const event = { sender: {}, get senderFrame(): never { throw new Error('Render frame was disposed') } };
    const answer = await handler(event as unknown as IpcMainInvokeEvent, 'getHealth', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(api.getHealth).not.toHaveBeenCalled();
  });

  it('turns a failing core into an internal failure instead of a rejected invoke', async () => {
    api.getHealth.mockImplementation(() => {
      throw new Error('disk on fire');
    });
    const answer = await handler(eventFrom(mainFrame()), 'getHealth', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('accepts another origin only when told to trust it', async () => {
    bindIpc(ipcMain, api as unknown as ApiImplementation, { log, isTrustedUrl: (url) => url.startsWith('http://127.0.0.1:5173/') });
    const answer = await handler(eventFrom(mainFrame('http://127.0.0.1:5173/')), 'getHealth', {});
    expect(answer).toEqual({ ok: true, result: { ok: true } });
  });
});
