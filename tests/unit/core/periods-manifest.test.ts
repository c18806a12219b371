/**
 * Periods in the package format (issue 6): what a curator may write, and the refusals, each
 * naming manifest.json, the field, and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { PackageError } from '../../../src-main/core/packages/errors';
import { parseManifest } from '../../../src-main/core/packages/validate';
import { datedSource } from '../../helpers/packages';

type Json = Record<string, any>;

/** The dated test source as a packed manifest (sizes and checksums filled in; no files needed to parse). */
function manifest(edit: (m: Json) => void = () => {}): string {
  const m = datedSource();
  for (const a of m.artifacts) for (const media of a.media) Object.assign(media, { bytes: 1000, sha256: 'ab'.repeat(32) });
  edit(m);
  return JSON.stringify(m);
}

function refusal(edit: (m: Json) => void): PackageError {
  try {
    parseManifest(manifest(edit));
  } catch (error) {
    expect(error).toBeInstanceOf(PackageError);
    return error as PackageError;
  }
  throw new Error('the manifest was accepted');
}

const topic = (m: Json, t = 0) => m.exhibit.sections[0].topics[t];

describe('periods in a manifest', () => {
  it('reads topic and artifact periods and the exhibit timeline; "to" and "label" may be left out', () => {
    const m = parseManifest(manifest());
    expect(m.exhibit.timeline).toEqual({ from: 1900, to: 2000 });
    expect(m.exhibit.sections[0]!.topics.map((t) => t.period)).toEqual([
      { from: 1920, to: 1923, label: '1920–1923' },
      { from: 1962, to: null, label: null },
      null,
    ]);
    expect(m.artifacts.map((a) => a.period)).toEqual([null, null, { from: 1950, to: null, label: 'about 1950' }, null]);
  });

  it('needs none of them: a package without periods is as valid as before', () => {
    const m = parseManifest(
      manifest((m) => {
        delete m.exhibit.timeline;
        for (const t of m.exhibit.sections[0].topics) delete t.period;
        delete m.artifacts[2].period;
      }),
    );
    expect(m.exhibit.timeline).toBeNull();
    expect(m.exhibit.sections[0]!.topics.every((t) => t.period === null)).toBe(true);
  });

  it('accepts BCE years as negative numbers', () => {
    const m = parseManifest(manifest((m) => {
      m.exhibit.timeline = { from: -800, to: 2000 };
      topic(m).period = { from: -753, to: -509, label: '753–509 BCE' };
    }));
    expect(m.exhibit.sections[0]!.topics[0]!.period).toEqual({ from: -753, to: -509, label: '753–509 BCE' });
  });

  it('refuses an end before the start, naming the field and both years', () => {
    const e = refusal((m) => (topic(m).period = { from: 1923, to: 1920 }));
    expect(e.field).toBe('exhibit.sections[0].topics[0].period.to');
    expect(e.message).toBe('manifest.json, exhibit.sections[0].topics[0].period.to: a year no earlier than "from" (1923), but it is 1920');
  });

  it('refuses a year that is not a whole number in range, saying what it got', () => {
    expect(refusal((m) => (topic(m).period = { from: '1920' })).message).toBe(
      'manifest.json, exhibit.sections[0].topics[0].period.from: a year as a whole number from -9999 to 2100, such as 1921 (negative years are BCE), but it is "1920"',
    );
    expect(refusal((m) => (m.artifacts[2].period = { from: 1950.5 })).message).toMatch(/^manifest\.json, artifacts\[2\]\.period\.from: a year as a whole number .*, but it is 1950\.5$/);
    expect(refusal((m) => (m.exhibit.timeline = { from: 1900, to: 20000 })).message).toMatch(/exhibit\.timeline\.to: a year as a whole number from -9999 to 2100.*, but it is 20000$/);
  });

  it('refuses a period without its start', () => {
    const e = refusal((m) => (topic(m).period = { to: 1923 }));
    expect(e.field).toBe('exhibit.sections[0].topics[0].period.from');
    expect(e.expected).toBe('a value (a year as a whole number from -9999 to 2100, such as 1921 (negative years are BCE)), but the field is missing');
  });

  it('refuses a misspelt period field, and markup in a label', () => {
    expect(refusal((m) => (topic(m).period = { from: 1920, start: 1921 })).message).toMatch(/period: no field named "start"/);
    expect(refusal((m) => (topic(m).period = { from: 1920, label: '<b>1920</b>' })).message).toMatch(/period\.label: plain text without HTML tags/);
  });

  it('refuses a timeline that does not run forwards', () => {
    expect(refusal((m) => (m.exhibit.timeline = { from: 1991, to: 1917 })).message).toBe(
      'manifest.json, exhibit.timeline.to: a year later than "from" (1991), but it is 1917',
    );
  });

  it('refuses a period off the exhibit timeline: it could not be shown on the axis', () => {
    expect(refusal((m) => (m.artifacts[2].period = { from: 1850 })).message).toBe(
      "manifest.json, artifacts[2].period.from: a year within the exhibit's timeline (1900 to 2000, exhibit.timeline), but it is 1850",
    );
    expect(refusal((m) => (topic(m, 1).period = { from: 1990, to: 2004 })).field).toBe('exhibit.sections[0].topics[1].period.to');
    // Without a timeline, any period is placed: the axis is made to fit.
    expect(() => parseManifest(manifest((m) => {
      delete m.exhibit.timeline;
      m.artifacts[2].period = { from: 1850 };
    }))).not.toThrow();
  });
});
