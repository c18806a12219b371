#!/usr/bin/env node
/**
 * Turns the seed text of the built-in exhibit (assets/exhibit/seed-loc-sovi.txt, a copy of the seed, the Library of Congress
 * page "The Soviet Union and the United States") into the curator source assets/exhibit/exhibit.json.
 * Run once by hand when the seed changes; the result is committed. Text is copied exactly:
 * no paragraph, title or caption is edited or added. tests/unit/builtin-exhibit.test.ts checks that.
 *
 *   node scripts/seed-to-exhibit.mjs assets/exhibit/seed-loc-sovi.txt > assets/exhibit/exhibit.json
 */
import { readFileSync } from 'node:fs';

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
let pending = []; // lines seen since the last paragraph that may belong to an object
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

const exhibit = {
  format: 'vitrine-package',
  schemaVersion: 1,
  package: { id: 'loc-revelations-russian-archives', version: '1.0.0', title: 'Revelations from the Russian Archives (built-in)' },
  exhibit: {
    title: 'Revelations from the Russian Archives',
    subtitle: null,
    credit: 'Library of Congress exhibit, 1992. Text in the public domain. Images on this kiosk are generated stand-ins, not the original documents.',
    language: 'en',
    sections: sectionNames.map((title) => {
      const has = title === 'The Soviet Union and the United States';
      return { id: slugify(title), title, introduction: has ? introduction : [], topics: has ? topics : [] };
    }),
  },
  artifacts,
};
process.stdout.write(JSON.stringify(exhibit, null, 2) + '\n');
