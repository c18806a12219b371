// @vitest-environment node
/**
 * The fleet pieces as a kiosk opens them (issue 22): staff see the channel and the metrics
 * endpoint on their screen and can look at the channel now; the metrics token never reaches a
 * screen; the endpoint listens once both settings are set and reads the kiosk's own state.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { publishPackage } from '../../../src-main/core/channel/publish';
import { createLogger } from '../../../src-main/core/log';
import { generateSigningKeys } from '../../../src-main/core/packages/signing';
import { createPinStore } from '../../../src-main/core/staff/pin';
import { openVitrine, type VitrineCore } from '../../../src-main/core/vitrine';
import { startChannelServer, type ChannelServer } from '../../helpers/channel-server';
import { makePackage, smallSource, tempDir } from '../../helpers/packages';

const key = generateSigningKeys();
const TOKEN = 'a-metrics-token-of-enough-length-1234';
let root: ReturnType<typeof tempDir>;
let server: ChannelServer;
let core: VitrineCore;
let token: string;

beforeAll(async () => {
  root = tempDir();
  const source = smallSource();
  source.package.version = '2.3.4';
  const archive = await makePackage(root.path, source, 'p.vitrine', { signingKeyPem: key.privatePem });
  await publishPackage({ archive, channelDir: join(root.path, 'channel'), privatePem: key.privatePem, group: null });
  server = await startChannelServer(join(root.path, 'channel'));
  core = await openVitrine({ dataDir: join(root.path, 'data'), builtinPackage: null, log: createLogger(() => undefined), appVersion: '1.2.3', channel: { firstCheckMs: 3_600_000 } });
  await createPinStore(core.store.db).set('1357');
  token = (await core.api.staffLogin({ pin: '1357' })).token;
}, 60_000);
afterAll(async () => {
  core.close();
  await server.close();
  root.cleanup();
});

describe('the fleet on a kiosk', () => {
  it('shows staff no channel, then the channel they look at now, with what it brought', async () => {
    let status = await core.api.staffStatus({ token });
    expect(status.channel).toMatchObject({ url: null, state: 'off' });
    await expect(Promise.resolve().then(() => core.api.staffCheckChannel({ token }))).rejects.toThrow(/No channel is set/);

    core.settings.set('trustedKeys', [key.publicKey]);
    core.settings.set('channelUrl', server.channelUrl);
    // The answer comes after at most 5 s, whatever the look is doing by then; the screen watches the rest.
    const looked = await core.api.staffCheckChannel({ token });
    expect(looked).toMatchObject({ url: server.channelUrl, offered: { version: '2.3.4' }, problem: null });
    await vi.waitFor(async () => expect((await core.api.staffStatus({ token })).channel.state).toBe('waiting'), { timeout: 60_000 });
    status = await core.api.staffStatus({ token });
    expect(status.live?.version).toBe('2.3.4');
    expect(status.inbox.results[0]).toMatchObject({ name: 'channel: test-exhibit 2.3.4', outcome: 'imported' });
  });

  it('listens for Prometheus once both settings are set, never shows the token, and reports the live content', async () => {
    let status = await core.api.staffStatus({ token });
    expect(status.metrics).toEqual({ url: null, problem: null });
    core.settings.set('metricsAddress', '127.0.0.1:0');
    await core.metrics.apply();
    status = await core.api.staffStatus({ token });
    expect(status.metrics).toMatchObject({ url: null, problem: expect.stringMatching(/metricsToken is not set/) });

    core.settings.set('metricsToken', TOKEN);
    await core.metrics.apply();
    status = await core.api.staffStatus({ token });
    expect(status.metrics.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect(status.settings.find((s) => s.key === 'metricsToken')?.value).toBe('(set: see vitrine settings get)');

    const refused = await fetch(status.metrics.url!);
    expect(refused.status).toBe(401);
    const text = await (await fetch(status.metrics.url!, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toMatch(/^vitrine_content_version\{package="test-exhibit"\} 2003004$/m);
    expect(text).toMatch(/^vitrine_app_info\{version="1\.2\.3",host="browser"\} 1$/m);
    expect(text).toMatch(/^vitrine_channel_state\{state="waiting"\} 1$/m);
    expect(text).toMatch(/^vitrine_last_import_timestamp_seconds\{outcome="imported",source="channel"\} \d+/m);
  });
});
