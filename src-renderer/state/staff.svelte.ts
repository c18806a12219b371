/**
 * One staff visit to the staff screen: the PIN, the session token, the status the screen shows
 * and the outcome of each action. It lives inside the staff panel and is dropped with it (close,
 * idle reset): the token is never in the visitor's session and never stored anywhere.
 */
import type { Api, PinRefusal } from '@contract/api';
import type { AnalyticsSummaryView } from '@contract/analytics';
import type { InboxResultView, JsonValue, StaffStatusView } from '@contract/types';
import { ClientError } from '../api/client';

/** How often the open staff screen asks for the status again (an inbox import, a version going live). */
export const WATCH_EVERY_MS = 2000;

/** The longest PIN the contract accepts. */
export const PIN_MAX = 8;
export const PIN_MIN = 4;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : 'Something went wrong.');

/** The staff screen's state: PIN entry, then the status and the actions on it. */
export class StaffSession {
  readonly #api: Api;
  #token: string | null = null;

  /** Digits typed on the PIN pad (shown only as dots). */
  pin = $state('');
  /** The refusal of the last PIN ("Wrong PIN, 3 tries left.") or null. */
  pinError = $state<string | null>(null);
  /** The last refusal in numbers, when the host gave them (the pad words it in its language). */
  pinRefusal = $state.raw<PinRefusal | null>(null);
  /** True when the PIN pad is locked after too many wrong tries. */
  locked = $state(false);
  status = $state.raw<StaffStatusView | null>(null);
  busy = $state(false);
  /** The last action's failure (rollback, import, leave), shown on the staff screen. */
  actionError = $state<string | null>(null);
  /** The results of the inbox check staff started, newest first; null before any. */
  scan = $state.raw<InboxResultView[] | null>(null);
  /** The visitor figures on show (issue 21), of `visitorDays`: today (1), or the last 7 or 30 days. */
  visitors = $state.raw<AnalyticsSummaryView | null>(null);
  visitorDays = $state<1 | 7 | 30>(7);
  /** Per setting: the sentence of its last refusal. */
  settingErrors = $state<Record<string, string>>({});
  /**
   * True once the session ended while the screen watched it (10 minutes without a staff action):
   * staff walked away, so the panel closes and the kiosk is the visitors' again.
   */
  expired = $state(false);

  constructor(api: Api) {
    this.#api = api;
  }

  get loggedIn(): boolean {
    return this.status !== null;
  }

  typeDigit(digit: string): void {
    if (this.pin.length < PIN_MAX) this.pin += digit;
  }

  deleteDigit(): void {
    this.pin = this.pin.slice(0, -1);
  }

  /** Sends the PIN; on success loads the status. */
  async login(): Promise<void> {
    if (this.busy || this.pin.length < PIN_MIN) return;
    this.busy = true;
    const pin = this.pin;
    this.pin = '';
    try {
      const { token } = await this.#api.staffLogin({ pin });
      this.#token = token;
      this.pinError = null;
      this.pinRefusal = null;
      this.locked = false;
      await this.#refresh();
    } catch (error) {
      this.locked = error instanceof ClientError && error.code === 'locked';
      this.pinError = messageOf(error);
      this.pinRefusal = error instanceof ClientError ? error.pin : null;
    } finally {
      this.busy = false;
    }
  }

  async rollback(versionId: number): Promise<void> {
    await this.#act(async (token) => {
      await this.#api.staffRollback({ token, versionId });
    });
  }

  async importFromInbox(): Promise<void> {
    await this.#act(async (token) => {
      this.scan = (await this.#api.staffImportFromInbox({ token })).results;
    });
  }

  /** Looks at the content channel now (issue 22); the status that follows shows how it went. */
  async checkChannel(): Promise<void> {
    await this.#act(async (token) => {
      await this.#api.staffCheckChannel({ token });
    });
  }

  /** Imports an inbox package refused only for its version: staff confirmed it (issue 17). */
  async importAnyway(name: string): Promise<void> {
    await this.#act(async (token) => {
      this.scan = (await this.#api.staffImportAnyway({ token, name })).results;
    });
  }

  /**
   * Keeps the status up to date while the screen is open: an inbox import's progress and
   * outcome, a version going live (issue 17: the screen said "Importing" 45 s after the log said
   * live). These reads do not extend the session, so a screen left open still closes itself after
   * 10 minutes without use. Returns what stops it.
   */
  watch(everyMs = WATCH_EVERY_MS): () => void {
    let stopped = false;
    const timer = setInterval(() => {
      const token = this.#token;
      if (!token || this.busy || stopped) return;
      this.#api.staffStatus({ token, watching: true }).then(
        (status) => {
          if (!stopped && this.#token === token) this.status = status;
        },
        (error: unknown) => {
          if (stopped || this.#token !== token || !(error instanceof ClientError && error.code === 'unauthorized')) return;
          this.logout();
          this.pinError = error.message;
          this.expired = true;
        },
      );
    }, everyMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }

  /**
   * Reads the visitor figures of `days`. A read, not an action: it waits for no other action and
   * reloads no status, and only an ended session is worth more than a line on the screen.
   */
  async showVisitors(days: 1 | 7 | 30): Promise<void> {
    const token = this.#token;
    if (!token) return;
    this.visitorDays = days;
    try {
      const figures = await this.#api.staffVisitors({ token, days });
      if (this.#token === token && this.visitorDays === days) this.visitors = figures;
    } catch (error) {
      if (error instanceof ClientError && error.code === 'unauthorized') {
        this.logout();
        this.pinError = error.message;
      } else this.actionError = messageOf(error);
    }
  }

  async leaveKiosk(): Promise<void> {
    await this.#act(async (token) => {
      await this.#api.staffLeaveKiosk({ token });
    });
  }

  /** Saves one setting; a refusal's sentence is kept under its key. */
  async setSetting(key: string, value: JsonValue): Promise<void> {
    const { [key]: _old, ...rest } = this.settingErrors;
    this.settingErrors = rest;
    await this.#act(async (token) => {
      try {
        await this.#api.staffSetSetting({ token, key, value });
      } catch (error) {
        if (!(error instanceof ClientError && error.code === 'bad-request')) throw error;
        this.settingErrors = { ...this.settingErrors, [key]: error.message };
      }
    });
  }

  /** Ends the staff session (on the host too) and forgets the token. */
  logout(): void {
    const token = this.#token;
    this.#token = null;
    this.status = null;
    this.scan = null;
    this.visitors = null;
    this.pin = '';
    if (token) this.#api.staffLogout({ token }).catch(() => undefined);
  }

  /** Runs a staff action, then reloads the status; an expired session goes back to the PIN pad. */
  async #act(action: (token: string) => Promise<void>): Promise<void> {
    const token = this.#token;
    if (!token || this.busy) return;
    this.busy = true;
    this.actionError = null;
    try {
      await action(token);
      await this.#refresh();
    } catch (error) {
      if (error instanceof ClientError && error.code === 'unauthorized') {
        this.logout();
        this.pinError = error.message;
      } else this.actionError = messageOf(error);
    } finally {
      this.busy = false;
    }
  }

  async #refresh(): Promise<void> {
    if (!this.#token) return;
    this.status = await this.#api.staffStatus({ token: this.#token });
  }
}
