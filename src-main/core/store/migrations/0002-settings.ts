/**
 * Kiosk settings: one row per key, the value as JSON. A key without a row has its default, so
 * a new setting never needs a data migration; values are validated in code before they are
 * written (core/settings), and the CHECK keeps anything that is not JSON out.
 */
export const up = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value)),
  updated_at TEXT NOT NULL
) STRICT;
`;
