/**
 * The result envelope every transport returns, and its unwrapping.
 */
import { AppError, type ErrorInfo } from '../errors';

/** A handler's outcome as it crosses a transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Returns the value of a successful envelope, or throws its error as an AppError. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message);
}
