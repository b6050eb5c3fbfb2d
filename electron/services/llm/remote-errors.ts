/**
 * Turns what the openai SDK and the network throw into one-line AppErrors a person understands.
 * The API key is scrubbed from any text taken from a server.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError, isAppError } from '../../../shared/errors';

/** What the mapper needs to phrase a message. */
export interface RemoteErrorContext {
  baseUrl: string;
  model: string;
  apiKey: string | null;
  /** Set when our own timer aborted the request. */
  timedOutAfterMs?: number;
  /** Set when the caller's signal aborted it. */
  cancelled?: boolean;
}

/** Removes the key (and any long fragment of it) from text that came from a server. */
export function scrubSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < 4) return text;
  let scrubbed = text.split(secret).join('[key]');
  if (secret.length >= 12) {
    for (let start = 0; start + 8 <= secret.length; start += 4) {
      scrubbed = scrubbed.split(secret.slice(start, start + 8)).join('[key]');
    }
  }
  return scrubbed;
}

function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 5) return [];
  const codes: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  if (error instanceof AggregateError)
    for (const inner of error.errors) codes.push(...errorCodes(inner, depth + 1));
  codes.push(...errorCodes((error as { cause?: unknown }).cause, depth + 1));
  return codes;
}

function serverMessage(error: APIError, secret: string | null): string {
  const body = error.error as { message?: unknown } | undefined;
  const raw = typeof body?.message === 'string' ? body.message : error.message;
  return scrubSecret(raw.replace(/\s+/g, ' ').trim(), secret).slice(0, 200);
}

/** True for a 4xx/5xx that means "this server does not do that response_format". */
export function isUnsupportedFormatError(error: unknown): boolean {
  if (!(error instanceof APIError) || error.status === undefined) return false;
  if (error.status === 422 || error.status === 501) return true;
  if (error.status !== 400) return false;
  const text = `${JSON.stringify(error.error ?? '')} ${error.message}`;
  return /response_format|json_schema|json_object|structured output|grammar/i.test(text);
}

/** True when the error is worth retrying (429, 5xx, a dropped connection). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIError && error.status !== undefined)
    return error.status === 429 || error.status >= 500;
  return false;
}

function origin(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

/** Maps any error of a remote call to an AppError with a one-line message. */
export function toRemoteAppError(error: unknown, context: RemoteErrorContext): AppError {
  // The SDK wraps what fetch threw (e.g. the network guard's 'offline') as a connection error.
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (isAppError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  const where = origin(context.baseUrl);
  if (context.timedOutAfterMs !== undefined || error instanceof APIConnectionTimeoutError) {
    const seconds = Math.round((context.timedOutAfterMs ?? 0) / 100) / 10;
    return new AppError(
      'timeout',
      `${where} did not answer${seconds ? ` within ${seconds} s` : ' in time'}. Try again or raise the timeout.`,
    );
  }
  if (context.cancelled || error instanceof APIUserAbortError)
    return new AppError('cancelled', 'The request was cancelled.');
  if (error instanceof APIError && error.status !== undefined) {
    const detail = serverMessage(error, context.apiKey);
    const status = error.status;
    if (status === 401 || status === 403) {
      return new AppError(
        'auth',
        `${where} refused the API key (${status}). Check the key in Settings or CV_TAILOR_API_KEY.`,
      );
    }
    if (
      /exceed_context|context length|context_length|maximum context|context size|too many tokens|prompt is too long/i.test(
        `${detail} ${JSON.stringify(error.error ?? '')}`,
      )
    ) {
      return new AppError(
        'context-overflow',
        `The request is too long for the model "${context.model}" at ${where}: shorten the CV or posting, or pick a model with a larger context.`,
      );
    }
    if (
      status === 404 ||
      /model.*(not found|does not exist|unknown)|unknown model|model_not_found/i.test(detail)
    ) {
      return new AppError(
        'model-not-found',
        `Model "${context.model}" was not found at ${context.baseUrl} (${status}). Check the model name and the base URL.`,
      );
    }
    if (status === 429)
      return new AppError(
        'rate-limited',
        `${where} is rate-limiting requests (429). Wait a moment and try again.`,
      );
    if (status >= 500)
      return new AppError('network', `${where} had an internal error (${status}): ${detail}`);
    return new AppError('model-error', `${where} rejected the request (${status}): ${detail}`);
  }
  if (error instanceof APIError && !(error instanceof APIConnectionError)) {
    // A status-less APIError carries an error event sent mid-stream.
    const detail = scrubSecret(error.message.replace(/\s+/g, ' '), context.apiKey).slice(0, 200);
    return new AppError('model-error', `${where} reported an error while answering: ${detail}`);
  }
  const codes = errorCodes(error);
  if (codes.includes('ECONNREFUSED'))
    return new AppError('network', `Could not connect to ${where} — is the server running?`);
  if (codes.some((code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN')) {
    return new AppError(
      'network',
      `Could not find the server ${new URL(where).hostname} — check the address and your internet connection.`,
    );
  }
  if (codes.some((code) => /ECONNRESET|EPIPE|UND_ERR_SOCKET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/.test(code))) {
    return new AppError('network', `The connection to ${where} was lost. Try again.`);
  }
  return new AppError(
    'network',
    `Could not talk to ${where}. Check the address and that the server is running.`,
  );
}
