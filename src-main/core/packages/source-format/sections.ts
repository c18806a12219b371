/**
 * The sections/ folder of a curator's source: a folder per section id, holding its intro.md and
 * its topics (NN-<topic-id>.md), each perhaps with language siblings (languages.ts). Every file
 * is read on its own: a mistake in one is recorded and the others are still read (issue 17).
 */
import { formatFieldPath } from '../errors';
import { readGroup, type FieldContext, type Json, type Origins, type Path } from './fields';
import { TOPIC_KEYS } from './keys';
import { addParagraphs, matchShape, siblingOf, withLanguage } from './languages';
import { readBody, readParagraphs, splitFrontMatter, type EssayBlock } from './markdown';
import type { SourceRead } from './source-read';
import { parseYaml, sourceError } from './yaml-text';

export const SECTIONS_DIR = 'sections';
export const EXHIBIT_FILE = 'exhibit.yaml';
const INTRO_FILE = 'intro.md';
const TOPIC_FILE = /^(\d+)-(.+)\.md$/;
/** What a topic's text in another language may give: the words, never the facts (a period). */
const TRANSLATED_KEYS = new Set(['title', 'era']);

type SectionJson = Json & { id: string; introduction: string[]; topics: Json[] };

/** Reads every section folder into the draft's sections. */
export function readSections(read: SourceRead, draft: Json): void {
  const sections = (draft.exhibit as { sections?: SectionJson[] }).sections ?? [];
  for (const section of sections) Object.assign(section, { introduction: [], topics: [] });
  if (!read.isDir(SECTIONS_DIR)) return;
  const ids = sections.map((s) => s.id);
  // Each id once, and none of a section whose id was not read (refused in exhibit.yaml).
  const named = [...new Set(ids.filter((id) => typeof id === 'string' && id !== ''))];
  for (const entry of read.entries(SECTIONS_DIR)) {
    read.problems.attempt(() => {
      const folder = `${SECTIONS_DIR}/${entry.name}`;
      if (!entry.isDirectory()) throw sourceError(folder, null, `only section folders belong in ${SECTIONS_DIR}/, one for each section id in ${EXHIBIT_FILE} (such as ${SECTIONS_DIR}/${named[0] ?? '<section id>'}/)`);
      const s = ids.indexOf(entry.name);
      const known = named.length > 0 ? `the sections are ${named.join(', ')}` : `${EXHIBIT_FILE} names no section yet`;
      if (s < 0) throw sourceError(`${folder}/`, null, `there is no section "${entry.name}" under "sections" in ${EXHIBIT_FILE} (${known}): rename the folder to a section's id, or add the section`);
      readSectionFolder(read, folder, ['exhibit', 'sections', s], sections[s]!);
    });
  }
}

function readSectionFolder(read: SourceRead, folder: string, path: Path, section: SectionJson): void {
  const numbers = new Map<number, string>();
  const topicFiles: { number: number; id: string; file: string }[] = [];
  const siblings: { base: string; lang: string; file: string }[] = [];
  for (const entry of read.entries(folder)) {
    const file = `${folder}/${entry.name}`;
    read.problems.attempt(() => {
      const sibling = entry.isFile() ? siblingOf(entry.name, file, read.langs) : null;
      const topic = TOPIC_FILE.exec(entry.name);
      if (sibling) {
        siblings.push({ ...sibling, file });
      } else if (entry.isFile() && entry.name === INTRO_FILE) {
        section.introduction = readIntroduction(read, file, [...path, 'introduction']);
      } else if (entry.isFile() && topic) {
        const number = Number(topic[1]);
        const other = numbers.get(number);
        if (other) throw sourceError(file, null, `the number ${topic[1]} is also the number of ${other}; number the topics in reading order, each with its own number`);
        numbers.set(number, entry.name);
        topicFiles.push({ number, id: topic[2]!, file });
      } else {
        // Windows hides known extensions: "01-on-board.md" saved by Notepad is 01-on-board.md.txt.
        const hidden = /\.md\.txt$/i.test(entry.name) ? ` (its name ends in .md.txt: Windows may hide the .txt; rename it to end in .md)` : '';
        throw sourceError(file, null, `not part of an exhibit: a section folder holds ${INTRO_FILE} and topic files named like 01-topic-id.md${hidden}`);
      }
    });
  }
  topicFiles.sort((a, b) => a.number - b.number);
  // A topic that cannot be read is left out, with its problem recorded; the rest keep their order.
  const read_ = topicFiles.map(({ id, file }) => ({ id, file, topic: read.problems.attempt(() => readTopic(read, file, id, [...path, 'topics', -1])) }));
  const kept = read_.filter((t) => t.topic !== undefined);
  section.topics = kept.map(({ id, file }, t) => readTopic(read, file, id, [...path, 'topics', t]));
  for (const { base, lang, file } of siblings) {
    read.problems.attempt(() => {
      const original = `${folder}/${base}`;
      if (base === INTRO_FILE && read.isFile(original)) {
        const blocks = readEssay(read, file, 'paragraphs');
        matchShape(readEssay(read, original, 'paragraphs'), original, blocks, file);
        section.introduction = addParagraphs(section.introduction, blocks, read.langs, lang, file, [...path, 'introduction'], read.origins) as string[];
        return;
      }
      const t = kept.findIndex((topic) => topic.file === original);
      if (t < 0) {
        if (topicFiles.some((topic) => topic.file === original)) return; // its original's problem is recorded already
        throw sourceError(file, null, `a text in "${lang}" translates the file of the same name without ".${lang}", but there is no ${original}`);
      }
      readTopicSibling(read, original, file, lang, [...path, 'topics', t], section.topics[t]!);
    });
  }
}

