/** Errors that cross the contract: a stable code plus a sentence a person can read. */
export type ApiErrorCode = 'bad-request' | 'not-found' | 'unavailable' | 'internal';

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
