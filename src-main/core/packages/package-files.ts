/**
 * Every file a manifest names, with the manifest path of its entry: an artifact's images, and its
 * recordings with their posters, captions, sign-language videos and audio descriptions (issue 20).
 * The one list pack (sizes and checksums), the source check (files exist, none used twice) and
 * staging walk, so a kind of file added to the format cannot be forgotten by one of them.
 */
import { formatFieldPath } from './errors';

/** A file entry as a manifest (or a draft of one, still without sizes) holds it. */
export interface FileEntry {
  file?: unknown;
  sha256?: unknown;
  bytes?: unknown;
}

/** What each file is to the kiosk, which decides how it is checked as it is staged. */
export type FileRole = 'image' | 'recording' | 'poster' | 'captions' | 'sign-language' | 'audio-description';

export interface NamedFile<E extends FileEntry = FileEntry> {
  /** The file's name in the package, `media/…`. */
  file: string;
  role: FileRole;
  /** The entry itself (pack fills in its size and checksum). */
  entry: E;
  /** Its manifest path, such as ['artifacts', 2, 'recordings', 0, 'captions', 1]. */
  at: (string | number)[];
  /** `formatFieldPath(at)`: `artifacts[2].recordings[0].captions[1]`, for messages. */
  field: string;
}

type Draft = { artifacts?: unknown };
type Loose = Record<string, unknown>;

const isEntry = (value: unknown): value is FileEntry & { file: string } =>
  typeof value === 'object' && value !== null && typeof (value as FileEntry).file === 'string';
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The files of `manifest` in a fixed order: artifact by artifact, images first. Skips entries without a file name. */
export function packageFiles(manifest: Draft): NamedFile[] {
  const files: NamedFile[] = [];
  const add = (entry: unknown, role: FileRole, at: (string | number)[]) => {
    if (isEntry(entry)) files.push({ file: entry.file, role, entry, at, field: formatFieldPath(at) });
  };
  list(manifest.artifacts).forEach((artifact, a) => {
    const item = (artifact ?? {}) as Loose;
    list(item.media).forEach((media, m) => add(media, 'image', ['artifacts', a, 'media', m]));
    list(item.recordings).forEach((recording, r) => {
      const at = ['artifacts', a, 'recordings', r];
      const rec = (recording ?? {}) as Loose;
      add(rec, 'recording', at);
      add(rec.poster, 'poster', [...at, 'poster']);
      list(rec.captions).forEach((captions, c) => add(captions, 'captions', [...at, 'captions', c]));
      add(rec.signLanguage, 'sign-language', [...at, 'signLanguage']);
      add(rec.audioDescription, 'audio-description', [...at, 'audioDescription']);
    });
  });
  return files;
}
