/**
 * Argument parsing shared by the commands, with user errors as AppError.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../../shared/errors';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; unknown options and missing values become user errors. */
export function parseCommandArgs<T extends Options>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError('invalid-input', message);
  }
}

/** Returns the option's value or throws a user error naming it. */
export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '')
    throw new AppError('invalid-input', `missing required option --${name}`);
  return value;
}

/** Options shared by the commands that run a model on a CV and a posting (`tailor`, `letter`). */
export const CV_JOB_MODEL_OPTIONS = {
  cv: { type: 'string' },
  job: { type: 'string' },
  model: { type: 'string' },
  provider: { type: 'string' },
  'base-url': { type: 'string' },
  anonymize: { type: 'boolean' },
  'no-anonymize': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies Options;
