/**
 * `vitrine preview` in the renderer (issue 17): the curator's folder, rebuilt on each save, is
 * followed by asking the host every PREVIEW_POLL_MS what it last made of it. A new build makes the
 * screens read their content again where the curator is (state/visit.svelte.ts); mistakes are
 * listed over them (PreviewPanel.svelte). Created only when the kiosk config says this is a preview.
 */
import type { Api } from '@contract/api';
import type { PreviewProblemView } from '@contract/types';

/** Often enough that a save shows within a blink of its build; the host answers from memory. */
export const PREVIEW_POLL_MS = 100;

export class PreviewWatch {
  readonly #api: Api;
  #timer: ReturnType<typeof setInterval> | null = null;
  #asking = false;

  /** Counts the good builds; the screens reload when it changes. */
  build = $state(0);
  building = $state(false);
  folder = $state('');
  problems = $state.raw<PreviewProblemView[]>([]);
  warnings = $state.raw<PreviewProblemView[]>([]);
  milliseconds = $state<number | null>(null);

  constructor(api: Api) {
    this.#api = api;
  }

  /** Starts asking; returns what stops it. */
  start(everyMs = PREVIEW_POLL_MS): () => void {
    void this.#ask();
    this.#timer = setInterval(() => void this.#ask(), everyMs);
    return () => {
      if (this.#timer !== null) clearInterval(this.#timer);
      this.#timer = null;
    };
  }

  async #ask(): Promise<void> {
    if (this.#asking) return;
    this.#asking = true;
    try {
      const state = await this.#api.getPreviewState({});
      this.folder = state.folder;
      this.building = state.building;
      this.problems = state.problems;
      this.warnings = state.warnings;
      this.milliseconds = state.milliseconds;
      this.build = state.build;
    } catch {
      // The preview stopped (Ctrl+C): the page keeps what it shows.
    } finally {
      this.#asking = false;
    }
  }
}
