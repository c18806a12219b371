import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest } from '../../../src-main/core/packages/validate';
import { BUILTIN_SOURCE } from '../../helpers/packages';

// The seed text the built-in exhibit must reproduce exactly (a copy is kept beside the source).
const SEED_COPY = join(import.meta.dirname, '../../../assets/exhibit/seed-loc-sovi.txt');
const SHARED_SEED = join(import.meta.dirname, '../../../../shared/seed/000_ab2fd6542aee56c3.txt');
const seed = readFileSync(SEED_COPY, 'utf8');
const seedLines = new Set(seed.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== ''));
const source = JSON.parse(readFileSync(BUILTIN_SOURCE, 'utf8'));

describe('the built-in exhibit source', () => {
  it('is a copy of the project seed, unchanged', () => {
    if (existsSync(SHARED_SEED)) expect(readFileSync(SHARED_SEED, 'utf8')).toBe(seed);
  });

  it('has all eight topics and nine objects of the seed, in order', () => {
    const section = source.exhibit.sections[1];
    expect(section.topics.map((t: { era: string | null; title: string }) => (t.era ? `${t.era}: ${t.title}` : t.title))).toEqual([
      'Early Cooperation: American Famine Relief',
      'Early Cooperation: Economic Cooperation',
      'Soviet and American Communist Parties',
      'World War II: Alliance',
      'World War II: American POWs and MIAs',
      'Cold War: Postwar Estrangement',
      'Cold War: Soviet Perspectives',
      'Cold War: Cuban Missile Crisis',
    ]);
    expect(source.artifacts.map((a: { id: string }) => a.id)).toEqual(['obj1', 'obj2', 'obj3', 'obj4', 'obj5', 'obj6', 'obj7', 'obj8', 'obj9']);
  });

  it('copies every paragraph, title and caption exactly as the seed gives it', () => {
    const texts: string[] = [];
    for (const s of source.exhibit.sections) {
      texts.push(s.title, ...s.introduction);
      for (const t of s.topics) {
        texts.push(t.era ? `${t.era}: ${t.title}` : t.title);
        for (const b of t.body) if (b.type === 'paragraph') texts.push(b.text);
      }
    }
    for (const a of source.artifacts) texts.push(a.title, ...(a.caption ? [a.caption] : []));
    const notInSeed = texts.filter((t) => !seedLines.has(t) && !seed.includes(t));
    expect(notInSeed).toEqual([]);
  });

  it('leaves out no paragraph of the seed', () => {
    const headings = source.exhibit.sections.flatMap((s: { topics: { era: string | null; title: string }[] }) => s.topics.map((t) => `${t.era}: ${t.title}`));
    const used = JSON.stringify([source, headings]);
    const controls = /^(Sections: |Read the translation$|Back to Top$|Bookmark this item: |\u00a0$| $)/;
    const missing = [...seedLines].filter((l) => !controls.test(l) && l.trim() !== '' && !used.includes(JSON.stringify(l).slice(1, -1)));
    // Lines like "Testimony of Wendell Wilkie. Page 2." are image labels: they become image alt text.
    expect(missing.filter((l) => !used.includes(`Stand-in image for: ${l}`))).toEqual([]);
  });

  it('invents nothing: no translation, date or image is claimed that the seed does not have', () => {
    for (const a of source.artifacts) {
      expect(a.translation).toBeNull();
      expect(a.date).toBeNull();
      for (const m of a.media) expect(m.standIn).toBe(true);
    }
    // Objects the seed gives "Read the translation" for say so; obj5 and obj6 had none.
    const noted = source.artifacts.filter((a: { translationNote: string | null }) => a.translationNote).map((a: { id: string }) => a.id);
    expect(noted).toEqual(['obj1', 'obj2', 'obj3', 'obj4', 'obj7', 'obj8', 'obj9']);
  });

  it('is a valid package manifest once sizes and checksums are filled in', () => {
    const filled = structuredClone(source);
    for (const a of filled.artifacts) for (const m of a.media) Object.assign(m, { bytes: 1, sha256: '0'.repeat(64) });
    expect(() => parseManifest(JSON.stringify(filled))).not.toThrow();
  });
});
