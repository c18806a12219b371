/**
 * The staff session: one at a time, opened by a right PIN, ended by logging out, by a new login,
 * or after ten minutes without a staff action (a staff member called away must not leave the
 * staff screen open to the next visitor). The token is random; only its hash is kept, and it is
 * never logged.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { systemClock, type Clock } from '../clock';

export const STAFF_IDLE_MS = 10 * 60_000;

/** A staff call without a valid session. */
export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}

export interface SessionGrant {
  token: string;
  /** ISO time the session ends unless another staff action extends it. */
  expiresAt: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest();

/** Holds the one staff session. */
export class StaffSessions {
  #hash: Buffer | null = null;
  #lastUsed = 0;
  readonly #clock: Clock;
  readonly #idleMs: number;

  constructor(options: { clock?: Clock; idleMs?: number } = {}) {
    this.#clock = options.clock ?? systemClock;
    this.#idleMs = options.idleMs ?? STAFF_IDLE_MS;
  }

  /** Opens a new session, ending any other. */
  open(): SessionGrant {
    const token = randomBytes(32).toString('base64url');
    this.#hash = digest(token);
    this.#lastUsed = this.#clock.now();
    return { token, expiresAt: this.#expiresAt() };
  }

  /** Checks a token and extends its session; throws SessionError when it is not the live session. */
  check(token: string): SessionGrant {
    if (this.#hash === null) throw new SessionError('Staff mode is closed. Enter the staff PIN.');
    if (!timingSafeEqual(digest(token), this.#hash)) throw new SessionError('This staff session has ended (someone else logged in). Enter the staff PIN.');
    if (this.#clock.now() - this.#lastUsed > this.#idleMs) {
      this.#hash = null;
      throw new SessionError(`The staff session has expired after ${Math.round(this.#idleMs / 60_000)} minutes without use. Enter the staff PIN again.`);
    }
    this.#lastUsed = this.#clock.now();
    return { token, expiresAt: this.#expiresAt() };
  }

  /**
   * Checks a token without extending its session: the open staff screen refreshing itself is not
   * staff using it, and a panel left open must still close after 10 minutes (issue 17).
   */
  peek(token: string): SessionGrant {
    const lastUsed = this.#lastUsed;
    const grant = this.check(token);
    this.#lastUsed = lastUsed;
    return { ...grant, expiresAt: this.#expiresAt() };
  }

  /** Ends the session if `token` is its token (a stale token changes nothing). */
  close(token: string): void {
    if (this.#hash !== null && timingSafeEqual(digest(token), this.#hash)) this.#hash = null;
  }

  #expiresAt(): string {
    return new Date(this.#lastUsed + this.#idleMs).toISOString();
  }
}
