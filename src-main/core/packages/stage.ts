/**
 * Staging: every file of a package is copied aside and checked before anything of the live
 * exhibit is touched: images (size, checksum, real image, pixel limit, renditions and tiles:
 * stage-image.ts) and recordings with their posters, captions, sign-language videos and audio
 * descriptions (stage-recordings.ts). A refused package leaves only its own staging folder
 * behind, which the importer removes.
 */
import { mkdir } from 'node:fs/promises';
import { checkpoint } from '../checkpoints';
import { MAX_PROBLEMS, PackageError, PackageProblems, Problems } from './errors';
import type { Manifest } from './manifest';
import { packageFiles } from './package-files';
import { stageImage, type ImageStageOptions, type StagedMedia } from './stage-image';
import { stageRecording, type RecordingStageContext, type StagedRecording } from './stage-recordings';
import type { PackageSource } from './source';

export type { StagedFile } from './stage-file';
export type { StagedMedia } from './stage-image';
export type { StagedPlayable, StagedRecording } from './stage-recordings';

export interface StageOptions extends ImageStageOptions {
  /** Called as each file of the package has been checked: images, recordings and their files alike. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** Staged images keyed by the manifest's file name. */
export type StagedSet = Map<string, StagedMedia>;

/** Everything a package's files staged as. */
export interface StagedPackage {
  /** The artifacts' images, by file name. */
  images: StagedSet;
  /** The recordings with the files they name, by the recording's file name. */
  recordings: Map<string, StagedRecording>;
}

/** Copies and checks every file of `manifest` into `stagingDir`, two jobs at a time. */
export async function stageMedia(source: PackageSource, manifest: Manifest, stagingDir: string, options: StageOptions): Promise<StagedPackage> {
  await mkdir(stagingDir, { recursive: true });
  const staged: StagedPackage = { images: new Map(), recordings: new Map() };
  // Every file is checked, and every refusal kept (issue 17: ten bad images take one run); a
  // failure that is not the package's (a full disk) stops at once.
  const problems = new Problems();
  const total = packageFiles(manifest).length;
  let done = 0;
  const ctx: RecordingStageContext = {
    source,
    dir: stagingDir,
    options,
    tick: () => options.onProgress?.(++done, total),
    async attempt(field, step) {
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof PackageError)) throw error;
        // The manifest field of the file at fault, so pack can say where the curator named it.
        for (const problem of error instanceof PackageProblems ? error.problems : [error]) problem.media ??= field;
        problems.add(error);
        return undefined;
      }
    },
  };

  const jobs: (() => Promise<void>)[] = [];
  manifest.artifacts.forEach((artifact, a) => {
    artifact.media.forEach((media, m) =>
      jobs.push(async () => {
        const field = `artifacts[${a}].media[${m}]`;
        const image = await ctx.attempt(field, () => stageImage(source, media, field, stagingDir, options));
        if (image) staged.images.set(media.file, image);
        ctx.tick();
      }),
    );
    artifact.recordings?.forEach((recording, r) =>
      jobs.push(async () => {
        const found = await stageRecording(ctx, recording, `artifacts[${a}].recordings[${r}]`);
        if (found) staged.recordings.set(recording.file, found);
      }),
    );
  });

  let next = 0;
  let failed = false;
  // libvips already uses threads per image; two jobs at once keeps both cores busy on small images.
  const worker = async () => {
    while (next < jobs.length && !failed && problems.size < MAX_PROBLEMS) {
      const job = jobs[next++]!;
      try {
        await job();
        checkpoint('stage');
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Wait for both workers to stop before reporting, so nobody writes into a folder being removed.
  const results = await Promise.allSettled([worker(), worker()]);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  problems.check();
  return staged;
}
