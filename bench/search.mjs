/**
 * Search latency (issue 6, "Benchmark"): a generated exhibit of 10,000 artifacts, searched with a
 * fixed set of queries through the core's API, against a raw FTS5 query on the same database.
 *
 * The exhibit: 10 sections of 10 topics (four essay paragraphs each), 10,000 artifacts with a
 * title, a caption and for three in ten a translation (half of them Russian). The words are the
 * built-in exhibit's own, drawn with the skew of real prose (a Zipf law over their frequency),
 * mixed with accented and Cyrillic words. Rows are written by the importer's own steps: the
 * manifest is validated by `parseManifest` and written by `writePackageVersion` (same SQL, same
 * FTS5 triggers), then published. Only the image files are skipped: the staged media are
 * stand-in records, since search never reads an image and making 10,000 of them would turn this
 * into an image benchmark (bench/import.mjs is that one).
 *
 * Measured, per query, both ways, taking turns going first: `dispatch(api, 'search', { query,
 * limit: 20 })`, the path both hosts take (argument validation, the query builder, ranking,
 * grouping by item, highlights, and the second, any-word query when no item holds every word),
 * and the raw query `SELECT rowid, snippet(…) … MATCH ? ORDER BY rank LIMIT 20` with the same
 * MATCH expression: what one FTS5 statement costs on its own. Queries: a lone letter, two- to
 * four-letter prefixes (what type-ahead sends after each key), whole words, two words, Cyrillic
 * and accent-folded words, and misses. Timings are per call, in process, after one warm-up
 * round; the TypeScript core is loaded through vite's module runner, so no build is needed.
 *   node bench/search.mjs [artifacts] [rounds]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'vite';
// The soak's seeded generator (mulberry32): every run searches the same exhibit.
import { seededRandom as random } from '../tests/e2e/support/soak-visitor.mjs';

const root = join(import.meta.dirname, '..');

const CYRILLIC = `телеграмма письмо договор союз война мир голод помощь зерно хлеб архив документ правительство
  президент посол министр совет народ партия съезд комиссар переговоры конференция оружие ракета флот
  граница страна город деревня завод рабочий крестьянин армия победа поражение сталин хрущёв ленин
  молотов громыко рузвельт трумэн кеннеди черчилль москва ленинград сибирь украина куба вашингтон
  ялта потсдам берлин мурманск доклад приказ резолюция протокол отчёт перевод подпись печать секретно
  ещё её всё лёд объём разведка шпион лагерь пленный тюрьма свобода революция республика`.split(/\s+/).filter(Boolean);
const ACCENTED = `détente matériel émigré naïve façade café résumé protégé régime élite Gdańsk Kraków Łódź Zürich
  São Brontë Müller Schröder Dvořák Čapek Škoda Wałęsa Dubček Jiří Tomáš Göteborg Malmö Curaçao Bogotá
  Perón Gagarin Baïkal Dnipró Kyïv Tallinn Rīga Vilnius Chişinău Bucureşti`.split(/\s+/).filter(Boolean);


/** The built-in exhibit's words (its exhibit.yaml and Markdown), most frequent first. */
function exhibitWords() {
  const dir = join(root, 'assets/exhibit');
  const files = ['exhibit.yaml', ...readdirSync(join(dir, 'sections'), { recursive: true }).filter((f) => String(f).endsWith('.md')).map((f) => join('sections', String(f)))];
  const text = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const counts = new Map();
  for (const w of text.match(/\p{L}[\p{L}'’-]*\p{L}|\p{L}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

/** Draws words with a Zipf skew: the r-th most frequent word about 1/r as often as the first. */
function zipf(words, rand) {
  const cumulative = [];
  let sum = 0;
  words.forEach((_, r) => cumulative.push((sum += 1 / (r + 1))));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

/** The exhibit's manifest (as `vitrine pack` would write it) and the staged media records. */
function generateExhibit(artifacts, rand) {
  const english = zipf(exhibitWords(), rand);
  const russian = zipf(CYRILLIC, rand);
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const word = () => (rand() < 0.03 ? ACCENTED[between(0, ACCENTED.length - 1)] : rand() < 0.02 ? russian() : english());
  const words = (n, draw = word) => Array.from({ length: n }, draw).join(' ');
  const sentence = (n, draw) => {
    const s = words(n, draw);
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (n, draw) => Array.from({ length: Math.ceil(n / 15) }, () => sentence(15, draw)).join(' ');

  const sha = (n) => n.toString(16).padStart(64, '0');
  const staged = new Map();
  const items = Array.from({ length: artifacts }, (_, i) => {
    const file = `media/a${i + 1}.jpg`;
    staged.set(file, {
      original: { path: null, sha256: sha(i + 1), ext: 'jpg', bytes: 1000, width: 800, height: 600, shown: { width: 800, height: 600 } },
      display: { path: null, sha256: sha(i + 1), ext: 'webp' },
      thumb: { path: null, sha256: sha(i + 1), ext: 'webp' },
      tiles: null,
    });
    const translated = rand() < 0.3;
    return {
      id: `a${i + 1}`,
      title: sentence(between(3, 7)).slice(0, -1),
      caption: paragraph(between(15, 40)),
      permanentUrl: `https://example.org/archive/a${i + 1}`,
      translation: translated ? Array.from({ length: between(1, 3) }, () => paragraph(between(30, 80), rand() < 0.5 ? russian : word)) : null,
      translationNote: translated ? null : 'Not translated.',
      date: String(between(1917, 1991)),
      media: [{ file, sha256: sha(i + 1), bytes: 1000, alt: `Image of artifact ${i + 1}`, standIn: true }],
    };
  });
  const perTopic = Math.ceil(artifacts / 100);
  const sections = Array.from({ length: 10 }, (_, s) => ({
    id: `section-${s + 1}`,
    title: sentence(between(2, 5)).slice(0, -1),
    introduction: [paragraph(60), paragraph(60)],
    topics: Array.from({ length: 10 }, (_, t) => {
      const refs = items.slice((s * 10 + t) * perTopic, (s * 10 + t + 1) * perTopic).map((a) => ({ type: 'artifact', ref: a.id }));
      const essay = Array.from({ length: 4 }, () => ({ type: 'paragraph', text: paragraph(between(60, 120)) }));
      return { id: `topic-${s + 1}-${t + 1}`, era: String(1917 + s * 7), title: sentence(between(2, 5)).slice(0, -1), body: [...essay, ...refs] };
    }),
  }));
  const manifest = {
    format: 'vitrine-package',
    schemaVersion: 1,
    package: { id: 'bench-search', version: '1.0.0', title: `Search benchmark, ${artifacts} artifacts` },
    exhibit: { title: 'Search benchmark', language: 'en', sections },
    artifacts: items,
  };
  return { manifest, staged, items };
}

/** The fixed query set: what a visitor types, keystroke by keystroke and word by word. */
function makeQueries(items, rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const wordsOf = (text) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const titleWords = items.flatMap((a) => wordsOf(a.title)).filter((w) => w.length >= 4);
  const captionWords = items.slice(0, 2000).flatMap((a) => wordsOf(a.caption)).filter((w) => w.length >= 4);
  const russianWords = items.flatMap((a) => (a.translation ?? []).flatMap(wordsOf)).filter((w) => /\p{Script=Cyrillic}/u.test(w));
  const fold = (w) => w.normalize('NFD').replace(/\p{M}/gu, '');
  const queries = [];
  const add = (kind, n, make) => {
    for (let i = 0; i < n; i++) queries.push({ kind, query: make() });
  };
  // After the first key: a lone letter, which the core looks for as a whole word.
  add('one letter', 20, () => pick(titleWords).slice(0, 1).toLowerCase());
  add('prefix 2-4 letters', 80, () => pick(titleWords).slice(0, 2 + Math.floor(rand() * 3)).toLowerCase());
  add('whole word', 80, () => pick(rand() < 0.5 ? titleWords : captionWords));
  add('two words', 60, () => {
    const a = pick(items);
    const w = wordsOf(`${a.title} ${a.caption}`).filter((x) => x.length >= 4);
    return `${pick(w)} ${pick(w).slice(0, 5)}`;
  });
  add('Cyrillic', 20, () => pick(russianWords).slice(0, 3 + Math.floor(rand() * 4)).toLowerCase());
  add('accents folded', 20, () => fold(pick(ACCENTED)).toLowerCase());
  add('miss', 20, () => `zq${Math.floor(rand() * 1e6).toString(36)}x`);
  add('two words, one a miss', 20, () => `${pick(titleWords)} qqz${Math.floor(rand() * 1e4)}`);
  return queries;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const summary = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50Ms: percentile(s, 50), p95Ms: percentile(s, 95), maxMs: s.at(-1) };
};

/** Generates the exhibit, runs the query set `rounds` times; returns the figures. */
export async function benchSearch(artifacts = 10_000, rounds = 5) {
  const vite = await createServer({
    configFile: false, root, logLevel: 'error', appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  const load = (path) => vite.ssrLoadModule(`/src-main/core/${path}.ts`);
  const [{ openStore }, { parseManifest }, { writePackageVersion }, { markReady, publishVersion }, { createApi }, { createSettingsStore }, { dispatch }, { buildMatchQuery }] =
    await Promise.all(['store/connection', 'packages/validate', 'packages/write', 'versions/versions', 'api', 'settings/store', 'dispatch', 'store/search'].map(load));
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-search-'));
  const store = openStore(join(dir, 'vitrine.sqlite'));
  try {
    const rand = random(20240601);
    const { manifest: source, staged, items } = generateExhibit(artifacts, rand);
    const t = performance.now();
    const manifest = parseManifest(JSON.stringify(source));
    // A staged package as stage.ts gives it: its images, and its recordings (none here).
    const versionId = writePackageVersion(store, manifest, { images: staged, recordings: new Map() }, { manifestSha256: '0'.repeat(64), source: 'bench' });
    markReady(store, versionId);
    publishVersion(store, versionId, { keep: 3 });
    const writeMs = performance.now() - t;
    const indexRows = store.db.prepare('SELECT count(*) AS n FROM search_index').get().n;

    const log = { error: (...args) => console.error(...args), warn() {}, info() {} };
    const api = createApi(store, { startedAt: Date.now(), settings: createSettingsStore(store.db) });
    const raw = store.db.prepare("SELECT rowid, snippet(search_index, -1, '[', ']', '…', 24) AS snippet FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 20");
    const queries = makeQueries(items, rand);
    const core = [];
    const plain = [];
    // Each query's two timings are taken back to back: their ratio is steadier on a busy machine.
    const paired = [];
    const byKind = new Map();
    let hits = 0;
    for (let round = 0; round <= rounds; round++) {
      for (const { kind, query } of queries) {
        const viaCore = async () => {
          const started = performance.now();
          const answer = await dispatch(api, 'search', { query, limit: 20 }, log);
          if (!answer.ok) throw new Error(`search ${JSON.stringify(query)} failed: ${answer.error?.message ?? JSON.stringify(answer)}`);
          return { ms: performance.now() - started, found: answer.result.hits.length > 0 };
        };
        const viaRaw = () => {
          const match = buildMatchQuery(query);
          const started = performance.now();
          raw.all(match);
          return performance.now() - started;
        };
        // Whichever runs second finds the query's pages freshly cached: take turns going first.
        let coreRun;
        let rawMs;
        if (round % 2) [coreRun, rawMs] = [await viaCore(), viaRaw()];
        else [rawMs, coreRun] = [viaRaw(), await viaCore()];
        const coreMs = coreRun.ms;
        if (round === 0) continue; // the first round warms the page cache and the statements
        core.push(coreMs);
        plain.push(rawMs);
        paired.push(coreMs / rawMs);
        if (round === 1) hits += coreRun.found ? 1 : 0;
        byKind.set(kind, [...(byKind.get(kind) ?? []), coreMs]);
      }
    }
    const coreFigures = summary(core);
    const rawFigures = summary(plain);
    return {
      artifacts, indexRows, writeMs, queries: queries.length, rounds, queriesWithHits: hits,
      core: coreFigures, raw: rawFigures,
      ratio: { p50: coreFigures.p50Ms / rawFigures.p50Ms, p95: coreFigures.p95Ms / rawFigures.p95Ms, medianPerQuery: summary(paired).p50Ms },
      byKind: Object.fromEntries([...byKind].map(([kind, ms]) => [kind, summary(ms)])),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
    await vite.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSearch(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 5)), null, 2));
}
