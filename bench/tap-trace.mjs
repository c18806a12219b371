/**
 * Where a slow tap's time goes: the taps bench's walk through the app under a Chromium trace, then,
 * for the slowest taps, the renderer main thread's work inside each tap's window (from the
 * `touchend` timestamp to the end of the first frame after the new screen), by kind of work
 * (self time, so nothing is counted twice), and the tasks that ran in it. A profiling aid for the
 * p95 of bench/taps.mjs; it prints, and writes the trace for DevTools' Performance panel.
 *   node bench/tap-trace.mjs [taps] [dwellMs] [slowest]      (after npm run build)
 */
import { rmSync, writeFileSync } from 'node:fs';
import { isMain, launchChromium, preparedDataDir, requireBuild, startHost, summarize, tempDir } from './support.mjs';
import { staticHostFor } from './static-exhibit.mjs';
import { walk, cycles } from './taps.mjs';

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8', 'v8.execute', 'disabled-by-default-v8.gc', 'blink', 'loading'];

/** The renderer main thread that holds the walk's marks: its complete events, and the marks' times. */
function mainThread(events) {
  const marks = events.filter((e) => e.name === 'vitrine-bench:painted');
  if (marks.length === 0) throw new Error('No tap mark in the trace.');
  const { pid } = marks[0];
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid);
  const tid = names.find((e) => e.args?.name === 'CrRendererMain')?.tid;
  const slices = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return { slices, tid, markTimes: marks.map((m) => m.ts).sort((a, b) => a - b) };
}

/**
 * Every other thread's top-level slices with their thread time, named "process/thread": what
 * else wanted a core while the renderer's main thread worked on a tap.
 */
function otherThreads(events, mainTid) {
  const processes = new Map(events.filter((e) => e.ph === 'M' && e.name === 'process_name').map((e) => [e.pid, e.args?.name]));
  const threads = new Map(events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => [`${e.pid}/${e.tid}`, e.args?.name]));
  const ends = new Map();
  const top = [];
  for (const e of events.filter((x) => x.ph === 'X' && x.tdur !== undefined && x.tid !== mainTid).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const key = `${e.pid}/${e.tid}`;
    if ((ends.get(key) ?? -1) > e.ts) continue;
    ends.set(key, e.ts + e.dur);
    top.push({ ts: e.ts, dur: e.dur, tdur: e.tdur, thread: `${processes.get(e.pid) ?? e.pid}/${threads.get(key) ?? e.tid}` });
  }
  return top;
}

/** Thread time of other threads inside [from, to] µs, by thread, largest first. */
function othersIn(others, from, to) {
  const by = {};
  for (const s of others) {
    if (s.ts >= to || s.ts + s.dur <= from || s.dur === 0) continue;
    by[s.thread] = (by[s.thread] ?? 0) + (s.tdur * (Math.min(to, s.ts + s.dur) - Math.max(from, s.ts))) / s.dur;
  }
  return Object.entries(by).sort((a, b) => b[1] - a[1]);
}

/** Each slice's self time (its duration less its children's), by a stack over nested slices. */
function withSelfTime(slices) {
  const stack = [];
  for (const s of slices) {
    s.self = s.dur;
    s.parent = undefined;
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= s.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      parent.self -= s.dur;
      s.parent = parent;
    }
    stack.push(s);
  }
  return slices;
}

/** A slice's label: its name, with the event type or timer for dispatches and calls. */
const label = (s) => {
  const d = s.args?.data;
  if (s.name === 'EventDispatch') return `EventDispatch ${d?.type}`;
  if (s.name === 'FunctionCall') return `FunctionCall ${d?.functionName || d?.url?.split('/').pop() || ''}`.trim();
  return s.name;
};

