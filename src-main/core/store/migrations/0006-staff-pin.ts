/**
 * The staff PIN, as a scrypt hash with its salt and parameters (never the digits), and the
 * wrong-try counter and lock, kept here so that restarting the kiosk does not lift a lock.
 */
export const up = `
CREATE TABLE staff_pin (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  params TEXT NOT NULL CHECK (json_valid(params)),
  failed_tries INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER,
  updated_at TEXT NOT NULL
) STRICT;
`;
