/**
 * The HTTP binding of the contract: `POST /api/<method>` with the arguments as a JSON object.
 * Mechanical on purpose (style guide §2): it reads a bounded body, parses it, and hands method
 * and arguments to `dispatch`, which checks both against the contract. It knows no verb.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiImplementation } from '../contract/api';
import type { ApiErrorCode, ApiFailure } from '../contract/errors';
import { dispatch } from '../core/dispatch';
import type { Logger } from '../core/log';
import { sendJson } from './respond';

/** Largest request body accepted; the contract's biggest argument is a setting value of about a kilobyte. */
export const MAX_BODY_BYTES = 64 * 1024;
/** After refusing a body, read at most this much more so the client sees the 413, then hang up. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

/** HTTP status for each envelope error code. */
export const STATUS_FOR_CODE: Readonly<Record<ApiErrorCode, number>> = {
  'bad-request': 400,
  'not-found': 404,
  unavailable: 503,
  unauthorized: 401,
  // 429, not 423: the client may try again later, which is what the lock's message says.
  locked: 429,
  internal: 500,
};

function failure(code: ApiErrorCode, message: string): ApiFailure {
  return { ok: false, error: { code, message } };
}

/** Answers one API call; `method` is the raw path segment after `/api/`. */
export async function handleApiCall(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  api: ApiImplementation,
  log: Logger,
): Promise<void> {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    // Requiring JSON also keeps out HTML forms, which can only post form or text bodies.
    drainAndClose(req, res);
    return sendJson(res, 415, failure('bad-request', 'API calls must send a JSON body (Content-Type: application/json).'));
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);

  const body = await readBody(req);
  if (body === 'too-large') return refuseTooLarge(req, res);
  if (body === 'aborted') return;

  let args: unknown;
  if (body.length > 0) {
    try {
      args = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, failure('bad-request', 'The request body is not valid JSON.'));
    }
  }
  const envelope = await dispatch(api, method, args, log);
  sendJson(res, envelope.ok ? 200 : STATUS_FOR_CODE[envelope.error.code], envelope);
}

/** Reads the whole body up to MAX_BODY_BYTES; stops early once it is too big. */
function readBody(req: IncomingMessage): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > MAX_BODY_BYTES) {
        cleanup();
        resolve('too-large');
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onAbort = () => {
      cleanup();
      resolve('aborted');
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  drainAndClose(req, res);
  sendJson(res, 413, failure('bad-request', `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`), {
    Connection: 'close',
  });
}

/**
 * Discards the rest of a refused body. Closing the socket with unread data makes the kernel send
 * a reset, and the client would see "connection reset" instead of our answer; but a body that
 * goes on and on is cut off.
 */
function drainAndClose(req: IncomingMessage, res: ServerResponse): void {
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_LIMIT_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  res.shouldKeepAlive = false;
  req.resume();
}
