/**
 * A curator's source folder (docs/content-package.md, "Writing an exhibit"):
 *
 *   exhibit.yaml                         the exhibit, its sections in order, its artifacts
 *   sections/<section-id>/intro.md       a section's introduction (optional)
 *   sections/<section-id>/NN-<topic>.md  its topics in the order of NN: front matter, then the essay
 *   translations/<name>.md               an artifact's translation, when exhibit.yaml names one
 *   media/<image>                        the images
 *   <any of the Markdown files>.<lang>.md  that file in another of the exhibit's languages (languages.ts)
 *
 * Read only on the curator's machine (`vitrine pack`, `vitrine validate`): it becomes the same
 * manifest.json a kiosk reads, so the kiosk itself never parses YAML or Markdown. Files are small
 * and read synchronously, in a fixed order, so the first refusal is always the same one.
 */
import { existsSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { formatFieldPath } from '../errors';
import { PACKAGE_FORMAT, PACKAGE_SCHEMA_VERSION } from '../manifest';
import { checkDraft, refuseAt, type ExhibitDraft } from './checks';
import { readGroup, type FieldContext, type Json, type Located, type Origins, type Path } from './fields';
import { EXHIBIT_KEYS, TOPIC_KEYS } from './keys';
import { addParagraphs, languagesOf, matchShape, siblingName, siblingOf, withLanguage, type FolderLanguages } from './languages';
import { readBody, readParagraphs, splitFrontMatter, type EssayBlock } from './markdown';
import { parseYaml, sourceError } from './yaml-text';

export type { ExhibitDraft } from './checks';

export const EXHIBIT_FILE = 'exhibit.yaml';
const SECTIONS_DIR = 'sections';
const INTRO_FILE = 'intro.md';
const TOPIC_FILE = /^(\d+)-(.+)\.md$/;
const MARKDOWN_NAME = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*\.md$/;
// What file managers leave behind: never part of an exhibit, never worth a refusal.
const IGNORED = /^(\..*|Thumbs\.db|desktop\.ini)$/i;

/** True when `dir` is a curator's source folder (it holds exhibit.yaml). */
export function isExhibitFolder(dir: string): boolean {
  return existsSync(join(dir, EXHIBIT_FILE));
}

/**
 * Reads and checks a curator's folder completely, except the images' bytes: returns the manifest
 * it describes, without image sizes and checksums. Throws PackageError naming file and line.
 * `images: false` skips checking that the images exist, for tools that want only the words.
 */
export function readExhibitFolder(dir: string, options: { images?: boolean } = {}): ExhibitDraft {
  const origins: Origins = new Map();
  const yaml = parseYaml(readText(dir, EXHIBIT_FILE, { line: null, expected: `a file named ${EXHIBIT_FILE} in ${dir}` }), EXHIBIT_FILE);
  if (yaml.root === null) throw sourceError(EXHIBIT_FILE, null, 'the file is empty; docs/content-package.md ("Writing an exhibit") shows what it holds');
  const draft: Json = { format: PACKAGE_FORMAT, schemaVersion: PACKAGE_SCHEMA_VERSION };
  const translations: { name: string; at: Path }[] = [];
  const paragraphs = (name: string, line: number | null, key: string, at: Path) => {
    translations.push({ name, at });
    return readParagraphFile(dir, name, line, key);
  };
  readGroup({ yaml, origins, paragraphs }, yaml.root, EXHIBIT_KEYS, 'the exhibit', null, [], draft);
  draft.artifacts ??= [];
  const langs = languagesOf(draft);
  for (const { name, at } of translations) readTranslationSiblings(dir, name, at, draft, langs, origins);
  readSections(dir, draft, origins, langs);
  const manifest = checkDraft(draft, origins);
  if (options.images === false) return manifest;
  manifest.artifacts.forEach((artifact, a) =>
    artifact.media.forEach((media, m) => {
      if (!isFile(join(dir, media.file))) refuseAt(origins, ['artifacts', a, 'media', m, 'file'], (label) => `${label} names ${media.file}, which is not in the folder (looked for ${join(dir, media.file)})`);
    }),
  );
  return manifest;
}

/** Reads a file of the folder; `missing` says, at a line of exhibit.yaml, what was expected. */
function readText(dir: string, file: string, missing?: { line: number | null; expected: string }): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch (error) {
    if (missing && (error as NodeJS.ErrnoException).code === 'ENOENT') throw sourceError(EXHIBIT_FILE, missing.line, missing.expected);
    throw sourceError(file, null, `a readable file (${(error as Error).message})`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function entries(dir: string): Dirent[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !IGNORED.test(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** An artifact's translation: a Markdown file of paragraphs, named in exhibit.yaml. */
function readParagraphFile(dir: string, name: string, line: number | null, key: string): Located[] {
  if (!MARKDOWN_NAME.test(name)) {
    throw sourceError(EXHIBIT_FILE, line, `"${key}" should be the name of a Markdown file in this folder, such as translations/obj1.md, found "${name}"`);
  }
  const text = readText(dir, name, { line, expected: `"${key}" names ${name}, which is not in the folder` });
  const file = splitFrontMatter(text, name);
  if (file.frontMatter !== null) throw sourceError(name, 1, 'a translation is paragraphs only, without front matter');
  const paragraphs = readParagraphs(file.body, name, file.bodyLine);
  if (paragraphs.length === 0) throw sourceError(name, null, `the file is empty: write the translation's paragraphs, or remove "${key}" from ${EXHIBIT_FILE}`);
  return paragraphs.map((p) => ({ ...p, file: name }));
}

type SectionJson = Json & { id: string; introduction: string[]; topics: Json[] };

/** An artifact's translation in the exhibit's other languages: translations/obj6.ru.md and so on. */
function readTranslationSiblings(dir: string, name: string, at: Path, draft: Json, langs: FolderLanguages, origins: Origins): void {
  const artifact = (draft.artifacts as Json[])[at[1] as number]!;
  for (const lang of langs.languages) {
    const file = siblingName(name, lang);
    if (!isFile(join(dir, file))) continue;
    const blocks = readEssay(dir, file, 'paragraphs');
    matchShape(readEssay(dir, name, 'paragraphs'), name, blocks, file);
    artifact.translation = addParagraphs(artifact.translation as string[], blocks, langs, lang, file, at, origins);
  }
}

/** A Markdown file's blocks; `paragraphs` files (introductions, translations) have no front matter. */
function readEssay(dir: string, file: string, kind: 'paragraphs' | 'topic'): EssayBlock[] {
  const markdown = splitFrontMatter(readText(dir, file), file);
  if (kind === 'paragraphs' && markdown.frontMatter !== null) throw sourceError(file, 1, 'this file is paragraphs only, without front matter');
  return readBody(markdown.body, file, markdown.bodyLine, kind === 'topic');
}

function readSections(dir: string, draft: Json, origins: Origins, langs: FolderLanguages): void {
  const sections = (draft.exhibit as { sections: SectionJson[] }).sections;
  for (const section of sections) Object.assign(section, { introduction: [], topics: [] });
  const root = join(dir, SECTIONS_DIR);
  if (!existsSync(root)) return;
  const ids = sections.map((s) => s.id);
  for (const entry of entries(root)) {
    const folder = `${SECTIONS_DIR}/${entry.name}`;
    if (!entry.isDirectory()) throw sourceError(folder, null, `only section folders belong in ${SECTIONS_DIR}/, one for each section id in ${EXHIBIT_FILE} (such as ${SECTIONS_DIR}/${ids[0]}/)`);
    const s = ids.indexOf(entry.name);
    if (s < 0) throw sourceError(`${folder}/`, null, `there is no section "${entry.name}" under "sections" in ${EXHIBIT_FILE} (the sections are ${ids.join(', ')}): rename the folder to a section's id, or add the section`);
    readSectionFolder(dir, folder, ['exhibit', 'sections', s], sections[s]!, origins, langs);
  }
}

function readSectionFolder(dir: string, folder: string, path: Path, section: SectionJson, origins: Origins, langs: FolderLanguages): void {
  const numbers = new Map<number, string>();
  const topicFiles: { number: number; id: string; file: string }[] = [];
  const siblings: { base: string; lang: string; file: string }[] = [];
  for (const entry of entries(join(dir, folder))) {
    const file = `${folder}/${entry.name}`;
    const sibling = entry.isFile() ? siblingOf(entry.name, file, langs) : null;
    const topic = TOPIC_FILE.exec(entry.name);
    if (sibling) {
      siblings.push({ ...sibling, file });
    } else if (entry.isFile() && entry.name === INTRO_FILE) {
      section.introduction = readIntroduction(dir, file, [...path, 'introduction'], origins);
    } else if (entry.isFile() && topic) {
      const number = Number(topic[1]);
      const other = numbers.get(number);
      if (other) throw sourceError(file, null, `the number ${topic[1]} is also the number of ${other}; number the topics in reading order, each with its own number`);
      numbers.set(number, entry.name);
      topicFiles.push({ number, id: topic[2]!, file });
    } else {
      throw sourceError(file, null, `not part of an exhibit: a section folder holds ${INTRO_FILE} and topic files named like 01-topic-id.md`);
    }
  }
  topicFiles.sort((a, b) => a.number - b.number);
  section.topics = topicFiles.map(({ id, file }, t) => readTopic(dir, file, id, [...path, 'topics', t], origins));
  for (const { base, lang, file } of siblings) {
    const original = `${folder}/${base}`;
    if (base === INTRO_FILE && isFile(join(dir, original))) {
      const blocks = readEssay(dir, file, 'paragraphs');
      matchShape(readEssay(dir, original, 'paragraphs'), original, blocks, file);
      section.introduction = addParagraphs(section.introduction, blocks, langs, lang, file, [...path, 'introduction'], origins) as string[];
      continue;
    }
    const t = topicFiles.findIndex((topic) => topic.file === original);
    if (t < 0) throw sourceError(file, null, `a text in "${lang}" translates the file of the same name without ".${lang}", but there is no ${original}`);
    readTopicSibling(dir, original, file, lang, langs, [...path, 'topics', t], section.topics[t]!, origins);
  }
}

/** A topic in another language: its front matter's title (and era), and its essay's paragraphs. */
function readTopicSibling(dir: string, original: string, file: string, lang: string, langs: FolderLanguages, path: Path, topic: Json, origins: Origins): void {
  const markdown = splitFrontMatter(readText(dir, file), file);
  if (markdown.frontMatter === null) throw sourceError(file, 1, `a topic's text in "${lang}" starts with its front matter too: a line "---", then "title: …" in ${lang}, then a line "---"`);
  const yaml = parseYaml(markdown.frontMatter, file, markdown.frontMatterLine);
  const own: Origins = new Map();
  const words: Json = {};
  readGroup({ yaml, origins: own, paragraphs: () => [] }, yaml.root, TOPIC_KEYS, 'the front matter', null, path, words);
  for (const [field, origin] of own) origins.set(`${field}.${lang}`, origin);
  if (words.era !== undefined && topic.era === undefined) throw sourceError(file, own.get(formatFieldPath([...path, 'era']))?.line ?? null, `${original} gives no era, so its text in "${lang}" has none either`);
  for (const key of ['title', 'era'] as const) if (typeof words[key] === 'string') topic[key] = withLanguage(topic[key] as string, langs, lang, words[key]);
  const blocks = readBody(markdown.body, file, markdown.bodyLine, true);
  matchShape(readEssay(dir, original, 'topic'), original, blocks, file);
  topic.body = (topic.body as Json[]).map((block, b) => {
    const other = blocks[b]!;
    if (other.type !== 'paragraph') return block;
    origins.set(formatFieldPath([...path, 'body', b, 'text', lang]), { file, line: other.line, label: 'this paragraph' });
    return { ...block, text: withLanguage(block.text as string, langs, lang, other.text) };
  });
}

function readIntroduction(dir: string, file: string, path: Path, origins: Origins): string[] {
  const markdown = splitFrontMatter(readText(dir, file), file);
  if (markdown.frontMatter !== null) throw sourceError(file, 1, `an introduction is paragraphs only, without front matter (the section's title is in ${EXHIBIT_FILE})`);
  return readParagraphs(markdown.body, file, markdown.bodyLine).map((p, i) => {
    origins.set(formatFieldPath([...path, i]), { file, line: p.line, label: 'this paragraph' });
    return p.text;
  });
}

function readTopic(dir: string, file: string, id: string, path: Path, origins: Origins): Json {
  const markdown = splitFrontMatter(readText(dir, file), file);
  if (markdown.frontMatter === null) {
    throw sourceError(file, 1, 'a topic file starts with its front matter: a line "---", then "title: …" (and "era: …" if it has one), then a line "---"');
  }
  origins.set(formatFieldPath(path), { file, line: null, label: `topic "${id}"` });
  origins.set(formatFieldPath([...path, 'id']), { file, line: null, label: `the topic id "${id}" (the file name after the number)` });
  const yaml = parseYaml(markdown.frontMatter, file, markdown.frontMatterLine);
  if (yaml.root === null) throw sourceError(file, markdown.frontMatterLine, 'the front matter is empty: it needs a "title" (and an "era" if the topic has one)');
  const topic: Json = { id };
  const context: FieldContext = { yaml, origins, paragraphs: () => [] };
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
