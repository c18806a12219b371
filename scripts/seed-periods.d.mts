/** Types of seed-periods.mjs, for the TypeScript tests that read it (the project does not type-check JavaScript). */

export interface SeedPeriod {
  from: number;
  to: number;
  label: string;
  /** The seed's exact words that give the years. */
  evidence: string[];
}

export const SEED_TIMELINE: { from: number; to: number; evidence: string[] };
export const SEED_PERIODS: Record<string, SeedPeriod>;
export const UNDATED_TOPICS: Record<string, string>;
