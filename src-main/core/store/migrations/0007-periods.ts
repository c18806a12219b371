/**
 * Periods for the timeline (issue 6): when a topic or an artifact belongs on the time axis, in
 * whole years, and the exhibit's own axis span. A table of its own rather than columns on topics
 * and artifacts: writing a period then fires none of their search-index triggers.
 */
export const up = `
CREATE TABLE periods (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES package_versions(id) ON DELETE CASCADE,
  topic_id INTEGER UNIQUE REFERENCES topics(id) ON DELETE CASCADE,
  artifact_id INTEGER UNIQUE REFERENCES artifacts(id) ON DELETE CASCADE,
  year_from INTEGER NOT NULL,
  -- The last year included; equal to year_from for a single year.
  year_to INTEGER NOT NULL,
  -- The package's own words for the period ("1920–1923", "early 1960s"), or null.
  label TEXT,
  CHECK ((topic_id IS NULL) <> (artifact_id IS NULL)),
  CHECK (year_from <= year_to)
) STRICT;
CREATE INDEX periods_version ON periods(version_id);

-- The axis the package asks for (both or neither); without it the kiosk spans the periods given.
ALTER TABLE exhibits ADD COLUMN timeline_from INTEGER;
ALTER TABLE exhibits ADD COLUMN timeline_to INTEGER
  CHECK ((timeline_from IS NULL) = (timeline_to IS NULL) AND (timeline_to IS NULL OR timeline_to > timeline_from));
`;
