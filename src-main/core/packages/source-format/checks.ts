/**
 * What the curator's source must hold together, said in the curator's terms (the file and line
 * of an `{{artifact …}}`, not `exhibit.sections[1].topics[2].body[3].ref`), and the manifest's
 * own value checks (ids, lengths, plain text, addresses) turned back into the line they came from.
 */
import { formatFieldPath, PackageError, type Problems } from '../errors';
import { type Manifest, type ManifestArtifact, type ManifestMedia } from '../manifest';
import { packageFiles } from '../package-files';
import { parseManifest, schemaProblems } from '../validate';
import type { Json, Origin, Origins, Path } from './fields';
import { nearest } from '../../../common/nearest';
import { sourceError } from './yaml-text';

/** An image as a curator describes it: packing adds its size and checksum. */
export type DraftMedia = Omit<ManifestMedia, 'bytes' | 'sha256'>;
/** Recordings' files too lack their sizes and checksums in a draft; pack adds them (package-files.ts). */
export type DraftArtifact = Omit<ManifestArtifact, 'media'> & { media: DraftMedia[] };
/** The manifest a curator's source describes, complete but for each file's size and checksum. */
export type ExhibitDraft = Omit<Manifest, 'artifacts'> & { artifacts: DraftArtifact[] };

const PLACEHOLDER = { bytes: 1, sha256: '0'.repeat(64) };

/** The last step of a field path: `.title` or `[2]`. */
const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

/** The origin of a manifest field, or of the nearest field that contains it. */
export function locate(origins: Origins, field: string): Origin {
  for (let at = field; ; at = at.replace(LAST_STEP, '')) {
    const origin = origins.get(at);
    if (origin) return origin;
    if (!LAST_STEP.test(at)) return { file: 'exhibit.yaml', line: null, label: field };
  }
}

/** Throws a refusal at the origin of `path`; `message` gets the curator's name for the field. */
export function refuseAt(origins: Origins, path: Path, message: (label: string) => string): never {
  const origin = locate(origins, formatFieldPath(path));
  throw sourceError(origin.file, origin.line, message(origin.label));
}

interface SourceShape {
  exhibit: { sections: { id: string; topics: { id: string; body: { type: string; ref?: string }[] }[] }[]; attract?: { artifacts?: string[] } };
  artifacts: { id: string; media: { file: string }[] }[];
}

/** Ids used once, every placement and attract entry naming an artifact, each image used once. */
function checkReferences(draft: Json, origins: Origins, problems: Problems, { artifactRefs = true } = {}): void {
  // A draft with mistakes may lack any part: each is read as empty then, its mistake recorded already.
  const { exhibit = { sections: [] }, artifacts: given } = draft as unknown as Partial<SourceShape>;
  const artifacts = (Array.isArray(given) ? given : []).map((a) => ({ ...a, media: Array.isArray(a.media) ? a.media : [] }));
  const sectionList = Array.isArray(exhibit.sections) ? exhibit.sections.map((section) => ({ ...section, topics: Array.isArray(section.topics) ? section.topics : [] })) : [];
  const refuseAt_ = (path: Path, message: (label: string) => string) => problems.attempt(() => refuseAt(origins, path, message));
  const line = (path: Path) => locate(origins, formatFieldPath(path)).line;
  const sections = new Map<string, number>();
  const topics = new Map<string, string>();
  sectionList.forEach((section, s) => {
    const first = sections.get(section.id);
    if (first !== undefined) refuseAt_(['exhibit', 'sections', s, 'id'], () => `the section id "${section.id}" is also the id of section ${first + 1} (line ${line(['exhibit', 'sections', first])}); each section needs its own`);
    sections.set(section.id, s);
    section.topics.forEach((topic, t) => {
      const file = locate(origins, formatFieldPath(['exhibit', 'sections', s, 'topics', t])).file;
      const other = topics.get(topic.id);
      if (other) problems.add(sourceError(file, null, `the topic id "${topic.id}" is also the id of ${other}; each topic needs its own (the file name after the number)`));
      topics.set(topic.id, file);
    });
  });

  const ids = new Set(artifacts.map((a) => a.id));
  // Ids that differ only in capitals (ship-letter, Ship-Letter) are a slip more often than a wish,
  // and one is easily typed for the other in a placement or an attract list.
  const lower = new Map<string, number>();
  artifacts.forEach((artifact, a) => {
    if (typeof artifact.id !== 'string') return;
    const first = lower.get(artifact.id.toLowerCase());
    if (first === undefined) return void lower.set(artifact.id.toLowerCase(), a);
    const other = artifacts[first]!.id;
    refuseAt_(['artifacts', a, 'id'], (label) => `${label} differs from "${other}" (line ${line(['artifacts', first])}) only in capitals: one is easily typed for the other in {{artifact …}} and attract lists; give them ids that differ in more than capitals`);
  });
  if (artifactRefs) {
    const named = (ref: string) => (label: string) => {
      const near = nearest(ref, ids);
      return `${label} names no artifact: there is no "${ref}" under "artifacts" in exhibit.yaml${near ? `: did you mean "${near}"?` : ''}`;
    };
    sectionList.forEach((section, s) =>
      section.topics.forEach((topic, t) =>
        (Array.isArray(topic.body) ? topic.body : []).forEach((block, b) => {
          if (block.ref !== undefined && !ids.has(block.ref)) refuseAt_(['exhibit', 'sections', s, 'topics', t, 'body', b], named(block.ref));
        }),
      ),
    );
    (Array.isArray(exhibit.attract?.artifacts) ? exhibit.attract.artifacts : []).forEach((ref, i) => {
      if (!ids.has(ref)) refuseAt_(['exhibit', 'attract', 'artifacts', i], named(ref));
    });
  }

  // Each file once: an image, a recording, a poster or a captions file named twice is a mistake
  // of copying (the kiosk would store it once and show it twice).
  const files = new Map<string, Path>();
  for (const { file, role, at: entry } of packageFiles(draft)) {
    // An image or a recording is an item of its own list ("image 1 of artifact …"); a poster,
    // captions or another track is named by its key ("poster"), which is where its file is.
    const at = role === 'image' || role === 'recording' ? entry : [...entry, 'file'];
    const key = file.toLowerCase();
    const first = files.get(key);
    if (first) refuseAt_(at, (label) => `the file of ${label} ("${file}") is also the file of ${locate(origins, formatFieldPath(first)).label} (line ${line(first)}); each file is used once`);
    files.set(key, at);
  }
}

