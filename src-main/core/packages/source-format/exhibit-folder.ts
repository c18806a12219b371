/**
 * A curator's source folder (docs/content-package.md, "Writing an exhibit"):
 *
 *   exhibit.yaml                         the exhibit, its sections in order, its artifacts
 *   sections/<section-id>/intro.md       a section's introduction (optional)
 *   sections/<section-id>/NN-<topic>.md  its topics in the order of NN: front matter, then the essay
 *   translations/<name>.md               an artifact's translation, when exhibit.yaml names one
 *   media/<image>                        the images, and recordings with their captions (issue 20)
 *   <any of the Markdown files>.<lang>.md  that file in another of the exhibit's languages (languages.ts)
 *
 * Read only on the curator's machine (`vitrine pack`, `vitrine validate`, `vitrine preview`): it
 * becomes the same manifest.json a kiosk reads, so the kiosk itself never parses YAML or Markdown.
 * Files are small and read synchronously, in a fixed order, and every mistake is reported in one
 * run (issue 17), in that order.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { PackageError } from '../errors';
import { PACKAGE_FORMAT, PACKAGE_SCHEMA_VERSION } from '../manifest';
import { packageFiles } from '../package-files';
import { checkDraft, refuseAt, type ExhibitDraft } from './checks';
import { readGroup, type Json, type Located, type Origins, type Path } from './fields';
import { EXHIBIT_KEYS } from './keys';
import { addParagraphs, languagesOf, matchShape, siblingName } from './languages';
import { readParagraphs, splitFrontMatter } from './markdown';
import { EXHIBIT_FILE, readEssay, readSections, SECTIONS_DIR } from './sections';
import { SourceRead } from './source-read';
import { summarize, type SourceSummary } from './summary';
import { shapeRecordings } from './recordings';
import { parseYaml, sourceError } from './yaml-text';

export type { ExhibitDraft } from './checks';
export { EXHIBIT_FILE } from './sections';

const MARKDOWN_NAME = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)*\.md$/;

/** True when `dir` is a curator's source folder (it holds exhibit.yaml). */
export function isExhibitFolder(dir: string): boolean {
  return existsSync(join(dir, EXHIBIT_FILE));
}

/** A source folder read and checked: its manifest (but for image sizes), and what is worth a word. */
export interface ExhibitSource {
  manifest: ExhibitDraft;
  /** Where each manifest field came from: file, line, and the curator's name for it. */
  origins: Origins;
  /** Not wrong, but likely not meant: a section without topics, an image nothing shows, a stray file. */
  warnings: PackageError[];
  summary: SourceSummary;
}

/**
 * Reads and checks a curator's folder completely, except the images' bytes, and reports every
 * mistake at once (PackageProblems, each with its file and line). `images: false` skips checking
 * that the images exist, for tools that want only the words.
 */
