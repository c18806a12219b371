/**
 * Once per test run, before any component test: the real kiosk data folders the component tests
 * open copies of (tests/helpers/kiosk-stores.ts). Removed when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { buildKioskStores, type KioskStores } from '../helpers/kiosk-stores';
import { tempDir } from '../helpers/packages';

declare module 'vitest' {
  export interface ProvidedContext {
    kioskStores: KioskStores;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = tempDir('vitrine-component-stores-');
  const started = performance.now();
  try {
    project.provide('kioskStores', await buildKioskStores(root.path));
  } catch (error) {
    root.cleanup();
    throw error;
  }
  // VITRINE_SETUP_TIME=1 says what this costs a run.
  if (process.env.VITRINE_SETUP_TIME) console.log(`kiosk stores built in ${Math.round(performance.now() - started)} ms`);
  return () => root.cleanup();
}
