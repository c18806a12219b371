/** Store rows turned into the plain data the staff screen receives (contract/types.ts). */
import type { InboxResultView, JsonValue, StaffSettingView, StaffVersionView } from '../../contract/types';
import type { InboxRecord } from '../inbox/records';
import { SETTINGS, type SettingKey, type Settings } from '../settings/schema';
import type { Store } from '../store/connection';
import type { VersionRow } from '../versions/versions';

/** A version with its counts of artifacts, topics and images. */
export function versionView(store: Store, row: VersionRow): StaffVersionView {
  const counts = store.db
    .prepare<[number, number, number], { artifacts: number; topics: number; images: number }>(
      `SELECT (SELECT count(*) FROM artifacts WHERE version_id = ?) AS artifacts,
              (SELECT count(*) FROM topics WHERE version_id = ?) AS topics,
              (SELECT count(*) FROM media m JOIN artifacts a ON a.id = m.artifact_id WHERE a.version_id = ?) AS images`,
    )
    .get(row.id, row.id, row.id)!;
  return {
    id: row.id,
    packageId: row.package_id,
    version: row.version,
    title: row.title,
    source: row.source,
    importedAt: row.imported_at,
    publishedAt: row.published_at,
    signedBy: row.signed_by,
    ...counts,
  };
}

/** One inbox outcome for staff. */
export function inboxResultView(r: InboxRecord): InboxResultView {
  return {
    name: r.name,
    outcome: r.outcome,
    message: r.message,
    versionId: r.versionId,
    package: r.packageId && r.packageVersion && r.title ? { id: r.packageId, version: r.packageVersion, title: r.title } : null,
    artifacts: r.artifacts,
    images: r.images,
    finishedAt: r.finishedAt,
    canImportAnyway: r.outcome === 'refused' && r.older,
  };
}

/** Every setting with its value, default and the words that explain it. */
/** What the staff screen shows for a secret setting that has a value. */
export const SECRET_SHOWN = '(set: see vitrine settings get)';

export function settingViews(settings: Settings): StaffSettingView[] {
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => ({
    key,
    // A secret (the metrics token) is never sent to a screen: staff see only that it is set.
    value: ('secret' in SETTINGS[key] && settings[key] !== null ? SECRET_SHOWN : settings[key]) as JsonValue,
    defaultValue: SETTINGS[key].default as JsonValue,
    about: SETTINGS[key].about,
    expected: SETTINGS[key].expected,
  }));
}
