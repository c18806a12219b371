/**
 * The metrics endpoint as the settings say (issue 22): off by default, listening once both
 * metricsAddress and metricsToken are set, moved when either changes. A kiosk must start and
 * show its exhibit whatever happens here, so nothing is ever thrown to the caller: a failure
 * becomes one plain sentence in the log and in `problem`, for the staff screen.
 */
import type { Registry } from 'prom-client';
import type { Logger } from '../log';
import { startMetricsServer, type MetricsServer } from './server';

export interface MetricsSettings {
  address: string | null;
  token: string | null;
}

export interface MetricsServiceOptions {
  /** The metricsAddress and metricsToken settings, read each time the service (re)starts. */
  settings: () => MetricsSettings;
  /**
   * The registry, or how to make it: made at the first listen, so a kiosk with the endpoint off
   * (the default) never starts prom-client's process collectors (an event-loop timer, a GC observer).
   */
  registry: Registry | (() => Registry);
  log: Logger;
}

/** Why listening failed, in a sentence for staff and a technician. */
function listenProblem(address: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why =
    code === 'EADDRINUSE' ? 'another program already uses that port'
    : code === 'EADDRNOTAVAIL' ? 'that address is not one of this machine\'s'
    : code === 'EACCES' ? 'the system does not let the kiosk use that port'
    : String((error as Error | null)?.message ?? error).replace(/\.$/, '');
  return `The metrics endpoint could not listen on ${address}: ${why}.`;
}

/** Owns the metrics server: start(), apply() after a settings change, stop(). */
export class MetricsService {
  #server: MetricsServer | null = null;
  #problem: string | null = null;
  /** Calls run one after another: two quick setting changes must not race for the port. */
  #queue: Promise<void> = Promise.resolve();
  #registry: Registry | null = null;

  constructor(private readonly options: MetricsServiceOptions) {}

  /** Why the endpoint is not listening although it is set up, or null. */
  get problem(): string | null {
    return this.#problem;
  }

  /** Where it listens now, or null when it is off. */
  get url(): string | null {
    return this.#server?.url ?? null;
  }

  /** Listens when both settings are set (and it is not listening yet). Never rejects. */
  start(): Promise<void> {
    return this.#run(async () => {
      if (!this.#server) await this.#listen();
    });
  }

  /** Closes and listens again as the settings now say (call when either setting changes). Never rejects. */
  apply(): Promise<void> {
    return this.#run(async () => {
      await this.#close();
      await this.#listen();
    });
  }

  /** Stops listening. Never rejects. */
  stop(): Promise<void> {
    return this.#run(async () => {
      await this.#close();
      this.#problem = null;
    });
  }

  #run(step: () => Promise<void>): Promise<void> {
    this.#queue = this.#queue.then(step).catch((error: unknown) => this.options.log.error('metrics', 'The metrics endpoint failed', error));
    return this.#queue;
  }

  async #listen(): Promise<void> {
    const { address, token } = this.options.settings();
    this.#problem = null;
    if (address === null) return; // off: the default
    if (token === null) {
      // Never open without a token: the endpoint names the exhibit and the kiosk's state.
      this.#problem = `The metrics endpoint is off: metricsAddress is set to ${address}, but metricsToken is not set.`;
      this.options.log.warn('metrics', this.#problem);
      return;
    }
    try {
      this.#server = await startMetricsServer({ address, token, registry: this.#resolveRegistry(), log: this.options.log });
      this.options.log.info('metrics', `The metrics endpoint listens on ${this.#server.url}`);
    } catch (error) {
      this.#problem = listenProblem(address, error);
      this.options.log.warn('metrics', this.#problem);
    }
  }

  #resolveRegistry(): Registry {
    const { registry } = this.options;
    return (this.#registry ??= typeof registry === 'function' ? registry() : registry);
  }

  async #close(): Promise<void> {
    const server = this.#server;
    this.#server = null;
    await server?.close();
  }
}
