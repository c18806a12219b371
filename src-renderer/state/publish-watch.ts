/**
 * Keeps the exhibit on screen in step with what is live, without ever changing it under a
 * visitor's finger: the kiosk tells the host when it is in attract (on entering and every 30 s
 * while there) and when a visit starts. The host publishes waiting content only while the kiosk
 * is in attract, and its answer carries the live version; when that differs from the exhibit
 * the screens were given, `onNewContent` asks the kiosk to reload (issue 5, "Publishing").
 */
import type { Api } from '@contract/api';
import type { VisitorState } from '@contract/types';

/** How often the attract screen asks whether new content went live. */
export const ATTRACT_REPORT_MS = 30_000;

export interface PublishWatchOptions {
  /** Called in attract when the live version is not the one on screen: reload the exhibit. */
  onNewContent: () => void;
}

/** Reports the visitor state and notices new live content. */
export class PublishWatch {
  readonly #api: Api;
  readonly #onNewContent: () => void;
  /** The versionId of the last exhibit the screens loaded; null before the first arrives. */
  #shown: number | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #state: VisitorState | null = null;

  constructor(api: Api, options: PublishWatchOptions) {
    this.#api = api;
    this.#onNewContent = options.onNewContent;
  }

  /** The API the screens use, noting which version each exhibit they load belongs to. */
  watched(): Api {
    const api = this.#api;
    return {
      ...api,
      getExhibit: async (args) => {
        const exhibit = await api.getExhibit(args);
        this.#shown = exhibit.package.versionId;
        return exhibit;
      },
    };
  }

  /** The kiosk is (back) on the attract screen: report now and every 30 s until a visit starts. */
  enterAttract(): void {
    if (this.#state === 'attract') return;
    this.#state = 'attract';
    this.#stopTimer();
    this.#timer = setInterval(() => void this.#report('attract'), ATTRACT_REPORT_MS);
    void this.#report('attract');
  }

  /** A visitor started a session. */
  startVisit(): void {
    if (this.#state === 'visiting') return;
    this.#state = 'visiting';
    this.#stopTimer();
    void this.#report('visiting');
  }

  /** Stops reporting. */
  dispose(): void {
    this.#stopTimer();
    this.#state = null;
  }

  async #report(state: VisitorState): Promise<void> {
    let live: number | null;
    try {
      ({ liveVersionId: live } = await this.#api.reportVisitorState({ state }));
    } catch {
      return; // The next report tries again; the visitor sees nothing of it.
    }
    // Only in attract, and only if still in attract when the answer comes back.
    if (state !== 'attract' || this.#state !== 'attract') return;
    // Before the first exhibit arrives there is nothing stale to replace: it loads what is live.
    if (live !== null && this.#shown !== null && live !== this.#shown) this.#onNewContent();
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