/** The main thread's work inside [from, to] µs: self time by label, and the top-level tasks. */
function windowWork(slices, from, to) {
  const inside = slices.filter((s) => s.ts < to && s.ts + s.dur > from);
  const clip = (s, v) => (v * (Math.min(to, s.ts + s.dur) - Math.max(from, s.ts))) / s.dur;
  const byLabel = {};
  for (const s of inside) byLabel[label(s)] = (byLabel[label(s)] ?? 0) + clip(s, s.self);
  const rootOf = (s) => (s.parent ? rootOf(s.parent) : s);
  const tasks = inside.filter((s) => !s.parent && s.dur >= 1000).map((task) => {
    const work = {};
    for (const k of inside) if (rootOf(k) === task) work[label(k)] = (work[label(k)] ?? 0) + k.self;
    const top = Object.entries(work).sort((a, b) => b[1] - a[1]).slice(0, 5);
    return `+${((task.ts - from) / 1000).toFixed(1)} ${(task.dur / 1000).toFixed(1)} ms: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}`;
  });
  const busy = inside.filter((s) => !s.parent).reduce((sum, s) => sum + clip(s, s.dur), 0);
  // Thread time: less than the wall time when the thread waited for a core (two cores, shared).
  const cpu = inside.filter((s) => !s.parent && s.tdur !== undefined).reduce((sum, s) => sum + clip(s, s.tdur), 0);
  return { busy, cpu, byLabel, tasks };
}

export async function traceTaps({ taps = 100, dwellMs = 1000, slowest = 10 } = {}) {
  requireBuild();
  const dataDir = await preparedDataDir({ prefix: 'vitrine-bench-trace-' });
  const app = await startHost({ dataDir });
  let baseline;
  let browser;
  let trace;
  try {
    baseline = await staticHostFor(app.url);
    browser = await launchChromium();
    const times = await walk(browser, app.url, cycles(baseline.shape), taps, false, dwellMs, {
      start: (page) => browser.startTracing(page, { categories: CATEGORIES }),
      stop: async () => (trace = await browser.stopTracing()),
    });
    const events = JSON.parse(trace.toString()).traceEvents;
    const file = `${tempDir('vitrine-tap-trace-')}/trace.json`;
    writeFileSync(file, trace);
    const { slices, tid, markTimes } = mainThread(events);
    const others = otherThreads(events, tid);
    withSelfTime(slices);
    if (markTimes.length < times.length) throw new Error(`${markTimes.length} marks for ${times.length} taps.`);
    const rowsOf = times.map((t, k) => ({ ...t, ...windowWork(slices, markTimes[k] - t.ms * 1000, markTimes[k]), others: othersIn(others, markTimes[k] - t.ms * 1000, markTimes[k]) }));
    console.log(`trace: ${file}\ntaps: ${JSON.stringify(summarize(times.map((t) => t.ms)))}`);
    console.log(`main thread busy in the window: ${JSON.stringify(summarize(rowsOf.map((r) => r.busy / 1000)))}`);
    console.log(`of which on a core: ${JSON.stringify(summarize(rowsOf.map((r) => r.cpu / 1000)))}`);
    const all = {};
    for (const r of rowsOf) for (const [k, v] of Object.entries(r.byLabel)) all[k] = (all[k] ?? 0) + v;
    const mean = Object.entries(all).sort((a, b) => b[1] - a[1]).slice(0, 24);
    console.log(`mean self time per tap: ${mean.map(([k, v]) => `${k} ${(v / rowsOf.length / 1000).toFixed(2)}`).join(' | ')}`);
    for (const r of [...rowsOf].sort((a, b) => b.ms - a.ms).slice(0, slowest)) {
      const top = Object.entries(r.byLabel).sort((a, b) => b[1] - a[1]).slice(0, 8);
      console.log(`\n${r.ms.toFixed(1)} ms, ${r.step}: busy ${(r.busy / 1000).toFixed(1)} ms, on a core ${(r.cpu / 1000).toFixed(1)} ms`);
      console.log(`  self: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | ')}`);
      for (const t of r.tasks) console.log(`  task ${t}`);
      console.log(`  other threads on a core: ${r.others.slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | ')}`);
    }
    return rowsOf;
  } finally {
    await browser?.close();
    await app.stop();
    baseline?.remove();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta)) {
  const [taps, dwellMs, slowest] = process.argv.slice(2).map(Number);
  await traceTaps({ taps: taps || 100, dwellMs: Number.isNaN(dwellMs) || dwellMs === undefined ? 1000 : dwellMs, slowest: slowest || 10 });
}
