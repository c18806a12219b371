/**
 * Publishing: a package version is written aside ('incomplete' until its files are in place),
 * waits as 'ready' until the kiosk is idle, and is 'published' once it has been live. Versions
 * written before this migration were all live once.
 */
export const up = `
ALTER TABLE package_versions ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
  CHECK (status IN ('incomplete', 'ready', 'published'));
-- When the version last became live (null while it never has).
ALTER TABLE package_versions ADD COLUMN published_at TEXT;
-- Fingerprint of the key that signed the package, or null when it was not checked.
ALTER TABLE package_versions ADD COLUMN signed_by TEXT;
UPDATE package_versions SET published_at = imported_at;
CREATE INDEX package_versions_status ON package_versions(status);
`;
