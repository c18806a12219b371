// @vitest-environment node
/**
 * The metrics endpoint follows its settings (issue 22): off by default and without a token,
 * listening once both are set, moved or re-keyed when they change, and never the reason a kiosk
 * fails to start: a port it cannot have is a sentence for staff, not an exception.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../../src-main/core/log';
import { createKioskMetrics } from '../../../src-main/core/metrics/registry';
import { MetricsService, type MetricsSettings } from '../../../src-main/core/metrics/service';
import { fakeKiosk, sourcesOf } from '../../helpers/metrics';

const TOKEN = 'first-token-0123456789abcdef';
const OTHER = 'other-token-0123456789abcdef';

let settings: MetricsSettings;
let log: ReturnType<typeof createMemoryLogger>;
let service: MetricsService;
const held: Server[] = [];

beforeEach(() => {
  settings = { address: null, token: null };
  log = createMemoryLogger();
  service = new MetricsService({ settings: () => settings, registry: createKioskMetrics(sourcesOf(fakeKiosk())), log });
});
afterEach(async () => {
  await service.stop();
  for (const server of held.splice(0)) await new Promise((done) => server.close(done));
});

/** A port another program holds on 127.0.0.1. */
async function takenPort(): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return (server.address() as { port: number }).port;
}

/** A port free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const status = async (url: string, token: string) => (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).status;
const refused = (url: string) => fetch(url).then(() => false, () => true);

describe('metrics service', () => {
  it('stays off by default, and without a token even when an address is set', async () => {
    await service.start();
    expect(service.url).toBeNull();
    expect(service.problem).toBeNull();

    settings = { address: '127.0.0.1:0', token: null };
    await service.apply();
    expect(service.url).toBeNull();
    expect(service.problem).toMatch(/metricsToken is not set/);
  });

  it('listens once both are set, and answers the token', async () => {
    settings = { address: '127.0.0.1:0', token: TOKEN };
    await service.start();
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(await status(service.url!, TOKEN)).toBe(200);
    expect(service.problem).toBeNull();
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'info', area: 'metrics' }));
    expect(JSON.stringify(log.entries)).not.toContain(TOKEN);
  });

  it('listens again where the settings now say, with the new token, when they change', async () => {
    settings = { address: '127.0.0.1:0', token: TOKEN };
    await service.start();
    const first = service.url!;

    const port = await freePort();
    settings = { address: `127.0.0.1:${port}`, token: OTHER };
    await service.apply();
    expect(service.url).toBe(`http://127.0.0.1:${port}/metrics`);
    expect(await status(service.url!, OTHER)).toBe(200);
    expect(await status(service.url!, TOKEN)).toBe(401);
    expect(await refused(first)).toBe(true);

    settings = { address: null, token: OTHER };
    await service.apply();
    expect(service.url).toBeNull();
    expect(await refused(`http://127.0.0.1:${port}/metrics`)).toBe(true);
  });

  it('reports a port another program holds as a problem, without throwing, and recovers when moved', async () => {
    const port = await takenPort();
    settings = { address: `127.0.0.1:${port}`, token: TOKEN };
    await expect(service.start()).resolves.toBeUndefined();
    expect(service.url).toBeNull();
    expect(service.problem).toBe(`The metrics endpoint could not listen on 127.0.0.1:${port}: another program already uses that port.`);
    expect(log.entries).toContainEqual({ level: 'warn', area: 'metrics', message: service.problem });

    settings = { address: '127.0.0.1:0', token: TOKEN };
    await service.apply();
    expect(service.problem).toBeNull();
    expect(await status(service.url!, TOKEN)).toBe(200);
  });

  it('reports an address that is not this machine\'s as a problem, without throwing', async () => {
    settings = { address: '192.0.2.77:9464', token: TOKEN }; // TEST-NET-1: never a local address
    await expect(service.start()).resolves.toBeUndefined();
    expect(service.url).toBeNull();
    expect(service.problem).toBe('The metrics endpoint could not listen on 192.0.2.77:9464: that address is not one of this machine\'s.');
  });

  it('takes quick changes one after another, ending where the last one says', async () => {
    settings = { address: '127.0.0.1:0', token: TOKEN };
    await service.start();
    const port = await freePort();
    const changes = [service.apply(), service.apply()];
    settings = { address: `127.0.0.1:${port}`, token: OTHER };
    await Promise.all([...changes, service.apply()]);
    expect(service.url).toBe(`http://127.0.0.1:${port}/metrics`);
    expect(await status(service.url!, OTHER)).toBe(200);
    expect(service.problem).toBeNull();
  });

  it('stops listening on stop(), and start() again brings it back', async () => {
    settings = { address: '127.0.0.1:0', token: TOKEN };
    await service.start();
    const url = service.url!;
    await service.stop();
    expect(service.url).toBeNull();
    expect(await refused(url)).toBe(true);
    await service.start();
    expect(await status(service.url!, TOKEN)).toBe(200);
  });
});
