/**
 * Texts in several languages (issue 6): which manifest fields a visitor reads, and the rules a
 * text given by language must keep. A map must hold the exhibit's own language, since the kiosk
 * falls back to it field by field, and only languages the exhibit lists under `languages`.
 * This is the one list of localizable fields: the validator and the store writer both walk it.
 */
import { PackageError, formatFieldPath } from './errors';
import { MANIFEST_FILE, type LocalTextValue, type Manifest } from './manifest';

type Path = (string | number)[];
/** Called once for each visitor-facing text of a manifest that is present (not null). */
export type LocalTextVisitor = (value: LocalTextValue, path: Path) => void;

/** Visits every visitor-facing text, in manifest order, with its field path. */
export function forEachLocalText(manifest: Manifest, visit: LocalTextVisitor): void {
  const maybe = (value: LocalTextValue | null, path: Path) => {
    if (value !== null) visit(value, path);
  };
  const { exhibit } = manifest;
  maybe(exhibit.title, ['exhibit', 'title']);
  maybe(exhibit.subtitle, ['exhibit', 'subtitle']);
  maybe(exhibit.credit, ['exhibit', 'credit']);
  if (exhibit.attract) {
    maybe(exhibit.attract.title, ['exhibit', 'attract', 'title']);
    maybe(exhibit.attract.invitation, ['exhibit', 'attract', 'invitation']);
  }
  exhibit.sections.forEach((section, s) => {
    const at: Path = ['exhibit', 'sections', s];
    visit(section.title, [...at, 'title']);
    section.introduction.forEach((text, p) => visit(text, [...at, 'introduction', p]));
    section.topics.forEach((topic, t) => {
      maybe(topic.era, [...at, 'topics', t, 'era']);
      visit(topic.title, [...at, 'topics', t, 'title']);
      topic.body.forEach((block, b) => {
        if (block.type === 'paragraph') visit(block.text, [...at, 'topics', t, 'body', b, 'text']);
      });
    });
  });
  manifest.artifacts.forEach((artifact, a) => {
    const at: Path = ['artifacts', a];
    visit(artifact.title, [...at, 'title']);
    maybe(artifact.caption, [...at, 'caption']);
    maybe(artifact.date, [...at, 'date']);
    maybe(artifact.translationNote, [...at, 'translationNote']);
    artifact.translation?.forEach((text, p) => visit(text, [...at, 'translation', p]));
    artifact.media.forEach((media, m) => visit(media.alt, [...at, 'media', m, 'alt']));
    artifact.recordings?.forEach((recording, r) => {
      maybe(recording.title, [...at, 'recordings', r, 'title']);
      recording.transcript?.forEach((text, p) => visit(text, [...at, 'recordings', r, 'transcript', p]));
    });
    artifact.recordings?.forEach((recording, r) => {
      maybe(recording.title, [...at, 'recordings', r, 'title']);
      recording.transcript?.forEach((text, p) => visit(text, [...at, 'recordings', r, 'transcript', p]));
    });
  });
}

/** The text in the exhibit's language `lang` (a plain text is in it). */
export function defaultText(value: LocalTextValue, lang: string): string;
export function defaultText(value: LocalTextValue | null, lang: string): string | null;
export function defaultText(value: LocalTextValue | null, lang: string): string | null {
  return value === null || typeof value === 'string' ? value : (value[lang] ?? null);
}

/** The texts in languages other than the exhibit's `lang`, as [language, text] pairs. */
export function otherTexts(value: LocalTextValue | null, lang: string): [string, string][] {
  return value === null || typeof value === 'string' ? [] : Object.entries(value).filter(([l]) => l !== lang);
}

/** Refuses a manifest whose `languages` or texts by language break the rules above. */
export function checkLanguages(manifest: Manifest): void {
  const { language, languages = [] } = manifest.exhibit;
  languages.forEach((tag, i) => {
    const field = `exhibit.languages[${i}]`;
    if (tag === language) throw new PackageError(MANIFEST_FILE, field, `only the exhibit's other languages: "${tag}" is its own language already ("language")`);
    if (languages.indexOf(tag) !== i) throw new PackageError(MANIFEST_FILE, field, `each language once, but "${tag}" is also languages[${languages.indexOf(tag)}]`);
  });
  const allowed = [language, ...languages];
  // Captions are files, not texts, but are picked by the visitor's language all the same.
  manifest.artifacts.forEach((artifact, a) =>
    artifact.recordings?.forEach((recording, r) =>
      recording.captions.forEach((captions, c) => {
        if (allowed.includes(captions.language)) return;
        const field = formatFieldPath(['artifacts', a, 'recordings', r, 'captions', c, 'language']);
        throw new PackageError(MANIFEST_FILE, field, `captions in one of the exhibit's languages (${allowed.join(', ')}), but "${captions.language}" is not one of them: add it to "languages", or remove these captions`);
      }),
    ),
  );
  forEachLocalText(manifest, (value, path) => {
    if (typeof value === 'string') return;
    const given = Object.keys(value);
    for (const tag of given) {
      if (!allowed.includes(tag)) {
        throw new PackageError(MANIFEST_FILE, formatFieldPath([...path, tag]), `a text in one of the exhibit's languages (${allowed.join(', ')}), but "${tag}" is not one of them: add it to "languages", or remove this text`);
      }
    }
    if (!given.includes(language)) {
      const found = given.length === 0 ? 'found no text at all' : `found only ${given.map((tag) => `"${tag}"`).join(', ')}`;
      throw new PackageError(MANIFEST_FILE, formatFieldPath(path), `the text in "${language}", the exhibit's language, which every text needs so the kiosk can fall back to it (${found})`);
    }
  });
}
