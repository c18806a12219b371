/**
 * The typed client the screens' data comes through. It picks the Electron preload bridge when
 * there is one and the local HTTP binding otherwise, and turns failure envelopes into thrown
 * ClientErrors, so callers only ever see results or exceptions.
 */
import type { Api, ApiMethod, ApiResults } from '@contract/api';
// The one runtime import from src-main: the contract's verb list, a dependency-free constant.
import { API_METHODS } from '@contract/methods';
import type { ApiErrorCode, PinRefusal } from '@contract/errors';
import type { ApiEnvelope, VitrineBridge } from './envelope';

/** A call that did not succeed: the contract's error code and a sentence a person can read. */
export class ClientError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** A refused staff PIN in numbers, for the pad to word in its own language. */
    readonly pin: PinRefusal | null = null,
  ) {
    super(message);
    this.name = 'ClientError';
  }
}

const ERROR_CODES: readonly string[] = ['bad-request', 'not-found', 'unavailable', 'unauthorized', 'locked', 'internal'];

type Transport = (method: ApiMethod, args: unknown) => Promise<unknown>;

export interface ClientOptions {
  /** The preload bridge; defaults to `window.vitrine` when it exists. */
  bridge?: VitrineBridge | undefined;
  /** The fetch used for the HTTP binding; defaults to the global one. */
  fetch?: typeof fetch;
}

/** Creates the API client: Electron IPC when the preload bridge exists, HTTP otherwise. */
export function createClient(options: ClientOptions = {}): Api {
  const bridge = 'bridge' in options ? options.bridge : globalThis.window?.vitrine;
  const transport = bridge ? bridgeTransport(bridge) : httpTransport(options.fetch ?? globalThis.fetch.bind(globalThis));
  const call = async (method: ApiMethod, args: unknown) => unwrap(method, await transport(method, args ?? {}));
  return Object.fromEntries(API_METHODS.map((method) => [method, (args: unknown) => call(method, args)])) as Api;
}

function bridgeTransport(bridge: VitrineBridge): Transport {
  return async (method, args) => {
    const verb = (bridge as unknown as Record<string, unknown>)[method];
    if (typeof verb !== 'function') {
      throw new ClientError('unavailable', `The kiosk does not offer "${method}".`);
    }
    try {
      return await (verb as (args: unknown) => Promise<unknown>)(args);
    } catch {
      // The preload never rejects by design; a rejection means IPC itself broke.
      throw new ClientError('unavailable', 'The kiosk could not be reached.');
    }
  };
}

function httpTransport(fetchFn: typeof fetch): Transport {
  return async (method, args) => {
    let response: Response;
    try {
      // Relative to the page, so the same build works under any host and port.
      response = await fetchFn('./api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
    } catch {
      throw new ClientError('unavailable', 'The kiosk could not be reached.');
    }
    try {
      return await response.json();
    } catch {
      throw new ClientError('internal', `The kiosk gave an unreadable answer (HTTP ${response.status}).`);
    }
  };
}

/** Returns the result of a success envelope; throws a ClientError for anything else. */
function unwrap<M extends ApiMethod>(method: M, body: unknown): ApiResults[M] {
  const envelope = body as ApiEnvelope<ApiResults[M]> | null;
  if (envelope && typeof envelope === 'object') {
    if (envelope.ok === true && 'result' in envelope) return envelope.result;
    if (envelope.ok === false && envelope.error && typeof envelope.error === 'object') {
      const { code, message, pin } = envelope.error;
      const known = ERROR_CODES.includes(code) ? code : 'internal';
      throw new ClientError(known, typeof message === 'string' ? message : `${method} failed.`, pinRefusal(pin));
    }
  }
  throw new ClientError('internal', `The kiosk gave an unreadable answer to ${method}.`);
}

/** A PIN refusal as the contract gives it, or null for anything else (a host too old, a bad value). */
function pinRefusal(value: unknown): PinRefusal | null {
  const pin = value as Partial<Record<string, unknown>> | null | undefined;
  const count = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (pin?.kind === 'wrong-pin' && count(pin.triesLeft)) return pin as PinRefusal;
  if (pin?.kind === 'pin-locked' && count(pin.minutesLeft) && (pin.afterTries === null || count(pin.afterTries))) return pin as PinRefusal;
  return null;
}
