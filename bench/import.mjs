/**
 * Import of a large package (issue 5, "Benchmark"): a generated package of N artifacts, each with
 * a real 1024 x 768 image (scripts/make-large-package.mjs), imported by the real `vitrine import
 * --now` into a fresh data folder. Figures: wall time, and the import process's peak memory
 * (maximum RSS, reported by the process itself at exit). The importer streams the archive entry by
 * entry, so peak memory must not grow with the package: a smaller package is measured too, and
 * the two peaks compared.
 *   node bench/import.mjs [N]      (after npm run build; $VITRINE_CLI names another CLI bundle)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLargePackage } from '../scripts/make-large-package.mjs';

const root = join(import.meta.dirname, '..');
const cli = process.env.VITRINE_CLI ?? join(root, 'out/main/cli.js');
// Loaded before the CLI: prints the process's own peak RSS (kilobytes) as it exits.
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('VITRINE_MAXRSS '+process.resourceUsage().maxRSS+'\\n'))`;

/** Imports `pkg` into a fresh data folder; returns its time and peak RSS. */
function importOnce(pkg) {
  const data = mkdtempSync(join(tmpdir(), 'vitrine-bench-import-'));
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['--import', REPORT_RSS, cli, 'import', pkg, '--now', '--data', data], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`import failed (${run.status}): ${run.stderr}`);
    const rss = Number(/VITRINE_MAXRSS (\d+)/.exec(run.stderr)?.[1]);
    return { ms, peakRssMb: rss / 1024 };
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
}

/** Generates (once) and imports packages of `artifacts` and of a tenth of that; returns the figures. */
export async function benchImport(artifacts = 1000) {
  const large = await makeLargePackage({ artifacts, cli });
  const small = await makeLargePackage({ artifacts: Math.max(1, Math.round(artifacts / 10)), cli });
  const smallRun = importOnce(small);
  const largeRun = importOnce(large);
  return {
    artifacts,
    images: artifacts,
    packageMb: statSync(large).size / 2 ** 20,
    ms: largeRun.ms,
    imagesPerSecond: (artifacts / largeRun.ms) * 1000,
    peakRssMb: largeRun.peakRssMb,
    smallPackage: { artifacts: Math.round(artifacts / 10), packageMb: statSync(small).size / 2 ** 20, ms: smallRun.ms, peakRssMb: smallRun.peakRssMb },
    // Near 1 when the import streams: ten times the package, (about) the same peak memory.
    peakRssRatio: largeRun.peakRssMb / smallRun.peakRssMb,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchImport(Number(process.argv[2] ?? 1000)), null, 2));
}
