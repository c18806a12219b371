/**
 * The staff screen on a chunk of its own (lazy/chunk.ts): with its charts (uPlot) it was a third
 * of the main bundle, run before the attract screen could show, for a screen staff open rarely.
 * Loaded when staff open it: a local fetch, a few milliseconds behind their tap.
 */
import { chunk } from './chunk';

export const staffPanel = chunk(() => import('../components/StaffPanel.svelte').then((module) => module.default));