/** A topic in another language: its front matter's title (and era), and its essay's paragraphs. */
function readTopicSibling(read: SourceRead, original: string, file: string, lang: string, path: Path, topic: Json): void {
  const markdown = splitFrontMatter(read.text(file), file);
  if (markdown.frontMatter === null) throw sourceError(file, 1, `a topic's text in "${lang}" starts with its front matter too: a line "---", then "title: …" in ${lang}, then a line "---"`);
  const yaml = parseYaml(markdown.frontMatter, file, markdown.frontMatterLine);
  const own: Origins = new Map();
  const words: Json = {};
  readGroup({ yaml, origins: own, paragraphs: () => [], problems: read.problems }, yaml.root, TOPIC_KEYS, 'the front matter', null, path, words);
  // "Any other key is refused" holds in a sibling too: a period given there would be ignored.
  for (const key of Object.keys(words)) {
    if (TRANSLATED_KEYS.has(key)) continue;
    const line = own.get(formatFieldPath([...path, key]))?.line ?? null;
    read.problems.add(sourceError(file, line, `"${key}" cannot be given in the "${lang}" text: only the title and the era are translated; the ${key} belongs in ${original} alone`));
  }
  for (const [field, origin] of own) read.origins.set(`${field}.${lang}`, origin);
  if (words.era !== undefined && topic.era === undefined) throw sourceError(file, own.get(formatFieldPath([...path, 'era']))?.line ?? null, `${original} gives no era, so its text in "${lang}" has none either`);
  for (const key of ['title', 'era'] as const) if (typeof words[key] === 'string') topic[key] = withLanguage(topic[key] as string, read.langs, lang, words[key]);
  const blocks = readBody(markdown.body, file, markdown.bodyLine, true);
  matchShape(readEssay(read, original, 'topic'), original, blocks, file);
  topic.body = (topic.body as Json[]).map((block, b) => {
    const other = blocks[b]!;
    if (other.type !== 'paragraph') return block;
    read.origins.set(formatFieldPath([...path, 'body', b, 'text', lang]), { file, line: other.line, label: 'this paragraph' });
    return { ...block, text: withLanguage(block.text as string, read.langs, lang, other.text) };
  });
}

/** A Markdown file's blocks; `paragraphs` files (introductions, translations) have no front matter. */
export function readEssay(read: SourceRead, file: string, kind: 'paragraphs' | 'topic'): EssayBlock[] {
  const markdown = splitFrontMatter(read.text(file), file);
  if (kind === 'paragraphs' && markdown.frontMatter !== null) throw sourceError(file, 1, 'this file is paragraphs only, without front matter');
  return readBody(markdown.body, file, markdown.bodyLine, kind === 'topic');
}

function readIntroduction(read: SourceRead, file: string, path: Path): string[] {
  const markdown = splitFrontMatter(read.text(file), file);
  if (markdown.frontMatter !== null) throw sourceError(file, 1, `an introduction is paragraphs only, without front matter (the section's title is in ${EXHIBIT_FILE})`);
  return readParagraphs(markdown.body, file, markdown.bodyLine).map((p, i) => {
    read.origins.set(formatFieldPath([...path, i]), { file, line: p.line, label: 'this paragraph' });
    return p.text;
  });
}

/**
 * Reads a topic file. It is read twice: first at a throwaway index to find whether it can be
 * read at all (its problems recorded), then at its place among the topics that can, so field
 * paths and their lines agree with the manifest that is built.
 */
function readTopic(read: SourceRead, file: string, id: string, path: Path): Json {
  const markdown = splitFrontMatter(read.text(file), file);
  if (markdown.frontMatter === null) {
    throw sourceError(file, 1, 'a topic file starts with its front matter: a line "---", then "title: …" (and "era: …" if it has one), then a line "---"');
  }
  const origins = path.at(-1) === -1 ? new Map() : read.origins;
  origins.set(formatFieldPath(path), { file, line: null, label: `topic "${id}"` });
  origins.set(formatFieldPath([...path, 'id']), { file, line: null, label: `the topic id "${id}" (the file name after the number)` });
  const yaml = parseYaml(markdown.frontMatter, file, markdown.frontMatterLine);
  if (yaml.root === null) throw sourceError(file, markdown.frontMatterLine, 'the front matter is empty: it needs a "title" (and an "era" if the topic has one)');
  const topic: Json = { id };
  const context: FieldContext = { yaml, origins, paragraphs: () => [], problems: read.problems };
  readGroup(context, yaml.root, TOPIC_KEYS, 'the front matter', null, path, topic);
  const blocks = readBody(markdown.body, file, markdown.bodyLine, true);
  if (blocks.length === 0) throw sourceError(file, null, 'the essay below the front matter is empty: a topic needs at least one paragraph or {{artifact …}}');
  topic.body = blocks.map((block, b) => {
    const label = block.type === 'artifact' ? `{{artifact ${block.ref}}}` : 'this paragraph';
    origins.set(formatFieldPath([...path, 'body', b]), { file, line: block.line, label });
    return block.type === 'artifact' ? { type: 'artifact', ref: block.ref } : { type: 'paragraph', text: block.text };
  });
  return topic;
}
