// @vitest-environment node
/**
 * The fleet examples IT copies (docs/fleet/, issue 22), checked by Prometheus's own promtool:
 * the configuration and alert rules load, each alert fires on the situation it names (and not
 * on its look-alikes), and a real scrape of the kiosk passes promtool's lint. Skipped only where
 * promtool is not installed (Debian: apt-get install prometheus), which the skip message says.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createKioskMetrics } from '../../../src-main/core/metrics/registry';
import { fakeKiosk, sourcesOf } from '../../helpers/metrics';
import { tempDir } from '../../helpers/packages';

const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';
const FLEET = resolve(import.meta.dirname, '../../../docs/fleet');
const hasPromtool = existsSync(PROMTOOL);
if (!hasPromtool) console.warn(`Skipping the docs/fleet checks: promtool is not at ${PROMTOOL} (install Debian's "prometheus", or set PROMTOOL).`);

let root: ReturnType<typeof tempDir>;
beforeEach(() => void (root = tempDir('vitrine-fleet-')));
afterEach(() => root.cleanup());

function promtool(args: string[], input?: string): { status: number | null; output: string } {
  const run = spawnSync(PROMTOOL, args, { encoding: 'utf8', input, timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

type Labels = Record<string, string>;
const kiosk = (name: string): Labels => ({ job: 'vitrine', instance: `${name}:9464`, kiosk: name });
const seriesOf = (metric: string, labels: Labels, values: string) => ({
  series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(',')}}`,
  values,
});
const fires = (alertname: string, evalTime: string, alerts: Labels[]) => ({
  eval_time: evalTime, alertname, exp_alerts: alerts.map((labels) => ({ exp_labels: labels })),
});

describe.skipIf(!hasPromtool)('docs/fleet with promtool', () => {
  it('alerts.yml loads', () => {
    const { status, output } = promtool(['check', 'rules', join(FLEET, 'alerts.yml')]);
    expect(output).toContain('SUCCESS: 7 rules found');
    expect(status).toBe(0);
  });

  it('prometheus.yml loads, with its rules, once the token file it names exists', () => {
    const config = readFileSync(join(FLEET, 'prometheus.yml'), 'utf8');
    const tokenFile = parse(config).scrape_configs[0].authorization.credentials_file as string;
    expect(tokenFile).toBe('/etc/prometheus/vitrine-token');
    writeFileSync(join(root.path, 'token'), 'scrape-token-0123456789abcdef\n');
    copyFileSync(join(FLEET, 'alerts.yml'), join(root.path, 'alerts.yml'));
    writeFileSync(join(root.path, 'prometheus.yml'), config.replaceAll(tokenFile, join(root.path, 'token')));
    const { status, output } = promtool(['check', 'config', '--lint=all', '--lint-fatal', join(root.path, 'prometheus.yml')]);
    expect(output).toContain('SUCCESS: 1 rule files found');
    expect(status).toBe(0);
  });

  it('each alert fires on what it names, and not on its look-alikes', () => {
    // The rules as written, without their annotations (promtool compares those word for word;
    // `check rules` above already parsed their templates).
    const rules = parse(readFileSync(join(FLEET, 'alerts.yml'), 'utf8'));
    for (const group of rules.groups) for (const rule of group.rules) delete rule.annotations;
    writeFileSync(join(root.path, 'alerts.json'), JSON.stringify(rules));

    const warning = (labels: Labels, extra: Labels = {}) => ({ ...labels, ...extra, severity: 'warning' });
    const pkg = (name: string, p: string) => ({ ...kiosk(name), package: p });
    const tests = {
      rule_files: [join(root.path, 'alerts.json')],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [seriesOf('up', kiosk('a'), '1 0x10'), seriesOf('up', kiosk('b'), '1x10')],
          alert_rule_test: [fires('KioskDown', '5m', []), fires('KioskDown', '7m', [{ ...kiosk('a'), severity: 'critical' }])],
        },
        {
          interval: '1m', // scraped every minute: samples further apart than 5 minutes go stale between them
          input_series: [
            seriesOf('vitrine_channel_offered_version', pkg('behind', 'p'), '2011000x200'), seriesOf('vitrine_content_version', pkg('behind', 'p'), '2010003x200'),
            seriesOf('vitrine_channel_offered_version', pkg('same', 'p'), '2011000x200'), seriesOf('vitrine_content_version', pkg('same', 'p'), '2011000x200'),
            seriesOf('vitrine_channel_offered_version', pkg('ahead', 'p'), '1000000x200'), seriesOf('vitrine_content_version', pkg('ahead', 'p'), '2000000x200'),
            seriesOf('vitrine_channel_offered_version', pkg('other', 'q'), '9000000x200'), seriesOf('vitrine_content_version', pkg('other', 'p'), '1000000x200'),
          ],
          alert_rule_test: [fires('KioskBehindChannel', '1h50m', []), fires('KioskBehindChannel', '2h10m', [warning(pkg('behind', 'p'))])],
        },
        {
          interval: '1m',
          input_series: [
            seriesOf('vitrine_crashes', { ...kiosk('a'), kind: 'renderer' }, '0 1 2 3'), seriesOf('vitrine_crashes', { ...kiosk('a'), kind: 'gpu' }, '2 2 2 2'),
          ],
          alert_rule_test: [fires('KioskCrashing', '2m', []), fires('KioskCrashing', '3m', [warning(kiosk('a'), { kind: 'renderer' })])],
        },
        {
          interval: '1m',
          input_series: [
            seriesOf('vitrine_disk_free_bytes', kiosk('tenth'), '5e9x30'), seriesOf('vitrine_disk_total_bytes', kiosk('tenth'), '64e9x30'),
            seriesOf('vitrine_disk_free_bytes', kiosk('small'), '1.5e9x30'), seriesOf('vitrine_disk_total_bytes', kiosk('small'), '10e9x30'),
            seriesOf('vitrine_disk_free_bytes', kiosk('both'), '1e9x30'), seriesOf('vitrine_disk_total_bytes', kiosk('both'), '64e9x30'),
            seriesOf('vitrine_disk_free_bytes', kiosk('fine'), '20e9x30'), seriesOf('vitrine_disk_total_bytes', kiosk('fine'), '64e9x30'),
          ],
          alert_rule_test: [
            fires('KioskDiskLow', '10m', []),
            fires('KioskDiskLow', '20m', [warning(kiosk('both')), warning(kiosk('small')), warning(kiosk('tenth'))]),
          ],
        },
        {
          interval: '1m',
          // failing: failed since minute 1; flaky: one look went well at minute 121.
          input_series: [seriesOf('vitrine_channel_failures', kiosk('failing'), '0 1+0x300'), seriesOf('vitrine_channel_failures', kiosk('flaky'), '1+0x120 0 1+0x150')],
          alert_rule_test: [fires('KioskChannelFailing', '4h', []), fires('KioskChannelFailing', '4h30m', [warning(kiosk('failing'))])],
        },
        {
          interval: '1m',
          // refusing: the channel's package refused since minute 1; fixed: refused for an hour only.
          input_series: [
            seriesOf('vitrine_channel_state', { ...kiosk('refusing'), state: 'refused' }, '0 1+0x200'),
            seriesOf('vitrine_channel_state', { ...kiosk('fixed'), state: 'refused' }, '1+0x60 0+0x140'),
          ],
          alert_rule_test: [fires('KioskRefusingChannel', '2h', []), fires('KioskRefusingChannel', '2h30m', [warning(kiosk('refusing'), { state: 'refused' })])],
        },
        {
          interval: '1m',
          // stuck: the updater in error since minute 1; recovered: in error for 20 hours, then a
          // look went well; other: a kiosk whose updater waits with a download, never in error.
          input_series: [
            seriesOf('vitrine_app_update_state', { ...kiosk('stuck'), state: 'error' }, '0 1+0x1600'),
            seriesOf('vitrine_app_update_state', { ...kiosk('recovered'), state: 'error' }, '1+0x1200 0+0x400'),
            seriesOf('vitrine_app_update_state', { ...kiosk('other'), state: 'downloaded' }, '1+0x1600'),
            seriesOf('vitrine_app_update_state', { ...kiosk('other'), state: 'error' }, '0+0x1600'),
          ],
          alert_rule_test: [fires('KioskAppUpdateFailing', '24h', []), fires('KioskAppUpdateFailing', '25h', [warning(kiosk('stuck'), { state: 'error' })])],
        },
      ],
    };
    writeFileSync(join(root.path, 'tests.json'), JSON.stringify(tests));
    const { status, output } = promtool(['test', 'rules', join(root.path, 'tests.json')]);
    expect(output).toContain('SUCCESS');
    expect(status, output).toBe(0);
  });

  it('a scrape of the kiosk passes promtool\'s metrics lint', async () => {
    const text = await createKioskMetrics(sourcesOf(fakeKiosk())).metrics();
    const { output } = promtool(['check', 'metrics'], text);
    expect(output).toContain('vitrine_'); // promtool ran and read the scrape
    // prom-client's own gauges named *_total (nodejs_active_handles_total …) are its names, not ours.
    const ours = output.split('\n').filter((line) => line.trim() !== '' && !/^vitrine_nodejs_active_\w+_total /.test(line));
    expect(ours).toEqual([]);
  });
});
