/**
 * A static web server on the loopback address for channel tests, as nginx answers: ETag and
 * Last-Modified, If-None-Match (304), Range and If-Range (206), plus faults a real network has:
 * a connection cut after so many bytes, a file served cut short, the server away.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';

export interface ServedRequest {
  path: string;
  status: number;
  headers: IncomingHttpHeaders;
}

export interface Faults {
  /** Destroy the connection after sending this many body bytes of a package (once). */
  cutAfter?: number;
  /** Serve packages cut to this many bytes, with a matching Content-Length. */
  truncateTo?: number;
}

export interface ChannelServer {
  url: string;
  /** The address of channel.json on this server. */
  channelUrl: string;
  requests: ServedRequest[];
  faults: Faults;
  close(): Promise<void>;
}

export async function startChannelServer(root: string): Promise<ChannelServer> {
  const requests: ServedRequest[] = [];
  const faults: Faults = {};
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const answer = (status: number, headers: Record<string, string | number> = {}, body?: Buffer) => {
      requests.push({ path, status, headers: req.headers });
      res.writeHead(status, headers);
      res.end(body);
    };
    let file: Buffer;
    let mtime: Date;
    try {
      const info = statSync(join(root, path));
      if (!info.isFile()) return answer(404);
      file = readFileSync(join(root, path));
      mtime = info.mtime;
    } catch {
      return answer(404);
    }
    const etag = `"${file.length.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}"`;
    const base = { etag, 'last-modified': mtime.toUTCString(), 'accept-ranges': 'bytes' };
    if (req.headers['if-none-match'] === etag) return answer(304, base);
    if (path.endsWith('.vitrine') && faults.truncateTo !== undefined) file = file.subarray(0, faults.truncateTo);
    let start = 0;
    let status = 200;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range && (ifRange === undefined || ifRange === etag)) {
      start = Number(range[1]);
      if (start >= file.length) return answer(416, { 'content-range': `bytes */${file.length}` });
      status = 206;
    }
    const body = file.subarray(start);
    const headers = { ...base, 'content-length': body.length, ...(status === 206 ? { 'content-range': `bytes ${start}-${file.length - 1}/${file.length}` } : {}) };
    if (path.endsWith('.vitrine') && faults.cutAfter !== undefined) {
      const cut = faults.cutAfter;
      delete faults.cutAfter;
      requests.push({ path, status, headers: req.headers });
      res.writeHead(status, headers);
      res.write(body.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    answer(status, headers, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    channelUrl: `${url}channel.json`,
    requests,
    faults,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
