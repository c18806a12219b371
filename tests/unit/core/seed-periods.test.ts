/**
 * The built-in exhibit's periods (scripts/seed-periods.mjs) come from the seed text and nowhere
 * else: every quote is the seed's, letter for letter, and holds the years it justifies.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED_PERIODS, SEED_TIMELINE, UNDATED_TOPICS } from '../../../scripts/seed-periods.mjs';
import { readExhibitFolder } from '../../../src-main/core/packages/source-format/exhibit-folder';
import { BUILTIN_DIR } from '../../helpers/packages';

const seed = readFileSync(join(import.meta.dirname, '../../../assets/exhibit/seed-loc-sovi.txt'), 'utf8');
const topicIds: string[] = readExhibitFolder(BUILTIN_DIR, { images: false }).exhibit.sections.flatMap((s) => s.topics.map((t) => t.id));

/** True when the quotes name `year`: in full, or as the seed abbreviates an end ("1921–29"). */
function names(quotes: string[], year: number): boolean {
  const short = String(year).slice(2);
  return quotes.some((q) => new RegExp(`\\b${year}\\b`).test(q) || new RegExp(`\\b${String(year).slice(0, 2)}\\d\\d–${short}\\b`).test(q));
}

const entries = [['the exhibit timeline', SEED_TIMELINE] as const, ...Object.entries(SEED_PERIODS)];

describe('the seed periods', () => {
  it.each(entries)('%s: every quote is the seed, verbatim', (_, period) => {
    expect(period.evidence.length).toBeGreaterThan(0);
    for (const quote of period.evidence) expect(seed, quote).toContain(quote);
  });

  it.each(entries)('%s: the quotes hold the first and the last year', (_, period) => {
    expect(names(period.evidence, period.from), `${period.from}`).toBe(true);
    expect(names(period.evidence, period.to), `${period.to}`).toBe(true);
  });

  it('reads an abbreviated end year only after its own century', () => {
    expect(names(['the New Economic Policy (1921–29)'], 1929)).toBe(true);
    expect(names(['the New Economic Policy (1921–29)'], 1829)).toBe(false);
    expect(names(['in 1921'], 1929)).toBe(false);
  });

  it('labels each period with its own years, within the axis', () => {
    for (const period of Object.values(SEED_PERIODS)) {
      expect(period.from).toBeLessThanOrEqual(period.to);
      expect(period.label).toBe(period.from === period.to ? `${period.from}` : `${period.from}–${period.to}`);
      expect(period.from).toBeGreaterThanOrEqual(SEED_TIMELINE.from);
      expect(period.to).toBeLessThanOrEqual(SEED_TIMELINE.to);
    }
    expect(SEED_TIMELINE).toMatchObject({ from: 1917, to: 1991 });
  });

  it('decides every topic of the built-in exhibit once: a period, or a reason for none', () => {
    expect(topicIds).toHaveLength(8);
    for (const id of topicIds) expect(id in SEED_PERIODS !== id in UNDATED_TOPICS, id).toBe(true);
    expect([...Object.keys(SEED_PERIODS), ...Object.keys(UNDATED_TOPICS)].sort()).toEqual([...topicIds].sort());
  });

  it('quotes the seed in the reasons for leaving a topic undated, too', () => {
    for (const reason of Object.values(UNDATED_TOPICS)) {
      for (const [, quote] of reason.matchAll(/"([^"]+)"/g)) expect(seed).toContain(quote);
    }
  });
});
