/**
 * What the kiosk already has of a package the channel offers, so nothing is downloaded twice and
 * the channel never undoes what staff did: a version the kiosk holds (live, waiting, or kept for
 * rollback after staff rolled back from it) is "had", and an older one than the newest it shows
 * or is about to show is not taken.
 */
import { compareVersions, currentVersionOf } from '../packages/version-order';
import type { Store } from '../store/connection';

export function compareWithStore(store: Store, packageId: string, version: string): { have: boolean; newer: string | null } {
  const held = store.db
    .prepare<[string, string], { n: number }>("SELECT count(*) AS n FROM package_versions WHERE package_id = ? AND version = ? AND status <> 'incomplete'")
    .get(packageId, version);
  if ((held?.n ?? 0) > 0) return { have: true, newer: null };
  const current = currentVersionOf(store, packageId);
  return { have: false, newer: current && compareVersions(current.version, version) > 0 ? current.version : null };
}
