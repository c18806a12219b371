/**
 * Every key a curator may write in exhibit.yaml and in a topic's front matter, and the manifest
 * field each becomes (manifest.ts). This is the one place to change when the package format
 * gains a field: add a row here, and a line to docs/content-package.md "Writing an exhibit".
 * tests/unit/core/source-format.test.ts fails while a manifest field has no row.
 */

/** How a key's value is written, and where it goes in the manifest. */
export type Field =
  /**
   * Text on one line, or folded over several (`>`); trimmed. A `local` text a visitor reads may
   * instead be a group of texts by language (`en: …`, `ru: …`), as in manifest.ts. `what`: what
   * the text is, for a message about a missing one, where "text" alone would leave a curator guessing.
   */
  | { kind: 'text'; to?: string; required?: true; local?: true; what?: string }
  /** `true` or `false`. */
  | { kind: 'flag'; to?: string }
  /** A whole year, such as 1921 (negative for BCE). */
  | { kind: 'year'; to?: string; required?: true }
  /** A list of short texts, such as artifact ids: `[obj6, obj9]`. */
  | { kind: 'texts'; to?: string; what: string }
  /** The name of a Markdown file in the folder: its paragraphs. */
  | { kind: 'paragraphs'; to?: string }
  /** A group of keys of its own. */
  | { kind: 'group'; to?: string; required?: true; keys: Keys }
  /** A list of groups (`- key: value`), each one `item`; `requiredUnless`: needed unless that key is given. */
  | { kind: 'list'; to?: string; required?: true; keys: Keys; item: string; min?: number; requiredUnless?: string }
  /** Groups named by their id (`obj6:` then its keys), each one `item`; the name becomes `id`. */
  | { kind: 'named'; to?: string; keys: Keys; item: string };

export type Keys = Readonly<Record<string, Field>>;

const IMAGE_KEYS: Keys = {
  file: { kind: 'text', required: true },
  alt: { kind: 'text', required: true, local: true },
  standIn: { kind: 'flag' },
};

/** When a topic or object belongs in time, for the timeline (docs: "Periods and the timeline"). */
const PERIOD_KEYS: Keys = {
  from: { kind: 'year', required: true },
  to: { kind: 'year' },
  label: { kind: 'text' },
};

/**
 * A film or sound recording of an object (issue 20). Files are named as images are (`media/…`);
 * `captions` is one WebVTT file, or one per language (`en: …`, `ru: …`); `transcript` a Markdown
 * file of paragraphs, given in other languages by siblings as translations are.
 */
const RECORDING_KEYS: Keys = {
  file: { kind: 'text', required: true },
  title: { kind: 'text', local: true },
  poster: { kind: 'text', to: 'poster.file' },
  captions: { kind: 'text', local: true },
  transcript: { kind: 'paragraphs' },
  signLanguage: { kind: 'text', to: 'signLanguage.file' },
  audioDescription: { kind: 'text', to: 'audioDescription.file' },
};

const ARTIFACT_KEYS: Keys = {
  title: { kind: 'text', required: true, local: true },
  date: { kind: 'text', local: true },
  caption: { kind: 'text', local: true },
  permanentUrl: { kind: 'text' },
  translation: { kind: 'paragraphs' },
  translationNote: { kind: 'text', local: true },
  period: { kind: 'group', keys: PERIOD_KEYS },
  // An object may be a film or a sound recording alone (issue 20): then it needs no image.
  images: { kind: 'list', to: 'media', requiredUnless: 'recordings', keys: IMAGE_KEYS, item: 'image', min: 1 },
  recordings: { kind: 'list', keys: RECORDING_KEYS, item: 'recording' },
};

const SECTION_KEYS: Keys = {
  id: { kind: 'text', required: true },
  title: { kind: 'text', required: true, local: true },
};

const ATTRACT_KEYS: Keys = {
  title: { kind: 'text', local: true },
  invitation: { kind: 'text', local: true },
  artifacts: { kind: 'texts', what: 'artifact ids, such as [obj6, obj9]' },
};

const PACKAGE_KEYS: Keys = {
  id: { kind: 'text', required: true, what: 'the package\'s id (letters, digits, - and _), the same in every version of it, such as harbour-letters' },
  version: { kind: 'text', required: true, what: 'a version such as 1.0.0, higher in each package made after it' },
  title: { kind: 'text', required: true },
};

/** exhibit.yaml. A section's introduction and topics are Markdown files (folder.ts). */
export const EXHIBIT_KEYS: Keys = {
  package: { kind: 'group', required: true, keys: PACKAGE_KEYS },
  title: { kind: 'text', to: 'exhibit.title', required: true, local: true },
  subtitle: { kind: 'text', to: 'exhibit.subtitle', local: true },
  credit: { kind: 'text', to: 'exhibit.credit', local: true },
  language: { kind: 'text', to: 'exhibit.language', required: true, what: 'the language the exhibit is written in, a tag such as en or ru' },
  languages: { kind: 'texts', to: 'exhibit.languages', what: 'language tags, such as [ru, de]' },
  attract: { kind: 'group', to: 'exhibit.attract', keys: ATTRACT_KEYS },
  timeline: { kind: 'group', to: 'exhibit.timeline', keys: { from: { kind: 'year', required: true }, to: { kind: 'year', required: true } } },
  sections: { kind: 'list', to: 'exhibit.sections', required: true, keys: SECTION_KEYS, item: 'section', min: 1 },
  artifacts: { kind: 'named', keys: ARTIFACT_KEYS, item: 'artifact' },
};

/**
 * A topic file's front matter. Its id is its file name, its body the essay. Its other languages
 * are sibling files (`03-topic.ru.md`), never groups by language here.
 */
export const TOPIC_KEYS: Keys = {
  title: { kind: 'text', required: true },
  era: { kind: 'text' },
  period: { kind: 'group', keys: PERIOD_KEYS },
};
