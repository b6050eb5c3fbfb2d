/**
 * Typed errors shared by every runtime: a stable code for programs and a message for people.
 */

/** Every error code the services may return. */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'unsupported-file',
  'empty-file',
  'corrupt-file',
  'encrypted-file',
  'wrong-password',
  'no-text-layer',
  'file-too-large',
  'offline',
  'network',
  'auth',
  'rate-limited',
  'timeout',
  'model-not-found',
  'model-error',
  'context-overflow',
  'cancelled',
  'keychain',
  'storage',
  'internal',
] as const;

/** A stable machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error whose message is meant for the person using the app. */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/** The serialisable shape of an error crossing a transport. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** True when the value is an AppError (also across realms, by shape). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === 'AppError' && 'code' in value);
}

/**
 * Turns any thrown value into an ErrorInfo safe to show a person.
 *
 * Unknown errors become `internal` with a generic message: their text may hold paths or
 * secrets, so it is never passed on.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong inside CV Tailor. Your data was not changed.' };
}

/** Exhaustiveness check for switch statements. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
