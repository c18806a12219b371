/**
 * The soak's heap arithmetic (tests/e2e/support/heap-snapshot.mjs) on real V8 heap snapshots,
 * taken of this Node process: the same format Chromium's HeapProfiler streams to the soak.
 */
import { getHeapSnapshot } from 'node:v8';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { compiledCodeBytes, heapGrowthByGroup, heapObjectsBytes, summarizeHeapSnapshot } from '../../e2e/support/heap-snapshot.mjs';

/** A constructor name no other code in the process uses, to find its objects in a snapshot. */
class SoakLeakProbe {
  constructor(readonly n: number) {}
}

const snapshot = async () => summarizeHeapSnapshot(await text(getHeapSnapshot()));

describe('heap snapshots for the soak', () => {
  it('counts objects by constructor and separates compiled code from the objects kept', async () => {
    const before = await snapshot();
    const kept = Array.from({ length: 5000 }, (_, n) => new SoakLeakProbe(n));
    const after = await snapshot();
    expect(kept).toHaveLength(5000);

    expect(after.groups.get('object SoakLeakProbe')?.count).toBe(5000);
    const probe = heapGrowthByGroup(before, after, Infinity).find((row) => row.key === 'object SoakLeakProbe');
    expect(probe).toMatchObject({ count: 5000, countAfter: 5000 });
    expect(probe!.bytes).toBeGreaterThan(5000 * 8);

    // The process has run code, so there is compiled code; it is not counted among the objects,
    // and the objects grew by at least the probes (and their array) kept between the two.
    expect(compiledCodeBytes(after)).toBeGreaterThan(0);
    const everything = Object.values(after.byType).reduce((sum, bytes) => sum + bytes, 0);
    expect(heapObjectsBytes(after)).toBeLessThanOrEqual(everything - compiledCodeBytes(after));
    expect(heapObjectsBytes(after) - heapObjectsBytes(before)).toBeGreaterThanOrEqual(probe!.bytes);
  }, 60_000);
});
