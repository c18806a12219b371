/**
 * The staff verbs of the contract. Every one but staffLogin checks the staff session first, so a
 * visitor's screen can never reach them, whatever the renderer does. Refusals are sentences for
 * the staff screen; the token and the PIN never reach a log.
 */
import { existsSync } from 'node:fs';
import { ApiError, type ApiImplementation } from '../../contract/api';
import type { AppUpdateView, ChannelStatusView, CrashReportView } from '../../contract/types';
import type { Clock } from '../clock';
import type { Inbox } from '../inbox/inbox';
import type { Logger } from '../log';
import type { SettingsStore } from '../settings/store';
import { SettingError } from '../settings/store';
import type { Store } from '../store/connection';
import type { Publisher } from '../versions/publisher';
import { getVersion, listVersions, pendingVersion, VersionError } from '../versions/versions';
import { isOpen } from '../settings/hours';
import { keyFingerprint } from '../packages/signing';
import { createReports, liveContent, localDay } from '../analytics/report';
import { measureHealth } from './health';
import { removableMediaFolders } from './inbox-choices';
import { PinError, type PinStore } from './pin';
import { SessionError, type StaffSessions } from './session';
import { inboxResultView, settingViews, versionView } from './views';

/** What the host (Electron or the browser host) offers staff. */
export interface KioskHost {
  kind: 'electron' | 'browser';
  /** The address the browser host serves, once it listens (null before). */
  address?: () => string | null;
  /** Versions worth telling a technician (electron, chrome, node). */
  versions?: Record<string, string>;
  /** Leaves kiosk mode (Electron quits the app); absent where the host cannot. */
  leaveKiosk?: () => void;
  /** Recent crashes the host noticed, newest first. */
  recentCrashes?: () => CrashReportView[];
  /** What the app's own updater is doing (Electron; docs/app-updates.md). */
  appUpdate?: () => AppUpdateView;
  /**
   * Memory the renderer (the visitor's page) holds now, in bytes, for the metrics endpoint
   * (issue 22); null when the host cannot tell. Absent on a host that never can.
   */
  rendererMemoryBytes?: () => number | null;
}

export interface StaffContext {
  store: Store;
  settings: SettingsStore;
  publisher: Publisher;
  inbox: Inbox;
  /** The channel follower (issue 22): its state, and a look now when staff ask. */
  channel: { status(): ChannelStatusView; checkNow(): Promise<ChannelStatusView> };
  /** The metrics endpoint: where it listens, or why it does not. */
  metrics: { readonly url: string | null; readonly problem: string | null };
  pins: PinStore;
  sessions: StaffSessions;
  dataDir: string;
  startedAt: number;
  clock: Clock;
  host?: KioskHost | undefined;
  /** The inbox folders staff may pick; the mounted removable media unless a test says. */
  inboxChoices?: () => string[];
  log?: Logger | undefined;
}

/** How long staffCheckChannel waits for the look before answering with the state so far. */
const CHECK_ANSWER_MS = 5000;

export type StaffVerbs = Pick<
  ApiImplementation,
  'staffLogin' | 'staffLogout' | 'staffStatus' | 'staffRollback' | 'staffSetSetting' | 'staffImportFromInbox' | 'staffImportAnyway' | 'staffLeaveKiosk' | 'staffVisitors' | 'staffCheckChannel'
>;

/** Staff verbs for a host without staff mode (no services): each refuses plainly. */
export function staffUnavailable(): StaffVerbs {
  const refuse = (): never => {
    throw new ApiError('unavailable', 'Staff mode is not available on this kiosk.');
  };
  return {
    staffLogin: refuse, staffLogout: refuse, staffStatus: refuse, staffRollback: refuse, staffSetSetting: refuse, staffImportFromInbox: refuse, staffImportAnyway: refuse, staffCheckChannel: refuse,
    staffLeaveKiosk: refuse, staffVisitors: refuse,
  };
}

