/**
 * The generic half of every binding: check the verb name, validate the arguments against the
 * contract's schema, run the implementation, and wrap the answer in an envelope that survives
 * both structured clone (IPC) and JSON (HTTP). Bindings call this and nothing else of the core.
 */
import { ApiError, argSchemas, isApiMethod, type ApiFailure, type ApiImplementation, type ApiResults } from '../contract/api';
import type { ApiMethod } from '../contract/methods';
import type { Logger } from './log';

export type ApiSuccess<T> = { ok: true; result: T };
export type ApiEnvelope<T = unknown> = ApiSuccess<T> | ApiFailure;

/** Runs one call of the contract. Never throws: every failure becomes an ApiFailure. */
export async function dispatch(
  impl: ApiImplementation,
  method: unknown,
  rawArgs: unknown,
  log?: Logger,
): Promise<ApiEnvelope<ApiResults[ApiMethod]>> {
  if (!isApiMethod(method)) {
    return new ApiError('bad-request', `Unknown API method ${JSON.stringify(String(method)).slice(0, 80)}.`).toFailure();
  }
  // No argument of the contract nests deeply; a body that does (an outside probe sent thousands
  // of levels) would send zod's recursive z.json() into a RangeError. Measured without recursion.
  if (nestedDeeperThan(rawArgs, MAX_NESTING)) {
    return new ApiError('bad-request', `Invalid arguments for ${method}: a value nested more than ${MAX_NESTING} levels deep.`).toFailure();
  }
  let parsed: ReturnType<(typeof argSchemas)[typeof method]['safeParse']>;
  try {
    parsed = argSchemas[method].safeParse(rawArgs ?? {});
  } catch {
    // "dispatch never throws": whatever a validator does with hostile input is a bad request.
    return new ApiError('bad-request', `Invalid arguments for ${method}.`).toFailure();
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (argument "${issue.path.join('.')}")` : '';
    return new ApiError('bad-request', `Invalid arguments for ${method}${where}: ${issue?.message ?? 'rejected'}.`).toFailure();
  }
  try {
    const run = impl[method] as (args: unknown) => ApiResults[ApiMethod] | Promise<ApiResults[ApiMethod]>;
    return { ok: true, result: await run(parsed.data) };
  } catch (error) {
    if (error instanceof ApiError) return error.toFailure();
    log?.error('api', `${method} failed`, error);
    return new ApiError('internal', 'The kiosk could not answer this request.').toFailure();
  }
}

/** The deepest nesting any verb's arguments may have (settings values are shallow JSON). */
export const MAX_NESTING = 64;

/** True when `value` has arrays or objects nested more than `max` deep; iterative, never recursive. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
