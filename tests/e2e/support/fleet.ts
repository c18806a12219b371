/**
 * The servers a museum's IT already runs, started by the fleet spec (issue 22) from Debian's
 * packages (installed by .ci/run): nginx serving a channel folder, and Prometheus scraping
 * kiosks. Both listen on the loopback address only, and each keeps its files in a temporary
 * folder: nothing of the machine's own configuration is used or touched.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A port free on 127.0.0.1 now (the listener is closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A server this spec needs, or a sentence saying how to install it. */
function installed(path: string, debianPackage: string): string {
  if (!existsSync(path)) throw new Error(`${path} is not installed: apt-get install ${debianPackage} (the README's test command needs it; .ci/run installs it)`);
  return path;
}

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

function stopProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface Nginx {
  url: string;
  start(): Promise<void>;
  /** Stops it at once (SIGTERM is nginx's fast shutdown: open downloads are cut). */
  stop(): Promise<void>;
  /** The access log's lines: "<path> <status> <Range header or -> <bytes sent>". */
  accessLog(): string[];
}

/**
 * nginx serving `root` on 127.0.0.1 as a plain static server (ETag, ranges: its defaults);
 * `limitRate` (nginx's limit_rate, e.g. "256k") makes it a slow line.
 */
export async function nginx(root: string, work: string, { limitRate }: { limitRate?: string } = {}): Promise<Nginx> {
  const dir = join(work, 'nginx');
  for (const sub of ['', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  // master_process off: one process as the test's own user, so it reads the test's 0700 folders.
  writeFileSync(conf, `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  types { application/json json; application/octet-stream vitrine; }
  log_format fleet '$uri $status $http_range $body_bytes_sent';
  access_log ${dir}/access.log fleet;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};${limitRate ? `\n    limit_rate ${limitRate};` : ''}
  }
}
`);
  writeFileSync(join(dir, 'access.log'), '');
  let child: ChildProcess | null = null;
  const url = `http://127.0.0.1:${port}/`;
  const server: Nginx = {
    url,
    async start() {
      child = spawn(installed('/usr/sbin/nginx', 'nginx-light'), ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')], { stdio: 'ignore' });
      await waitFor('nginx', async () => (await fetch(url)).status > 0, 10_000);
    },
    async stop() {
      await stopProcess(child);
      child = null;
    },
    accessLog: () => readFileSync(join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
  };
  await server.start();
  return server;
}

export interface Prometheus {
  url: string;
  /** One instant query through Prometheus's HTTP API: each series' labels and value. */
  query(expr: string): Promise<{ metric: Record<string, string>; value: number }[]>;
  stop(): Promise<void>;
}

/** Prometheus scraping `targets` (host:port) every second with the bearer `token`. */
export async function prometheus(targets: Record<string, string>, token: string, work: string): Promise<Prometheus> {
  const dir = join(work, 'prometheus');
  mkdirSync(join(dir, 'data'), { recursive: true });
  const port = await freePort();
  const statics = Object.entries(targets).map(([kiosk, target]) => `      - targets: ['${target}']\n        labels: { kiosk: ${kiosk} }`).join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), `global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: vitrine
    scrape_timeout: 1s
    authorization: { type: Bearer, credentials: '${token}' }
    static_configs:
${statics}
`);
  const child = spawn(installed('/usr/bin/prometheus', 'prometheus'), [
    `--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await waitFor('Prometheus', async () => (await fetch(`${url}-/ready`)).ok, 60_000);
  return {
    url,
    async query(expr) {
      const response = await fetch(`${url}api/v1/query?query=${encodeURIComponent(expr)}`);
      const body = (await response.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      if (body.status !== 'success') throw new Error(`Prometheus refused the query ${expr}`);
      return body.data.result.map((r) => ({ metric: r.metric, value: Number(r.value[1]) }));
    },
    stop: () => stopProcess(child),
  };
}
