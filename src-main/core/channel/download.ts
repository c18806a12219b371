/**
 * Downloads a channel's package in the background (issue 22): resumed where it stopped (HTTP
 * Range, guarded by If-Range so a file changed on the server is fetched afresh), held under a
 * bandwidth ceiling, hashed as it arrives, and moved to its final name only when its size and
 * SHA-256 are the channel's. A kiosk that loses the network keeps what it has on disk; one that
 * is served the wrong bytes deletes them.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat, writeFile, readFile } from 'node:fs/promises';

export type DownloadFailure =
  /** Try again later, from where it stopped: the server or the network is away. */
  | 'network'
  /** The bytes are not the channel's (too short, too long, another hash): deleted, not tried again. */
  | 'refused';

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface DownloadOptions {
  url: URL;
  /** Where the finished package goes; `<dest>.part` holds it meanwhile. */
  dest: string;
  bytes: number;
  sha256: string;
  /** Bandwidth ceiling in bytes a second; 0 for none. */
  maxBytesPerSecond: number;
  onProgress?: (done: number, total: number) => void;
  /** No byte for this long: the connection is given up (and resumed at the next attempt). */
  stallMs?: number;
  /** Stops the download (the kiosk stops, or staff changed the channel); what is on disk is kept. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** System errors in words staff can act on (undici hides the code in `cause`). */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'the server refused the connection: is the web server running?',
  ENOTFOUND: 'no server by that name: check the address and the network',
  EAI_AGAIN: 'no server by that name: check the address and the network',
  ETIMEDOUT: 'no answer in time',
  UND_ERR_CONNECT_TIMEOUT: 'no answer in time',
  TimeoutError: 'no answer in time',
  AbortError: 'no data for a minute',
  ENETUNREACH: 'no network',
  EHOSTUNREACH: 'no route to the server',
  ECONNRESET: 'the connection was closed',
  UND_ERR_SOCKET: 'the connection was closed',
};

/** Why a request failed, in a few words, with the system's code for a technician. */
export function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; name?: string; message?: string } })?.cause;
  const code = cause?.code ?? cause?.name ?? (error as { name?: string })?.name;
  const words = code !== undefined ? REASONS[code] : undefined;
  if (words) return `${words}; ${code}`;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Downloads `url` to `dest`, resuming `<dest>.part`; resolves once `dest` holds exactly the channel's bytes. */
export async function downloadPackage(options: DownloadOptions): Promise<void> {
  const { url, dest, bytes: total, sha256 } = options;
  const part = `${dest}.part`;
  const validatorFile = `${dest}.validator`;
  const now = options.now ?? Date.now;
  let have = (await stat(part).catch(() => null))?.size ?? 0;
  if (have > total) have = await restart(part);
  const validator = have > 0 ? await readFile(validatorFile, 'utf8').catch(() => null) : null;
  // Without what the server called the file last time, a resumed tail could belong to another file.
  if (have > 0 && validator === null) have = await restart(part);

  const resumed = have > 0;
  const hash = createHash('sha256');
  if (have < total) {
    // identity: a CDN that compresses would change the length and the meaning of byte ranges.
    const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(have > 0 ? { range: `bytes=${have}-`, 'if-range': validator! } : {}) };
    const stall = new AbortController();
    options.signal?.addEventListener('abort', () => stall.abort(), { once: true });
    // A server that takes the connection and never answers is given up too, not waited for.
    const waiting = setTimeout(() => stall.abort(), options.stallMs ?? 60_000);
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(url, { headers, signal: stall.signal, redirect: 'follow' });
    } catch (error) {
      throw new DownloadError('network', `The package at ${url} could not be reached (${networkReason(error)}).`);
    } finally {
      clearTimeout(waiting);
    }
    if (response.status === 206) {
      const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
      if (!range || Number(range[1]) !== have) {
        await response.body?.cancel();
        await restart(part);
        throw new DownloadError('network', `The server answered a resumed download of ${url} from another place; it starts again.`);
      }
      if (range[2] !== '*' && Number(range[2]) !== total) {
        await response.body?.cancel();
        await restart(part);
        throw new DownloadError('refused', `The package at ${url} is ${range[2]} bytes, but the channel says ${total}.`);
      }
    } else if (response.status === 200) {
      have = await restart(part); // the whole file again (a server without ranges, or a changed file)
      const length = response.headers.get('content-length');
      if (length !== null && Number(length) !== total) {
        await response.body?.cancel();
        throw new DownloadError('refused', `The package at ${url} is ${length} bytes, but the channel says ${total}.`);
      }
    } else {
      await response.body?.cancel();
      if (response.status === 416) await restart(part);
      throw new DownloadError('network', `The server answered ${response.status} ${response.statusText} for ${url}.`);
    }
    const newValidator = response.headers.get('etag') ?? response.headers.get('last-modified');
    if (newValidator) await writeFile(validatorFile, newValidator);
    else await rm(validatorFile, { force: true });

    await hashFile(part, have, hash);
    have = await receive(response, part, have, hash, { ...options, now, stall });
    if (have < total) {
      await restart(part);
      throw new DownloadError('refused', `The package at ${url} ended after ${have} of the ${total} bytes the channel says (the file on the server is cut short).`);
    }
  } else {
    await hashFile(part, have, hash);
  }
  const digest = hash.digest('hex');
  if (digest !== sha256) {
    await restart(part);
    // Resumed bytes may be what is wrong (a part damaged on this disk): once more, from the start.
    if (resumed) throw new DownloadError('network', `The download of ${url}, resumed, did not have the channel's SHA-256; it starts again from the beginning.`);
    throw new DownloadError('refused', `The package at ${url} has SHA-256 ${digest}, but the channel says ${sha256}: it is not the package that was published.`);
  }
  await rename(part, dest);
  await rm(validatorFile, { force: true });
}

