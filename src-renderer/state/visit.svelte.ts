/**
 * One visit's screens as logic, so the components only show them (issue 19): which screen is on
 * show and its data, read through this visit's screen cache with what is one tap away read ahead;
 * the exhibit's language; results that follow the visitor's words; the document's title; a
 * preview's new build; and every move a visitor's tap asks for.
 *
 * Visitor.svelte makes one per VisitorSession and is remounted with it at the idle reset, so a
 * Visit, its cache and its pending search end with their visit (state/visitor-session.svelte.ts).
 * What must touch the page (where it is scrolled, what has focus) stays in the component.
 */
import { untrack } from 'svelte';
import type { Api } from '@contract/api';
import type { ArtifactView, LocalText, SearchHit } from '@contract/types';
import { pickText } from '../i18n/content';
import { documentTitle } from '../i18n/document-title';
import { ActivityLog } from './activity-log';
import { markArtifactOpen } from './first-frame';
import { Loader } from './loader.svelte';
import type { Navigation, Screen } from './navigation.svelte';
import { ScreenCache } from './screen-cache';
import { savedItemOf, type SavedItems } from './saved-items.svelte';
import { ImageAhead } from './image-ahead';
import { loadScreen, screensOneTapAway, stillsOneTapAway, type ScreenData } from './screen-data';
import { LiveSearch } from './search.svelte';
import type { VisitorSession } from './visitor-session.svelte';
import { followActivity } from './visit-activity.svelte';

export interface VisitOptions {
  /** The visitor left the attract loop: the kiosk starts its idle clock. */
  onBegin: () => void;
  /** How far the page is scrolled now; a screen left is remembered there for Back. */
  scrollY: () => number;
  /** In `vitrine preview`, the build on show (reactive): a new one reloads the screen where it is. */
  contentBuild?: () => number;
}

export class Visit {
  readonly session: VisitorSession;
  /** The data of the screen on show: loading, ready or failed. */
  readonly view = new Loader<ScreenData>();
  /**
   * The content this visit has read, and what is one tap away (read ahead when idle), so a tap
   * is answered without a round trip. It lives and dies with this visit, like everything here.
   */
  readonly cache: ScreenCache;
  /** The still images of the objects one tap away, decoded before the tap. */
  readonly images = new ImageAhead();
  /** Results that follow the visitor's words wherever they are, so Back from a result finds them ready. */
  readonly live: LiveSearch;
  /**
   * Where the visitor left the timeline's strip, so Back from a topic returns to the same years.
   * Not reactive on purpose, like a screen's saved scroll: dragging must not re-render the screen.
   */
  readonly timelinePlace = { left: 0 };
  /**
   * The accessibility panel belongs to the screen under it, not to the bar. Opened on attract it
   * begins the visit (the idle clock runs), and closing it there goes on to the home screen, as a
   * tap on a language does.
   */
  accessibilityOpen = $state(false);
  /** What this visit did, for the kiosk's visitor counts (issue 21): its id dies with the visit. */
  readonly activity: ActivityLog;
  #settledSearch = '';
  readonly #options: VisitOptions;

  constructor(api: Api, session: VisitorSession, options: VisitOptions) {
    this.session = session;
    this.#options = options;
    this.cache = new ScreenCache(api);
    this.live = new LiveSearch((query, lang) => api.search({ query, limit: 24, lang }));
    this.activity = new ActivityLog((args) => api.recordActivity(args));
  }

  get nav(): Navigation {
    return this.session.nav;
  }

  get saved(): SavedItems {
    return this.session.saved;
  }

  /** The screen's data once it is ready to show, else null (loading, or failed). */
  get shown(): ScreenData | null {
    return this.view.status === 'ready' ? (this.view.value ?? null) : null;
  }

  /** The document's title: where the visitor is, in their language (i18n/document-title.ts). */
  get title(): string {
    const language = this.session.language;
    const text = (title: LocalText) => pickText(title, language.locale, language.content).text;
    return documentTitle(this.shown, this.view.status === 'error', language.t, text);
  }