/** Builds the staff verbs over the kiosk's services. */
export function createStaffApi(ctx: StaffContext): StaffVerbs {
  const { store, sessions, log } = ctx;
  const reports = createReports(store.db);

  /** Checks the session (and extends it, unless only `watching`), or refuses the call. */
  const session = (token: string, watching = false) => {
    try {
      return watching ? sessions.peek(token) : sessions.check(token);
    } catch (error) {
      if (error instanceof SessionError) throw new ApiError('unauthorized', error.message);
      throw error;
    }
  };
  const liveView = () => {
    const id = store.liveVersionId();
    const row = id === null ? null : getVersion(store, id);
    return row ? versionView(store, row) : null;
  };

  return {
    async staffLogin({ pin }) {
      try {
        await ctx.pins.verify(pin);
      } catch (error) {
        if (!(error instanceof PinError)) throw error;
        log?.warn('staff', `Staff login refused (${error.reason})`);
        const code = error.reason === 'locked' ? 'locked' : error.reason === 'wrong' ? 'unauthorized' : error.reason === 'no-pin' ? 'unavailable' : 'bad-request';
        throw new ApiError(code, error.message, error.refusal ?? undefined);
      }
      log?.info('staff', 'Staff logged in');
      return sessions.open();
    },

    staffLogout({ token }) {
      sessions.close(token);
      log?.info('staff', 'Staff logged out');
      return { ok: true };
    },

    staffStatus({ token, watching }) {
      const grant = session(token, watching);
      const live = store.liveVersionId();
      const pending = pendingVersion(store);
      const settings = ctx.settings.all();
      const folder = settings.inboxDir;
      const { host } = ctx;
      return {
        session: { expiresAt: grant.expiresAt },
        host: { kind: host?.kind ?? 'unknown', canLeaveKiosk: Boolean(host?.leaveKiosk), address: host?.address?.() ?? null, versions: host?.versions ?? { node: process.versions.node }, appUpdate: host?.appUpdate?.() ?? null },
        openNow: isOpen(settings.openingHours, new Date(ctx.clock.now())),
        trustedKeys: settings.trustedKeys.map((key) => ({ fingerprint: keyFingerprint(key), key })),
        visitorState: ctx.publisher.visitorState,
        live: liveView(),
        pending: pending ? versionView(store, pending) : null,
        earlier: listVersions(store).filter((v) => v.status === 'published' && v.id !== live).map((v) => versionView(store, v)),
        inbox: {
          folder, available: folder !== null && existsSync(folder), choices: (ctx.inboxChoices ?? removableMediaFolders)(),
          importing: ctx.inbox.importing, progress: ctx.inbox.progress, results: ctx.inbox.results(10).map(inboxResultView),
        },
        channel: ctx.channel.status(),
        metrics: { url: ctx.metrics.url, problem: ctx.metrics.problem },
        settings: settingViews(settings),
        health: measureHealth(store, { dataDir: ctx.dataDir, startedAt: ctx.startedAt, now: ctx.clock.now(), crashes: ctx.host?.recentCrashes }),
      };
    },

    staffRollback({ token, versionId }) {
      session(token);
      try {
        const outcome = ctx.publisher.rollback(versionId);
        return { from: outcome.from!, live: liveView()! };
      } catch (error) {
        if (error instanceof VersionError) throw new ApiError(error.reason === 'no-live' ? 'unavailable' : 'not-found', error.message);
        throw error;
      }
    },

    staffSetSetting({ token, key, value }) {
      session(token);
      try {
        ctx.settings.set(key, value);
      } catch (error) {
        if (error instanceof SettingError) throw new ApiError('bad-request', error.message);
        throw error;
      }
      log?.info('staff', `Setting ${key} changed`);
      if (key === 'inboxDir') ctx.inbox.refresh(); // watch the new folder now, not at the next scan
      // The metrics token goes in, never back out to a screen (views.ts).
      return { key, value: settingViews(ctx.settings.all()).find((v) => v.key === key)!.value };
    },

    async staffCheckChannel({ token }) {
      session(token);
      if (ctx.settings.get('channelUrl') === null) throw new ApiError('unavailable', 'No channel is set. Set channelUrl to the address of a channel.json (docs/fleet.md).');
      // A look that finds a new package goes on to download and import it, minutes for a large
      // one: answer after a few seconds whatever it is doing, and let the screen watch the rest.
      const check = ctx.channel.checkNow();
      let timer: unknown = null;
      await Promise.race([check, new Promise<void>((resolve) => (timer = ctx.clock.setTimeout(resolve, CHECK_ANSWER_MS)))]);
      ctx.clock.clearTimeout(timer);
      return ctx.channel.status();
    },

    async staffImportFromInbox({ token }) {
      session(token);
      const folder = ctx.settings.get('inboxDir');
      if (folder === null) throw new ApiError('unavailable', 'No inbox folder is set. Set inboxDir to the folder where packages arrive, such as /media/usb.');
      if (!existsSync(folder)) throw new ApiError('unavailable', `The inbox folder ${folder} is not there. Is the USB stick plugged in?`);
      const taken = await ctx.inbox.scanNow();
      return { results: taken.map(inboxResultView) };
    },

    async staffImportAnyway({ token, name }) {
      session(token);
      const taken = await ctx.inbox.importAnyway(name);
      if (!taken) throw new ApiError('not-found', `${name} is no longer in the inbox folder. Is the USB stick plugged in?`);
      log?.info('staff', `Staff imported ${name} although it is not newer than the kiosk's version`);
      return { results: [inboxResultView(taken)] };
    },

    /** Visitor figures (issue 21) of the live exhibit: today, or the last 7 or 30 days, today included. */
    staffVisitors({ token, days }) {
      session(token);
      const now = ctx.clock.now();
      return reports.summary({ from: localDay(now, days - 1), to: localDay(now), content: liveContent(store.db) });
    },

    staffLeaveKiosk({ token }) {
      session(token);
      const leave = ctx.host?.leaveKiosk;
      if (!leave) throw new ApiError('unavailable', 'Leaving the kiosk is not available in the browser kiosk: stop its service or close the browser from the system.');
      log?.info('staff', 'Staff left the kiosk');
      // A moment later, so that this answer reaches the screen before the window goes.
      ctx.clock.setTimeout(leave, 300);
      return { ok: true };
    },
  };
}
