/**
 * The inbox's memory: every package file it took, by name and SHA-256, with the outcome shown to
 * staff. A file already imported or refused is never taken again, even after a restart.
 */
export const up = `
CREATE TABLE inbox_imports (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  bytes INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'refused', 'failed')),
  message TEXT NOT NULL,
  version_id INTEGER,
  package_id TEXT,
  package_version TEXT,
  title TEXT,
  artifacts INTEGER,
  images INTEGER,
  finished_at TEXT NOT NULL
) STRICT;
CREATE INDEX inbox_imports_file ON inbox_imports(sha256, name);
`;
