/**
 * `vitrine preview` (issue 17): a curator's folder shown in the real kiosk screens, rebuilt each
 * time a file is saved. A build reads and checks the whole folder as `pack` would (every mistake
 * at once), makes its manifest in memory, and imports it into the preview's own store through the
 * kiosk's one importer: images it has already processed (same SHA-256) keep their renditions and
 * tiles, so an edited paragraph does not decode or tile any image again. While the folder has a
 * mistake, the screens keep the last good build and the mistakes are listed over them.
 *
 * Host-independent: the CLI gives it a store (a temporary data folder, never a kiosk's) and
 * watches the folder; the HTTP host serves the screens and getPreviewState.
 */
import type { PreviewProblemView, PreviewStateView } from '../../contract/types';
import { PackageError, PackageProblems } from '../packages/errors';
import { importPackage } from '../packages/importer';
import { MANIFEST_FILE } from '../packages/manifest';
import { completeManifest, type HashCache } from '../packages/pack';
import { openListedFiles, withFiles } from '../packages/source';
import type { Logger } from '../log';
import type { Store } from '../store/connection';

export interface PreviewBuilderOptions {
  sourceDir: string;
  store: Store;
  mediaDir: string;
  log?: Logger;
}

/** What one build did, for the CLI's line and the measurements. */
export interface BuildOutcome {
  ok: boolean;
  milliseconds: number;
  /** Images decoded and tiled by this build (0 when only words changed). */
  newImages: number;
}

const view = (problem: PackageError): PreviewProblemView => ({ file: problem.file, place: problem.field, expected: problem.expected });

/** Builds the preview, one build at a time; the newest save wins. */
export class PreviewBuilder {
  #build = 0;
  #attempt = 0;
  #building = false;
  #problems: PreviewProblemView[] = [];
  #warnings: PreviewProblemView[] = [];
  #milliseconds: number | null = null;
  /** Images hashed before, by path, size and time: a text edit hashes none again. */
  readonly #hashes: HashCache = new Map();
  #chain: Promise<unknown> = Promise.resolve();
  #queued: Promise<BuildOutcome> | null = null;

  constructor(private readonly options: PreviewBuilderOptions) {}

  /** The state getPreviewState answers with. */
  state(): PreviewStateView {
    return {
      folder: this.options.sourceDir,
      build: this.#build,
      attempt: this.#attempt,
      building: this.#building,
      problems: this.#problems,
      warnings: this.#warnings,
      milliseconds: this.#milliseconds,
    };
  }

  /** Builds after the one under way (saves in a burst make one build, not one each). */
  rebuild(): Promise<BuildOutcome> {
    if (this.#queued) return this.#queued;
    const next = this.#chain.then(() => {
      this.#queued = null;
      return this.#buildOnce();
    });
    this.#queued = next;
    this.#chain = next.catch(() => undefined);
    return next;
  }

  async #buildOnce(): Promise<BuildOutcome> {
    const started = performance.now();
    this.#building = true;
    try {
      const { text, manifest: parsed, source } = await completeManifest(this.options.sourceDir, undefined, this.#hashes);
      const manifest = new Map([[MANIFEST_FILE, Buffer.from(text)]]);
      const images = parsed.artifacts.flatMap((a) => a.media.map((m) => m.file));
      const result = await importPackage(this.options.store, this.options.sourceDir, {
        mediaDir: this.options.mediaDir,
        source: `preview: ${this.options.sourceDir}`,
        publish: 'now',
        keepVersions: 1,
        // Every save is a new build of the same package and version: a preview takes it.
        allowOlder: true,
        open: async () => withFiles(await openListedFiles(this.options.sourceDir, images), manifest),
        ...(this.options.log ? { log: this.options.log } : {}),
      });
      const milliseconds = Math.round(performance.now() - started);
      this.#build++;
      this.#problems = [];
      this.#warnings = (source?.warnings ?? []).map(view);
      this.#milliseconds = milliseconds;
      return { ok: true, milliseconds, newImages: result.newImages };
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      this.#problems = (error instanceof PackageProblems ? error.problems : [error]).map(view);
      return { ok: false, milliseconds: Math.round(performance.now() - started), newImages: 0 };
    } finally {
      this.#attempt++;
      this.#building = false;
    }
  }
}
