/**
 * One way to run a contract method for every transport: parse the untrusted input, call the
 * handler, and wrap the outcome in an envelope.
 */
import { toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { METHODS, type Envelope, type Handlers, type MethodName } from '../../shared/contract';

/** True when `name` is a method of the contract (own property, not inherited). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(METHODS, name);
}

/** Reports an unexpected failure somewhere private (never to the UI). */
export type InternalErrorReporter = (method: string, error: unknown) => void;

/**
 * Runs one method with raw input from a transport.
 *
 * Input is parsed as `unknown` with the method's schema; failures and thrown errors become
 * `{ ok: false, error }` with a message safe to show.
 */
export async function dispatch(
  handlers: Handlers,
  name: MethodName,
  rawInput: unknown,
  reportInternal: InternalErrorReporter = () => undefined,
): Promise<Envelope<unknown>> {
  const method = METHODS[name];
  const parsed = method.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    const error: ErrorInfo = { code: 'invalid-input', message: `The request was not valid${where}: ${issue?.message ?? 'bad input'}.` };
    return { ok: false, error };
  }
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const info = toErrorInfo(error);
    if (info.code === 'internal') reportInternal(name, error);
    return { ok: false, error: info };
  }
}