/** Appends the body to `part` under the ceiling; returns the bytes now on disk. */
async function receive(
  response: Response,
  part: string,
  start: number,
  hash: Hash,
  options: DownloadOptions & { now: () => number; stall: AbortController },
): Promise<number> {
  const { bytes: total, maxBytesPerSecond: ceiling, now, stall } = options;
  const sleep = options.sleep ?? realSleep;
  const stallMs = options.stallMs ?? 60_000;
  const file = await open(part, 'a');
  let have = start;
  const began = now();
  let timer = setTimeout(() => stall.abort(), stallMs);
  const reader = response.body!.getReader();
  let finished = false;
  try {
    for (;;) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw new DownloadError('network', `The download of ${options.url} stopped at ${have} of ${total} bytes (${networkReason(error)}); it resumes from there.`);
      }
      if (chunk.done) {
        finished = true;
        break;
      }
      if (have + chunk.value.byteLength > total) {
        await file.close();
        await restart(part);
        throw new DownloadError('refused', `The package at ${options.url} is longer than the ${total} bytes the channel says.`);
      }
      await file.write(chunk.value);
      hash.update(chunk.value);
      have += chunk.value.byteLength;
      options.onProgress?.(have, total);
      clearTimeout(timer);
      if (ceiling > 0) {
        // Ahead of the ceiling: wait until the bytes so far are within it.
        const ahead = ((have - start) / ceiling) * 1000 - (now() - began);
        if (ahead > 5) await sleep(ahead);
      }
      timer = setTimeout(() => stall.abort(), stallMs);
    }
  } finally {
    clearTimeout(timer);
    // Whatever stopped it (a full disk, a refusal), the connection is let go at once.
    if (!finished) await reader.cancel().catch(() => undefined);
    await file.close().catch(() => undefined);
  }
  return have;
}

async function hashFile(path: string, bytes: number, hash: Hash): Promise<void> {
  if (bytes === 0) return;
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) hash.update(chunk as Buffer);
}

/** Throws away what is on disk for a download (its bytes and what the server called them): from zero next time. */
async function restart(part: string): Promise<number> {
  await rm(part, { force: true });
  await rm(part.replace(/\.part$/, '.validator'), { force: true });
  return 0;
}

/** A response's text, refused with `tooBig()` past `max` bytes without reading the rest (a server gone wrong could send gigabytes). */
export async function readCapped(response: Response, max: number, tooBig: () => Error): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > max) {
    await response.body?.cancel();
    throw tooBig();
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
