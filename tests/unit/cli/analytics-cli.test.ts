// @vitest-environment node
/**
 * `vitrine analytics` as staff run it (issue 21): a real kiosk's visits, recorded through the
 * core's API as the renderer sends them, then read by the CLI in a separate process: the summary
 * in words and as JSON, and the export as CSV and JSON, equal to what was recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../../src-main/core/analytics/report';
import { createMemoryLogger } from '../../../src-main/core/log';
import { openVitrine } from '../../../src-main/core/vitrine';
import { runCli } from '../../helpers/cli';
import { makePackage, tempDir } from '../../helpers/packages';

let root: ReturnType<typeof tempDir>;
let data: string;
const today = localDay(Date.now());

beforeAll(async () => {
  root = tempDir('vitrine-analytics-cli-');
  data = join(root.path, 'data');
  const core = await openVitrine({ dataDir: data, builtinPackage: await makePackage(root.path), log: createMemoryLogger() });
  for (let i = 0; i < 6; i++) {
    const visit = `cli-visit-${i}-0123456789`;
    await core.api.recordActivity({ visit, events: [{ kind: 'screen', screen: 'home', id: null, dwellMs: 2000 }], dropped: 0 });
    await core.api.recordActivity({
      visit,
      events: [{ kind: 'screen', screen: 'artifact', id: i < 4 ? 'a1' : 'a3', dwellMs: 9000 }, { kind: 'search', query: 'Potsdam', results: 0 }, { kind: 'language', language: 'en' }],
      dropped: 0,
      endedMs: 45_000,
    });
  }
  core.close();
});
afterAll(() => root?.cleanup());

describe('vitrine analytics', () => {
  it('summarises the last 7 days of the live content in words', async () => {
    const run = await runCli(['analytics', 'summary', '--data', data]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Visitors from ${localDay(Date.now(), 6)} to ${today}, content test-exhibit@1.0.0`);
    expect(run.stdout).toMatch(/^Visits: 6 \(busiest hours: \d\d:00 6\)$/m);
    expect(run.stdout).toContain('Visit length: median 45 s, 90 % under 45 s');
    expect(run.stdout).toContain('  4 × Letter on grain (a1)\n  2 × Telegram (a3)');
    expect(run.stdout).toContain('Never opened:\n  Two-page testimony (a2)\n  Unplaced object (a4)');
    expect(run.stdout).toContain('  6 × "potsdam"');
  });

  it('gives the same as JSON, for a museum\'s own tools', async () => {
    const run = await runCli(['analytics', 'summary', '--json', '--days', '1', '--data', data]);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ from: today, to: today, visits: 6, searches: 6, searchesWithoutResults: 6, languages: [{ language: 'en', visits: 6 }] });
  });

  it('exports every hourly row as CSV or JSON, the same rows both ways', async () => {
    const out = join(root.path, 'visits.csv');
    const csv = await runCli(['analytics', 'export', '--from', today, '--to', today, '--out', out, '--data', data]);
    expect(csv.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('hour,content,metric,subject,count,total');
    const json = JSON.parse((await runCli(['analytics', 'export', '--from', today, '--to', today, '--format', 'json', '--data', data])).stdout);
    expect(lines.length - 1).toBe(json.length);
    expect(json.find((r: { metric: string; subject: string }) => r.metric === 'open' && r.subject === 'a1')).toMatchObject({ count: 4, total: 36_000 });
    expect(lines).toContain(`${json[0].hour},test-exhibit@1.0.0,visits,,6,270`);
  });

  it('says what is wrong with the days, and changes nothing', async () => {
    const run = await runCli(['analytics', 'export', '--from', '4.12.2026', '--to', today, '--data', data]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('days are written YYYY-MM-DD, such as 2026-12-04');
    expect((await runCli(['analytics', 'export', '--from', today, '--data', data])).stderr).toContain('needs --from and --to');
    // A curator's walk: a month 13 and a 30th of February were taken as days nobody came.
    for (const [from, to] of [['2025-13-45', '2025-14-02'], ['2025-02-30', '2025-03-01'], ['2025-11-31', '2025-11-30']]) {
      const impossible = await runCli(['analytics', 'export', '--from', from!, '--to', to!, '--data', data]);
      expect(impossible).toMatchObject({ code: 2, stdout: '' });
      expect(impossible.stderr).toContain(`${from} is not a day of the calendar (days are written YYYY-MM-DD, such as 2026-12-04)`);
    }
  });
});
