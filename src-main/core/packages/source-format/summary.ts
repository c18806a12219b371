/**
 * What `vitrine validate` says of a source folder that passes: what it holds (so a missing
 * section shows in the counts), and what is not wrong but likely not meant (issue 17): a section
 * without topics (visitors see it as "Not on this kiosk"), an image in media/ that no artifact
 * shows, and a file that is no part of the exhibit. None of these is packed.
 */
import { PackageError } from '../errors';
import type { ExhibitDraft } from './checks';
import { locate } from './checks';
import { formatFieldPath } from '../errors';
import { SECTIONS_DIR } from './sections';
import type { SourceRead } from './source-read';

export interface SourceSummary {
  sections: number;
  topics: number;
  artifacts: number;
  images: number;
  /** The exhibit's own language, then its others. */
  languages: string[];
}

const MEDIA_DIR = 'media';

export function summarize(read: SourceRead, manifest: ExhibitDraft): { summary: SourceSummary; warnings: PackageError[] } {
  const { sections } = manifest.exhibit;
  const summary: SourceSummary = {
    sections: sections.length,
    topics: sections.reduce((n, s) => n + s.topics.length, 0),
    artifacts: manifest.artifacts.length,
    images: manifest.artifacts.reduce((n, a) => n + a.media.length, 0),
    languages: [manifest.exhibit.language, ...(manifest.exhibit.languages ?? [])],
  };
  const warnings: PackageError[] = [];
  sections.forEach((section, s) => {
    if (section.topics.length > 0) return;
    const origin = locate(read.origins, formatFieldPath(['exhibit', 'sections', s]));
    warnings.push(new PackageError(origin.file, origin.line ? `line ${origin.line}` : null, `section "${section.id}" has no topics (no files in ${SECTIONS_DIR}/${section.id}/): visitors will see it as "Not on this kiosk"`));
  });
  for (const file of filesUnder(read, '')) {
    if (read.used.has(file) || file.startsWith(`${SECTIONS_DIR}/`)) continue;
    const why = file.startsWith(`${MEDIA_DIR}/`) ? 'no artifact shows this image' : 'this file is no part of the exhibit';
    warnings.push(new PackageError(file, null, `${why}, so it is not packed (remove it, or name it in exhibit.yaml)`));
  }
  return { summary, warnings };
}

/** Every file below `folder` of the source, as paths relative to it, leaving out what is ignored. */
function filesUnder(read: SourceRead, folder: string): string[] {
  return read.entries(folder || '.').flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return path === SECTIONS_DIR ? [] : filesUnder(read, path);
    return [path];
  });
}

