/**
 * An older package does not replace a newer one without a word (issue 17): importing 1.0.0 of a
 * package while its 1.2.0 is live (or waiting to go live) is refused, as is the same version
 * again, unless staff ask for it (`vitrine import --allow-older`, the staff screen's confirm step).
 * A package with another id is another exhibit, and always welcome.
 */
import type { Store } from '../store/connection';
import { PackageError } from './errors';
import { MANIFEST_FILE, type Manifest } from './manifest';

/** Orders two versions such as 1.2.0 and 1.10.0-beta by their numbers; a pre-release comes first. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split(/[-+]/, 2);
    return { numbers: core.split('.').map(Number), pre: v.includes('-') ? (pre ?? '') : null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The newest version of `packageId` that is live or waiting to go live, or null. */
export function currentVersionOf(store: Store, packageId: string): { id: number; version: string; live: boolean } | null {
  const rows = store.db
    .prepare<[string], { id: number; version: string; live: number }>(
      `SELECT v.id, v.version, (v.id = (SELECT version_id FROM live)) AS live FROM package_versions v
       WHERE v.package_id = ? AND (v.status = 'ready' OR v.id = (SELECT version_id FROM live))`,
    )
    .all(packageId);
  const newest = rows.sort((a, b) => compareVersions(b.version, a.version))[0];
  return newest ? { id: newest.id, version: newest.version, live: newest.live === 1 } : null;
}

/** A package refused only for its version: staff may import it anyway. */
export class OlderVersionError extends PackageError {
  constructor(
    readonly packageId: string,
    readonly version: string,
    readonly title: string,
    expected: string,
  ) {
    super(MANIFEST_FILE, 'package.version', expected);
    this.name = 'OlderVersionError';
  }
}

/** Refuses `manifest` when the store has a newer or equal version of the same package. */
export function refuseOlder(store: Store, manifest: Manifest): void {
  const { id, version } = manifest.package;
  const current = currentVersionOf(store, id);
  if (!current || compareVersions(version, current.version) > 0) return;
  const state = current.live ? 'is live' : 'is waiting to go live';
  const same = compareVersions(version, current.version) === 0;
  throw new OlderVersionError(
    id,
    version,
    manifest.package.title,
    `a version newer than ${current.version}, which ${state} (version ${current.id}), but it is ${same ? 'the same version' : version}: give the package a new version number, or import it anyway with --allow-older (on the staff screen: "Import anyway")`,
  );
}