export function readExhibitSource(dir: string, options: { images?: boolean } = {}): ExhibitSource {
  const read = new SourceRead(dir);
  const { problems, origins } = read;
  const text = read.text(EXHIBIT_FILE, () => sourceError(EXHIBIT_FILE, null, `a file named ${EXHIBIT_FILE} in ${dir}`));
  const yaml = parseYaml(text, EXHIBIT_FILE);
  if (yaml.root === null) throw sourceError(EXHIBIT_FILE, null, 'the file is empty; docs/content-package.md ("Writing an exhibit") shows what it holds');
  const draft: Json = { format: PACKAGE_FORMAT, schemaVersion: PACKAGE_SCHEMA_VERSION };
  const translations: { name: string; at: Path }[] = [];
  const paragraphs = (name: string, line: number | null, key: string, at: Path) => {
    translations.push({ name, at });
    return readParagraphFile(read, name, line, key);
  };
  // A mistake in one key is recorded and the rest read; a file that is no group of keys at all
  // cannot be read further.
  if (!problems.attempt(() => readGroup({ yaml, origins, paragraphs, problems }, yaml.root, EXHIBIT_KEYS, 'the exhibit', null, [], draft) ?? true)) problems.check();
  draft.artifacts ??= [];
  read.langs = languagesOf(draft);
  for (const { name, at } of translations) problems.attempt(() => readTranslationSiblings(read, name, at, draft));
  if ((draft.exhibit as Json | undefined)?.sections) readSections(read, draft);
  shapeRecordings(draft, origins);
  const manifest = checkDraft(draft, origins, problems);
  if (manifest && manifest.exhibit.sections.every((section) => section.topics.length === 0)) {
    problems.add(sourceError(`${SECTIONS_DIR}/`, null, `the exhibit has no topics, so a visitor would find nothing to read: write at least one, such as ${SECTIONS_DIR}/${manifest.exhibit.sections[0]?.id ?? 'a-section'}/01-a-topic.md (docs/content-package.md, "Writing an exhibit")`));
  }
  if (options.images !== false) {
    // Also when the words have mistakes: a missing image is named in the same run, not in the
    // next (a curator's walk took a run for a wrong value, then another for the missing image).
    for (const { file, at } of packageFiles(manifest ?? draft)) {
      if (!manifest && (file.includes('..') || isAbsolute(file))) continue; // the schema check names it
      read.used.add(file);
      if (!read.isFile(file)) problems.attempt(() => refuseAt(origins, [...at, 'file'], (label) => `${label} names ${file}, which is not in the folder (looked for ${join(dir, file)})${otherCase(read, file)}`));
    }
  }
  problems.check();
  const { summary, warnings } = summarize(read, manifest!);
  return { manifest: manifest!, origins, warnings, summary };
}

/**
 * A file of the same name in other letter case, as a hint: Windows and macOS find "Tram.JPG" for
 * "tram.jpg", so a folder that worked there is refused here, and on the kiosk's disk.
 */
function otherCase(read: SourceRead, file: string): string {
  const folder = dirname(file);
  let names: string[] = [];
  try {
    names = read.entries(folder).map((entry) => entry.name);
  } catch {
    return '';
  }
  const match = names.find((name) => name.toLowerCase() === basename(file).toLowerCase());
  return match ? `; there is ${join(folder, match)}: the name must match letter for letter, capitals too` : '';
}

/** The manifest a curator's folder describes (readExhibitSource, without the report). */
export function readExhibitFolder(dir: string, options: { images?: boolean } = {}): ExhibitDraft {
  return readExhibitSource(dir, options).manifest;
}

/** An artifact's translation: a Markdown file of paragraphs, named in exhibit.yaml. */
function readParagraphFile(read: SourceRead, name: string, line: number | null, key: string): Located[] {
  if (!MARKDOWN_NAME.test(name)) {
    throw sourceError(EXHIBIT_FILE, line, `"${key}" should be the name of a Markdown file in this folder, such as translations/obj1.md, found "${name}"`);
  }
  const text = read.text(name, () => sourceError(EXHIBIT_FILE, line, `"${key}" names ${name}, which is not in the folder`));
  const file = splitFrontMatter(text, name);
  if (file.frontMatter !== null) throw sourceError(name, 1, 'a translation is paragraphs only, without front matter');
  const paragraphs = readParagraphs(file.body, name, file.bodyLine);
  if (paragraphs.length === 0) throw sourceError(name, null, `the file is empty: write the translation's paragraphs, or remove "${key}" from ${EXHIBIT_FILE}`);
  return paragraphs.map((p) => ({ ...p, file: name }));
}

/**
 * A paragraphs file (an artifact's translation, a recording's transcript) in the exhibit's other
 * languages: translations/obj6.ru.md and so on, added to the field at `at`.
 */
function readTranslationSiblings(read: SourceRead, name: string, at: Path, draft: Json): void {
  const owner = at.slice(0, -1).reduce<Json>((node, step) => (node as Record<string | number, Json>)[step]!, draft);
  const key = at.at(-1) as string;
  for (const lang of read.langs.languages) {
    const file = siblingName(name, lang);
    if (!read.isFile(file)) continue;
    read.problems.attempt(() => {
      const blocks = readEssay(read, file, 'paragraphs');
      matchShape(readEssay(read, name, 'paragraphs'), name, blocks, file);
      owner[key] = addParagraphs(owner[key] as string[], blocks, read.langs, lang, file, at, read.origins);
    });
  }
}
