/**
 * Every end-to-end spec taps as a visitor does (issue 16): it takes `test` from
 * tests/e2e/support/test.ts, whose tap asserts the control is on the screen and uncovered, never
 * Playwright's own (which scrolls a control into view first and taps what no visitor can see).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const specs = ['tests/e2e', 'tests/screens'].flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.spec.ts'))
    .map((name) => join(dir, name)),
);

describe("end-to-end specs tap only what a visitor sees", () => {
  it('finds the specs', () => {
    expect(specs.length).toBeGreaterThan(10);
  });

  it.each(specs)('%s takes test from support/test.ts, not from @playwright/test', (spec) => {
    const text = readFileSync(join(ROOT, spec), 'utf8');
    expect(text).not.toMatch(/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'@playwright\/test'/);
    expect(text).toMatch(/import\s*\{[^}]*\btest\b[^}]*\}\s*from\s*'(\.\/support|\.\.\/e2e\/support)\/test'/);
  });
});
