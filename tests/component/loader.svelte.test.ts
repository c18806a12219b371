// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Loader } from '../../src-renderer/state/loader.svelte';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Loader', () => {
  it('goes from loading to ready with the value', async () => {
    const loader = new Loader<string>();
    const pending = deferred<string>();
    const done = loader.load(() => pending.promise);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader.status).toBe('loading');
    pending.resolve('Alliance');
    await done;
    expect(loader.status).toBe('ready');
    expect(loader.value).toBe('Alliance');
  });

  it('goes straight to ready for an answer already at hand, never through loading', async () => {
    const loader = new Loader<string>();
    await loader.load(() => Promise.resolve('Alliance'));
    const seen: string[] = [];
    const done = loader.load(() => Promise.resolve('Cold War'));
    seen.push(loader.status);
    await done;
    seen.push(loader.status);
    await new Promise((resolve) => setTimeout(resolve, 0));
    seen.push(loader.status);
    // The previous value stays until the new one replaces it in the same task.
    expect(seen).toEqual(['ready', 'ready', 'ready']);
    expect(loader.value).toBe('Cold War');
  });

  it('records a failure as an error state', async () => {
    const loader = new Loader<string>();
    await loader.load(() => Promise.reject(new Error('store closed')));
    expect(loader.status).toBe('error');
    expect(loader.error?.message).toBe('store closed');
    expect(loader.value).toBeUndefined();
  });

  it('ignores an older answer that arrives after a newer request (fast taps)', async () => {
    const loader = new Loader<string>();
    const slow = deferred<string>();
    const fast = deferred<string>();
    const first = loader.load(() => slow.promise);
    const second = loader.load(() => fast.promise);
    fast.resolve('Cold War');
    await second;
    slow.resolve('Early Cooperation');
    await first;
    expect(loader.value).toBe('Cold War');
    expect(loader.status).toBe('ready');
  });
});
