/**
 * Errors that cross the contract: a stable code plus a sentence a person can read.
 * 'unauthorized': a staff verb without a valid staff session, or a wrong PIN.
 * 'locked': too many wrong PINs; the message says for how long.
 */
export type ApiErrorCode = 'bad-request' | 'not-found' | 'unavailable' | 'unauthorized' | 'locked' | 'internal';

export interface ApiFailure {
  ok: false;
  error: { code: ApiErrorCode; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toFailure(): ApiFailure {
    return { ok: false, error: { code: this.code, message: this.message } };
  }
}
