import { traceTaps } from './tap-trace.mjs';
const step = process.argv[2] || 'Back to topic';
const rows = await traceTaps({ taps: Number(process.argv[3]) || 120, dwellMs: 1000, slowest: 0 });
const mine = rows.filter((r) => r.step === step).sort((a, b) => a.ms - b.ms);
for (const r of [mine[0], mine[Math.floor(mine.length / 2)], mine.at(-1)]) {
  console.log(`\n${r.ms.toFixed(1)} ms ${r.step}: busy ${(r.busy/1000).toFixed(1)} cpu ${(r.cpu/1000).toFixed(1)}`);
  for (const t of r.tasks) console.log('  task', t);
  console.log('  others', r.others.slice(0, 5).map(([k, v]) => `${k} ${(v/1000).toFixed(1)}`).join(' | '));
}
