/** Types of heap-snapshot.mjs (plain JavaScript so that Node runs it alone). */
import type { CDPSession } from '@playwright/test';

export interface HeapSummary {
  /** Count and self size (bytes) by "type name", e.g. "object Foo", "native HTMLDivElement", "string". */
  groups: Map<string, { count: number; size: number }>;
  /** Self size (bytes) by node type: "object", "closure", "code", "native", … */
  byType: Record<string, number>;
  detached: number;
}

export function takeHeapSnapshot(cdp: CDPSession): Promise<string>;
export function summarizeHeapSnapshot(text: string): HeapSummary;
export function compiledCodeBytes(summary: HeapSummary): number;
export function heapObjectsBytes(summary: HeapSummary): number;
export function heapGrowthByGroup(a: HeapSummary, b: HeapSummary, top?: number): { key: string; count: number; bytes: number; countAfter: number }[];
