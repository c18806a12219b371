/**
 * What the package says its attract loop shows: a title, an invitation, and which artifacts.
 * Stored as JSON on the exhibit (validated by the package schema before it gets here).
 */
export const up = `
ALTER TABLE exhibits ADD COLUMN attract TEXT CHECK (attract IS NULL OR json_valid(attract));
`;
