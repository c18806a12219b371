/**
 * Visitor analytics (issue 21; docs/analytics.md): counts by the hour, nothing about a person.
 * A visit in progress lives only in the core's memory; when it ends it is added here as counts
 * under the local hour it began and the content it saw, and its random id is gone. A row holds
 * no time finer than that hour, and a search's words only once enough visits typed them.
 *
 * metric and subject, for example: ('visits', ''), ('visit-seconds', '35') the visits of about
 * 35 s, ('open', 'obj4'), ('screen', 'topic') with total = milliseconds on show, ('play',
 * 'obj9#1') with total = seconds played, ('search-words', 'stalin') and ('search-words-empty', …).
 */
export const up = `
CREATE TABLE analytics_hours (
  hour TEXT NOT NULL CHECK (hour GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]'),
  content TEXT NOT NULL,
  metric TEXT NOT NULL,
  subject TEXT NOT NULL DEFAULT '',
  count INTEGER NOT NULL CHECK (count >= 0),
  total REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (hour, content, metric, subject)
) STRICT, WITHOUT ROWID;
`;
