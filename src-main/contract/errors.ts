/**
 * Errors that cross the contract: a stable code plus a sentence a person can read.
 * 'unauthorized': a staff verb without a valid staff session, or a wrong PIN.
 * 'locked': too many wrong PINs; the message says for how long.
 */
export type ApiErrorCode = 'bad-request' | 'not-found' | 'unavailable' | 'unauthorized' | 'locked' | 'internal';

/**
 * A refused staff PIN in numbers, so the PIN pad says it in the staff member's language (the
 * message is English): a wrong PIN with the tries left, or a lock with the minutes it still
 * lasts (`afterTries` when this very try locked it, after that many wrong tries).
 */
export type PinRefusal =
  | { kind: 'wrong-pin'; triesLeft: number }
  | { kind: 'pin-locked'; minutesLeft: number; lockedUntil: string; afterTries: number | null };

export interface ApiFailure {
  ok: false;
  error: { code: ApiErrorCode; message: string; pin?: PinRefusal };
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Set on a refused staff login. */
    readonly pin?: PinRefusal,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toFailure(): ApiFailure {
    return { ok: false, error: { code: this.code, message: this.message, ...(this.pin && { pin: this.pin }) } };
  }
}
