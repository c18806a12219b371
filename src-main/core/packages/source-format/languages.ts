/**
 * A curator's texts in the exhibit's other languages (docs/content-package.md, "Texts in several
 * languages"): a Markdown file's language sibling, `03-lend-lease.ru.md` beside `03-lend-lease.md`,
 * `intro.ru.md`, `translations/obj6.ru.md`. A sibling is a translation of its file, so it keeps
 * the file's shape exactly: the same paragraphs and `{{artifact …}}` lines in the same order.
 * Where it does not, the refusal names the sibling's line and the original's.
 */
import { formatFieldPath } from '../errors';
import type { LocalTextValue } from '../manifest';
import type { Json, Origins, Path } from './fields';
import type { EssayBlock } from './markdown';
import { sourceError } from './yaml-text';

/** `name.ru.md`: the base name, and the language tag. */
const SIBLING = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** The languages a folder may hold siblings in, and the exhibit's own. */
export interface FolderLanguages {
  language: string;
  languages: string[];
}

/** The languages the draft declares (exhibit.yaml `language` and `languages`). */
export function languagesOf(draft: Json): FolderLanguages {
  const exhibit = draft.exhibit as { language?: unknown; languages?: unknown };
  const languages = Array.isArray(exhibit.languages) ? exhibit.languages.filter((l): l is string => typeof l === 'string') : [];
  return { language: typeof exhibit.language === 'string' ? exhibit.language : '', languages };
}

/**
 * For a file name such as `03-topic.ru.md`, the name it translates (`03-topic.md`) and its
 * language; null for any other name. A language the exhibit does not list is refused.
 */
export function siblingOf(name: string, file: string, langs: FolderLanguages): { base: string; lang: string } | null {
  const match = SIBLING.exec(name);
  if (!match) return null;
  const lang = match[2]!;
  if (!langs.languages.includes(lang)) {
    const listed = langs.languages.length > 0 ? `its other languages are ${langs.languages.join(', ')}` : 'it lists no other languages';
    throw sourceError(file, null, `"${lang}" is not one of the exhibit's languages (under "languages" in exhibit.yaml ${listed}): add it there, or rename the file`);
  }
  return { base: `${match[1]}.md`, lang };
}

/** The name of `name`'s sibling in `lang`: translations/obj6.md → translations/obj6.ru.md. */
export function siblingName(name: string, lang: string): string {
  return name.replace(/\.md$/, `.${lang}.md`);
}

const describe = (block: EssayBlock) => (block.type === 'artifact' ? `{{artifact ${block.ref}}}` : 'a paragraph');
const count = (blocks: EssayBlock[]) => `${blocks.length} ${blocks.length === 1 ? 'block' : 'blocks'}`;
const KEEP = 'a translation keeps every paragraph and {{artifact …}} line of its original, in the same order';

/** Refuses a sibling whose paragraphs and placements differ from its original's. */
export function matchShape(original: EssayBlock[], originalFile: string, sibling: EssayBlock[], siblingFile: string): void {
  for (let i = 0; i < Math.max(original.length, sibling.length); i++) {
    const a = original[i];
    const b = sibling[i];
    if (!b) throw sourceError(siblingFile, null, `ends after ${count(sibling)}, but ${originalFile} goes on with ${describe(a!)} at line ${a!.line}: ${KEEP}`);
    if (!a) throw sourceError(siblingFile, b.line, `${describe(b)} here has no counterpart: ${originalFile} ends after ${count(original)}; ${KEEP}`);
    const same = a.type === b.type && (a.type === 'paragraph' || (b.type === 'artifact' && a.ref === b.ref));
    if (!same) throw sourceError(siblingFile, b.line, `${describe(b)} here stands where ${originalFile} has ${describe(a)} (line ${a.line}): ${KEEP}`);
  }
}

/** `value` with its text in `lang` added (a plain text is the exhibit's language's). */
export function withLanguage(value: LocalTextValue, langs: FolderLanguages, lang: string, text: string): Record<string, string> {
  return { ...(typeof value === 'string' ? { [langs.language]: value } : value), [lang]: text };
}

/** Adds a sibling's paragraphs to a list of texts; each paragraph's origin is its line there. */
export function addParagraphs(texts: LocalTextValue[], blocks: EssayBlock[], langs: FolderLanguages, lang: string, file: string, path: Path, origins: Origins): LocalTextValue[] {
  return texts.map((text, i) => {
    const block = blocks[i]!;
    origins.set(formatFieldPath([...path, i, lang]), { file, line: block.line, label: 'this paragraph' });
    return withLanguage(text, langs, lang, block.type === 'paragraph' ? block.text : '');
  });
}
