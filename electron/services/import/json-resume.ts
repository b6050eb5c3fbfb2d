/**
 * JSON Resume importer: validates with the canonical schema and keeps every field, known or not.
 */
import { AppError } from '../../../shared/errors';
import { cvSchema, type Cv } from '../../../shared/model/cv';
import { decodeTextFile } from './text';

/** True when parsed JSON looks like a JSON Resume document (not some other JSON). */
export function isJsonResume(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return ['basics', 'work', 'education', 'skills', 'projects', 'volunteer', 'awards', 'certificates', 'languages'].some(
    (key) => keys.includes(key),
  );
}

/**
 * Parses a JSON Resume document losslessly.
 *
 * Throws AppError `corrupt-file` for invalid JSON and `unsupported-file` for JSON that is not
 * a résumé or does not fit the schema.
 */
export function readJsonResume(bytes: Uint8Array): Cv {
  const text = decodeTextFile(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('corrupt-file', 'This JSON file is not valid JSON. Check it in a text editor and try again.');
  }
  if (!isJsonResume(value)) {
    throw new AppError('unsupported-file', 'This JSON file is not a JSON Resume (it has no basics, work or education).');
  }
  const parsed = cvSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the document';
    throw new AppError('unsupported-file', `This JSON Resume does not fit the schema at ${where}: ${issue?.message ?? 'invalid value'}.`);
  }
  return parsed.data;
}
