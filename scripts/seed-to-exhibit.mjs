#!/usr/bin/env node
/**
 * Turns the seed text of the built-in exhibit (assets/exhibit/seed-loc-sovi.txt, a copy of the seed, the Library of Congress
 * page "The Soviet Union and the United States") into the curator source folder assets/exhibit/:
 * exhibit.yaml and one Markdown file per section introduction and per topic (the format is in
 * docs/content-package.md, "Writing an exhibit"). Run once by hand when the seed changes; the
 * result is committed. Text is copied exactly: no paragraph, title or caption is edited or
 * added. tests/unit/core/builtin-exhibit.test.ts packs the folder and checks that.
 *
 *   node scripts/seed-to-exhibit.mjs assets/exhibit/seed-loc-sovi.txt assets/exhibit
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, stringify } from 'yaml';
import { SEED_PERIODS, SEED_TIMELINE } from './seed-periods.mjs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').map((l) => l.trimEnd());
const blocks = lines.filter((l) => l.trim() !== '');
const sectionLine = blocks.shift();
blocks.pop(); // the closing "Sections: …" navigation line repeats the first
const sectionNames = sectionLine.replace(/^Sections:\s*/, '').split('|').map((s) => s.trim());

// Original web page controls, not content (see the seed README).
const CONTROL = /^(Read the translation|Back to Top)$/;
const BOOKMARK = /^Bookmark this item: (\/\/\S+#(obj\d+))$/;

const topicHeadings = new Set([
  'Early Cooperation: American Famine Relief',
  'Early Cooperation: Economic Cooperation',
  'Soviet and American Communist Parties',
  'World War II: Alliance',
  'World War II: American POWs and MIAs',
  'Cold War: Postwar Estrangement',
  'Cold War: Soviet Perspectives',
  'Cold War: Cuban Missile Crisis',
]);

const introduction = [];
const topics = [];
const artifacts = [];
let topic = null;
for (let i = 0; i < blocks.length; i++) {
  const line = blocks[i];
  if (topicHeadings.has(line)) {
    const [era, title] = line.includes(': ') ? line.split(': ', 2) : [null, line];
    topic = { id: slugify(title), era, title, body: [] };
    topics.push(topic);
    continue;
  }
  if (!topic) { introduction.push(line); continue; }
  const bookmark = BOOKMARK.exec(line);
  if (bookmark) {
    // An object is: title, [image label | caption], [Read the translation], Bookmark.
    const id = bookmark[2];
    const objectLines = [];
    while (topic.body.length && topic.body.at(-1).type === 'paragraph' && isObjectLine(topic.body.at(-1).text)) {
      objectLines.unshift(topic.body.pop().text);
    }
    const offered = objectLines.includes('Read the translation');
    const [title, second] = objectLines.filter((l) => !CONTROL.test(l));
    artifacts.push(makeArtifact(id, title, second, offered, 'https:' + bookmark[1]));
    topic.body.push({ type: 'artifact', ref: id });
    continue;
  }
  if (line === 'Back to Top') continue;
  topic.body.push({ type: 'paragraph', text: line });
}

function isObjectLine(text) {
  // Object titles and labels are short lines without a full stop at the end of a sentence,
  // except the Potsdam caption, which follows the title "Stalin at Potsdam".
  return text.length < 80 || CONTROL.test(text) || text.startsWith('Joseph Stalin (right center');
}

function makeArtifact(id, title, second, translationOffered, permanentUrl) {
  const pages = [{ label: title }];
  let caption = null;
  if (second && second !== title) {
    if (second.startsWith(title + '. Page 2')) pages.push({ label: second });
    else if (second.startsWith(title + ' [')) pages[0].label = second;
    else caption = second;
  }
  return {
    id,
    title,
    caption,
    permanentUrl,
    translation: null,
    translationNote: translationOffered
      ? 'The original exhibit offered a translation of this document; it is not included in this package.'
      : null,
    date: null,
    media: pages.map((p, n) => ({
      file: `media/${id}-${n + 1}.jpg`,
      alt: `Stand-in image for: ${p.label}`,
      standIn: true,
    })),
  };
}

function slugify(s) {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

const sections = sectionNames.map((title) => {
  const has = title === 'The Soviet Union and the United States';
  return { id: slugify(title), title, introduction: has ? introduction : [], topics: has ? topics : [] };
});

const outDir = process.argv[3];
if (!outDir) {
  console.error('Usage: node scripts/seed-to-exhibit.mjs <seed.txt> <exhibit folder>');
  process.exit(2);
}

/** exhibit.yaml: what the exhibit is, its sections in order, and its artifacts. */
function exhibitYaml() {
  const doc = new Document({
    package: { id: 'loc-revelations-russian-archives', version: '1.0.0', title: 'Revelations from the Russian Archives (built-in)' },
    title: 'Revelations from the Russian Archives',
    credit: 'Library of Congress exhibit, 1992. Text in the public domain. Images on this kiosk are generated stand-ins, not the original documents.',
    language: 'en',
    timeline: { from: SEED_TIMELINE.from, to: SEED_TIMELINE.to },
    sections: sections.map(({ id, title }) => ({ id, title })),
    artifacts: Object.fromEntries(artifacts.map(({ id, media, ...rest }) => [id, { ...withoutNulls(rest), images: media }])),
  });
  doc.commentBefore = [
    ' The built-in exhibit: generated from seed-loc-sovi.txt by scripts/seed-to-exhibit.mjs.',
    ' Each section\'s introduction and topics are Markdown files in sections/<section id>/.',
    ' The format: docs/content-package.md, "Writing an exhibit".',
  ].join('\n');
  for (const pair of doc.contents.items.slice(1)) if (['title', 'timeline', 'sections', 'artifacts'].includes(pair.key.value)) pair.key.spaceBefore = true;
  for (const pair of doc.get('artifacts').items.slice(1)) pair.key.spaceBefore = true;
  return doc.toString({ lineWidth: 100 });
}

function withoutNulls(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null));
}

/**
 * A topic file: front matter (title, era, and the period the seed's own words give it, from
 * seed-periods.mjs), then the essay, objects placed between paragraphs.
 */
function topicMarkdown(topic) {
  const known = SEED_PERIODS[topic.id];
  const period = known ? withoutNulls({ from: known.from, to: known.to ?? null, label: known.label ?? null }) : null;
  const front = stringify(withoutNulls({ title: topic.title, era: topic.era, period }), { lineWidth: 0 });
  const body = topic.body.map((block) => (block.type === 'artifact' ? `{{artifact ${block.ref}}}` : block.text));
  return `---\n${front}---\n\n${body.join('\n\n')}\n`;
}

rmSync(join(outDir, 'sections'), { recursive: true, force: true });
writeFileSync(join(outDir, 'exhibit.yaml'), exhibitYaml());
for (const section of sections) {
  if (section.introduction.length === 0 && section.topics.length === 0) continue; // a section without content: no folder
  const folder = join(outDir, 'sections', section.id);
  mkdirSync(folder, { recursive: true });
  if (section.introduction.length > 0) writeFileSync(join(folder, 'intro.md'), `${section.introduction.join('\n\n')}\n`);
  section.topics.forEach((topic, t) => writeFileSync(join(folder, `${String(t + 1).padStart(2, '0')}-${topic.id}.md`), topicMarkdown(topic)));
}
console.log(`Wrote ${join(outDir, 'exhibit.yaml')} and ${sections.reduce((n, s) => n + s.topics.length, 0)} topics under ${join(outDir, 'sections')}`);
