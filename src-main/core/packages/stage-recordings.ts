/**
 * Staging a recording (issue 20): its media file, sign-language video and audio description are
 * copied aside with the same size and checksum checks as images, then probed (media/probe-media.ts)
 * for what a player needs; the companions must be what their field says and last as long as the
 * recording, since they play in step with it. Captions are checked line by line against the
 * recording's length (media/captions.ts), each mistake reported with its line; the poster is
 * staged as an image is, without tiles. Every problem is recorded, none stops the others.
 */
import { extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { checkCaptions, MAX_CAPTION_BYTES } from '../media/captions';
import { formatSeconds, MediaRefusal, probeMedia, type MediaFacts } from '../media/probe-media';
import { PackageError, PackageProblems } from './errors';
import type { ManifestRecording } from './manifest';
import { copyAside, type DeclaredFile, type StagedFile } from './stage-file';
import { stageImage, type ImageStageOptions, type StagedMedia } from './stage-image';
import type { PackageSource } from './source';

/** The extensions a recording (and so its stored file) may have: manifest.ts RECORDING_EXTENSIONS. */
export type RecordingExt = 'mp4' | 'webm' | 'mp3' | 'm4a' | 'opus' | 'ogg';

/** A staged video or sound file and what probing it found. */
export interface StagedPlayable extends StagedFile<RecordingExt> {
  path: string;
  bytes: number;
  facts: MediaFacts;
}

export interface StagedRecording {
  media: StagedPlayable;
  poster: StagedMedia | null;
  captions: { language: string; file: StagedFile<'vtt'> & { path: string } }[];
  signLanguage: StagedPlayable | null;
  audioDescription: StagedPlayable | null;
}

/**
 * A sign-language video or an audio description plays beside its recording, started and sought
 * together: one that runs longer or shorter than this drifts out of step with what it describes.
 */
export const COMPANION_TOLERANCE_SECONDS = 1;

/** What staging a recording needs from stage.ts. */
export interface RecordingStageContext {
  source: PackageSource;
  dir: string;
  options: ImageStageOptions;
  /** Runs `step`; a PackageError it throws is recorded against manifest field `field`, and undefined returned. */
  attempt<T>(field: string, step: () => Promise<T>): Promise<T | undefined>;
  /** Counts one more file of the package checked (accepted or not). */
  tick(): void;
}

/**
 * Stages `recording` (manifest field `field`, such as `artifacts[2].recordings[0]`) and every file
 * it names. Returns null when any of them was refused (the refusals are recorded by `attempt`).
 */
export async function stageRecording(ctx: RecordingStageContext, recording: ManifestRecording, field: string): Promise<StagedRecording | null> {
  const media = await ctx.attempt(field, () => stagePlayable(ctx, recording, field));
  ctx.tick();
  const seconds = media?.facts.durationSeconds ?? null;

  const companion = async (entry: DeclaredFile | null, at: string, kind: 'video' | 'audio', words: string) => {
    if (!entry) return null;
    const staged = await ctx.attempt(at, async () => {
      const found = await stagePlayable(ctx, entry, at);
      // The names allowed (manifest.ts) already hold this, as probing checks name against content.
      if (found.facts.kind !== kind) throw new PackageError(entry.file, null, `${words}, but it is ${found.facts.kind === 'video' ? 'a video' : 'sound only'}`);
      const off = seconds === null ? 0 : Math.abs(found.facts.durationSeconds - seconds);
      if (off > COMPANION_TOLERANCE_SECONDS) {
        throw new PackageError(entry.file, null, `${words} as long as its recording ${recording.file} (${formatSeconds(seconds!)}, give or take ${COMPANION_TOLERANCE_SECONDS} s), as the two play in step, but it runs ${formatSeconds(found.facts.durationSeconds)}`);
      }
      return found;
    });
    ctx.tick();
    return staged ?? null;
  };
  const signLanguage = await companion(recording.signLanguage, `${field}.signLanguage`, 'video', 'a sign-language video');
  const audioDescription = await companion(recording.audioDescription, `${field}.audioDescription`, 'audio', 'an audio description (sound)');

  const captions: StagedRecording['captions'] = [];
  let captionsRefused = false;
  for (const [c, entry] of recording.captions.entries()) {
    const at = `${field}.captions[${c}]`;
    const file = await ctx.attempt(at, () => stageCaptions(ctx, entry, at, seconds));
    if (file) captions.push({ language: entry.language, file });
    else captionsRefused = true;
    ctx.tick();
  }

  let poster: StagedMedia | null = null;
  if (recording.poster) {
    const at = `${field}.poster`;
    poster = (await ctx.attempt(at, () => stageImage(ctx.source, recording.poster!, at, ctx.dir, ctx.options, { tiles: false }))) ?? null;
    ctx.tick();
  }

  const refused = !media || captionsRefused || (recording.signLanguage && !signLanguage) || (recording.audioDescription && !audioDescription) || (recording.poster && !poster);
  return refused ? null : { media, poster, captions, signLanguage, audioDescription };
}

/** Copies a video or sound file aside and probes it; a file the kiosk cannot play is refused in the probe's words. */
async function stagePlayable(ctx: RecordingStageContext, entry: DeclaredFile, field: string): Promise<StagedPlayable> {
  const copied = await copyAside(ctx.source, entry, field, ctx.dir);
  let facts: MediaFacts;
  try {
    facts = await probeMedia(copied.path, entry.file);
  } catch (error) {
    if (!(error instanceof MediaRefusal)) throw error;
    // The refusal's message starts with the file's name, which the PackageError gives already.
    const prefix = `${error.file}: `;
    throw new PackageError(entry.file, null, error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message);
  }
  return { ...copied, ext: extname(entry.file).slice(1).toLowerCase() as RecordingExt, facts };
}

/**
 * Copies a captions file aside and checks it for a recording `seconds` long (null when the
 * recording itself was refused: the cues' syntax is still checked). Every mistake is its own
 * problem, with the captions file and its line.
 */
async function stageCaptions(ctx: RecordingStageContext, entry: DeclaredFile, field: string, seconds: number | null): Promise<StagedFile<'vtt'> & { path: string }> {
  // Never read a file this large into memory to find out it is too large.
  if (entry.bytes > MAX_CAPTION_BYTES) {
    throw new PackageError(entry.file, null, `a captions file of at most ${MAX_CAPTION_BYTES / 1024 / 1024} MiB, but the manifest says it has ${entry.bytes} bytes (${field}.bytes)`);
  }
  const copied = await copyAside(ctx.source, entry, field, ctx.dir);
  const report = checkCaptions(await readFile(copied.path), entry.file, seconds);
  if (report.problems.length > 0) {
    throw new PackageProblems(report.problems.map((problem) => new PackageError(problem.file, `line ${problem.line}`, problem.message)));
  }
  return { path: copied.path, sha256: copied.sha256, ext: 'vtt' };
}

/** Every file a staged recording brings to the media store (its poster's renditions too). */
export function recordingFiles(recording: StagedRecording): StagedFile[] {
  const { media, poster, captions, signLanguage, audioDescription } = recording;
  return [media, ...(poster ? [poster.original, poster.display, poster.thumb] : []), ...captions.map((c) => c.file), ...(signLanguage ? [signLanguage] : []), ...(audioDescription ? [audioDescription] : [])];
}