  /** Follows the visit (loads, read-ahead, language, search, preview builds); returns its end. */
  start(): () => void {
    return $effect.root(() => {
      // Every move to another screen fetches that screen's data.
      $effect(() => {
        void this.nav.current;
        untrack(() => this.reload());
      });

      // A preview's new build: the same screen, read again, where the curator is looking.
      const build = this.#options.contentBuild ?? (() => 0);
      let shownBuild = untrack(build);
      $effect(() => {
        if (build() === shownBuild) return;
        shownBuild = build();
        untrack(() => {
          this.nav.saveScroll(this.#options.scrollY()); // the curator stays where they were reading
          this.cache.forget();
          this.reload();
        });
      });

      // Once a screen is shown, what it leads to is read ahead, so the next tap finds it at hand.
      $effect(() => {
        const data = this.shown;
        if (!data) return;
        this.cache.warm(screensOneTapAway(data).map((screen) => (reader: Api) => loadScreen(reader, screen)));
        this.images.hold(stillsOneTapAway(data));
      });

      // The exhibit's language: the content's `lang`, and the UI's default when the kiosk speaks it.
      $effect(() => {
        const data = this.view.value;
        if ((data?.kind === 'attract' || data?.kind === 'home') && data.exhibit) this.session.language.setContentLanguage(data.exhibit.language);
      });

      $effect(() => this.live.update(this.session.search.text, this.session.language.locale));

      followActivity(this, this.activity);

      return () => {
        this.activity.end();
        this.live.dispose();
        this.cache.dispose();
        this.images.release();
      };
    });
  }

  /** Reads the screen on show again (from the cache where it has it). */
  reload(): void {
    const screen = this.nav.current;
    const items = this.saved.items;
    void this.view.load(() => loadScreen(this.cache.api, screen, items));
  }

  readonly open = (screen: Screen): void => this.#move(() => this.nav.open(screen));
  readonly replace = (screen: Screen): void => this.#move(() => this.nav.replace(screen));
  readonly back = (): void => this.#move(() => this.nav.back());
  readonly home = (): void => this.#move(() => this.nav.home());
  readonly openMyList = (): void => this.open({ kind: 'my-list' });
  readonly openSearch = (): void => this.open({ kind: 'search' });
  readonly openSection = (id: string): void => this.open({ kind: 'section', id });
  readonly openTopic = (id: string): void => this.open({ kind: 'topic', id });
  /** Previous/next topic: Back skips the chain. */
  readonly replaceTopic = (id: string): void => this.replace({ kind: 'topic', id });

  /** The timeline from the home screen: it starts at its first years. */
  readonly openTimeline = (): void => {
    this.timelinePlace.left = 0;
    this.open({ kind: 'timeline' });
  };

  /** Opens an object; the tap is the start of the first-frame measurement (bench/first-frame.mjs). */
  readonly openArtifact = (id: string): void => {
    markArtifactOpen();
    this.open({ kind: 'artifact', id });
  };

  /** An object's previous/next (a swipe too): Back skips the chain. Measured as an open. */
  readonly replaceArtifact = (id: string): void => {
    markArtifactOpen();
    this.replace({ kind: 'artifact', id });
  };

  /** Saves the object to take home, or takes it off the visitor's list; true when saved now. */
  readonly toggleSaved = (artifact: ArtifactView): boolean => {
    const saved = this.saved.toggle(savedItemOf(artifact));
    if (saved) this.activity.record({ kind: 'save', artifact: artifact.id });
    return saved;
  };

  /** The words on the search screen, settled on (a result opened, or the screen left): once per words. */
  readonly settleSearch = (): void => {
    const query = this.live.query.trim();
    if (query === '' || query === this.#settledSearch) return;
    this.#settledSearch = query;
    this.activity.record({ kind: 'search', query: query.slice(0, 200), results: this.live.results?.hits.length ?? 0 });
  };

  /** Opens what a search found. */
  readonly openHit = (hit: SearchHit): void => {
    this.settleSearch();
    if (hit.kind === 'artifact') this.openArtifact(hit.id);
    else this.open({ kind: hit.kind, id: hit.id });
  };

  /** The visitor touched the attract loop. */
  readonly begin = (): void => {
    this.#beginActivity();
    this.#options.onBegin();
    this.open({ kind: 'home' });
  };

  readonly openAccessibility = (): void => {
    if (this.nav.current.kind === 'attract') {
      this.#beginActivity();
      this.#options.onBegin();
    }
    this.accessibilityOpen = true;
  };

  readonly closeAccessibility = (): void => {
    this.accessibilityOpen = false;
    if (this.nav.current.kind === 'attract') this.open({ kind: 'home' });
  };

  /** From the error panel: go home, or try home again when the failure was home itself. */
  readonly recover = (): void => {
    if (this.nav.current.kind === 'home' && !this.nav.canGoBack) this.reload();
    else this.home();
  };

  /** The visit begins: its clock starts, in the language on show. */
  #beginActivity(): void {
    this.activity.begin();
    this.activity.chose('language', this.session.language.locale);
  }

  /** Leaves the current screen, remembering how far it was scrolled. */
  #move(step: () => void): void {
    this.nav.saveScroll(this.#options.scrollY());
    step();
  }
}