/**
 * Checks every value as a kiosk will (manifest.ts), then the references, with placeholder image
 * sizes and checksums, recording every problem in the curator's terms; returns the draft with
 * every default filled in, or undefined when something is wrong. Values come first, so a
 * malformed id is named where it is defined, not where it is used.
 */
export function checkDraft(draft: Json, origins: Origins, problems: Problems): ExhibitDraft | undefined {
  const filled = structuredClone(draft) as unknown as SourceShape;
  for (const { entry } of packageFiles(filled)) Object.assign(entry, PLACEHOLDER);
  const text = JSON.stringify(filled);
  const schema = schemaProblems(filled);
  for (const problem of schema) {
    if (!problem.field || !problems.isUnread(problem.field)) problems.add(inCuratorTerms(problem, filled, origins));
  }
  // The references too, whatever else is wrong: a misspelt reference is its own mistake. But when
  // an artifact's own id is malformed, every use of it would be reported again as "no artifact".
  const badId = schema.some((p) => /^artifacts\[\d+\]\.id$/.test(p.field ?? ''));
  checkReferences(draft, origins, problems, { artifactRefs: !badId });
  if (problems.size > 0) return undefined;
  const manifest = problems.attempt(() => parseInCuratorTerms(text, filled, origins));
  if (!manifest) return undefined;
  for (const { entry } of packageFiles(manifest)) {
    delete entry.bytes;
    delete entry.sha256;
  }
  return manifest as unknown as ExhibitDraft;
}

/** A refusal of a manifest field, moved to the file and line the field came from. */
function inCuratorTerms(error: PackageError, filled: unknown, origins: Origins): PackageError {
  if (!error.field) return error;
  const origin = locate(origins, error.field);
  return sourceError(origin.file, origin.line, `${origin.label} should be ${error.expected}${found(valueAt(filled, error.field), error.expected)}`);
}

/** parseManifest, its refusal moved to the file and line the field came from. */
function parseInCuratorTerms(text: string, filled: unknown, origins: Origins): Manifest {
  try {
    return parseManifest(text);
  } catch (error) {
    if (!(error instanceof PackageError) || !error.field) throw error;
    throw inCuratorTerms(error, filled, origins);
  }
}

function valueAt(root: unknown, field: string): unknown {
  let value = root;
  for (const [, key, index] of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[index ?? key!] : undefined;
  }
  return value;
}

function found(value: unknown, expected: string): string {
  if (Array.isArray(value)) return `, found a list of ${value.length}`;
  // The character is named already; quoting the text would print it, invisible or garbled.
  if (typeof value !== 'string' || /control characters/.test(expected)) return '';
  const tag = /HTML/.test(expected) ? /<[^>\s]{0,20}>?/.exec(value) : null;
  if (tag) return `, found "${tag[0]}"`;
  return value.length <= 60 ? `, found "${value}"` : `, found text of ${value.length} characters`;
}
