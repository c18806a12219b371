/**
 * An inbox package refused only because it is older than (or the same as) what the kiosk has
 * (issue 17): staff may import it anyway from the staff screen, so the refusal says so.
 */
export const up = `
ALTER TABLE inbox_imports ADD COLUMN older INTEGER NOT NULL DEFAULT 0 CHECK (older IN (0, 1));
`;
