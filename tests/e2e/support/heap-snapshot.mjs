/**
 * Chromium heap snapshots through CDP, and what they say about where the renderer's JS heap goes:
 * the soak (soak-driver.mjs) uses `compiledCodeBytes` to tell V8's compiled code apart from the
 * objects the app keeps, and bench/heap-diff.mjs compares two snapshots by constructor.
 * Plain JavaScript so that Node runs it alone (types: heap-snapshot.d.mts).
 */

/** Takes a heap snapshot of the page behind `cdp` (a CDP session) after a full GC; returns its JSON text. */
export async function takeHeapSnapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return chunks.join('');
}

/** Node types whose names are values, not constructors: grouped by type alone. */
const VALUE_TYPES = new Set(['string', 'concatenated string', 'sliced string', 'number', 'bigint']);

/**
 * Sums a snapshot (its JSON text): count and self size by "type name" (e.g. "object Foo",
 * "closure bar", "native HTMLDivElement", "string"), self size by type, and the number of
 * detached DOM nodes.
 */
export function summarizeHeapSnapshot(text) {
  const { snapshot, nodes, strings } = JSON.parse(text);
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [TYPE, NAME, SIZE, DETACHED] = ['type', 'name', 'self_size', 'detachedness'].map((f) => fields.indexOf(f));
  const groups = new Map();
  const byType = {};
  let detached = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + TYPE]];
    const size = nodes[i + SIZE];
    const key = VALUE_TYPES.has(type) ? type : `${type} ${strings[nodes[i + NAME]].slice(0, 80)}`;
    const group = groups.get(key) ?? { count: 0, size: 0 };
    group.count++;
    group.size += size;
    groups.set(key, group);
    byType[type] = (byType[type] ?? 0) + size;
    if (DETACHED >= 0 && nodes[i + DETACHED] === 2) detached++;
  }
  return { groups, byType, detached };
}

/**
 * Bytes of V8's compiled code and its metadata in a snapshot (nodes of type "code": bytecode,
 * baseline and optimised machine code, feedback vectors, scope infos, function infos).
 */
export function compiledCodeBytes(summary) {
  return summary.byType.code ?? 0;
}

/**
 * The JS objects in a heap snapshot's summary: every V8 node but compiled code (and but Blink's
 * own C++ objects, which are not in the JS heap). Hidden classes (object shapes) stay in: a
 * store with ever new keys would grow them too.
 */
export function heapObjectsBytes(summary) {
  const { code = 0, native = 0, synthetic = 0 } = summary.byType;
  return Object.values(summary.byType).reduce((sum, bytes) => sum + bytes, 0) - code - native - synthetic;
}

/** The groups that grew most from summary `a` to summary `b`, largest growth in bytes first. */
export function heapGrowthByGroup(a, b, top = 40) {
  const none = { count: 0, size: 0 };
  const keys = new Set([...a.groups.keys(), ...b.groups.keys()]);
  const rows = [...keys].map((key) => {
    const [x, y] = [a.groups.get(key) ?? none, b.groups.get(key) ?? none];
    return { key, count: y.count - x.count, bytes: y.size - x.size, countAfter: y.count };
  });
  return rows.sort((p, q) => q.bytes - p.bytes).slice(0, top);
}
